/**
 * The real `report build` interrupted while printing (Ctrl-C, or SIGTERM from a CI runner) and a
 * build that fails while printing: each leaves the previous edition byte-identical and no process of
 * its browser (crash reporter included) running.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processesNaming } from '../../src/base/process.ts';
import { PROJECT_ROOT } from '../../src/cli/main.ts';
import { publishEdition } from '../../src/publish.ts';
import { snapshot, until } from '../helpers/waiting.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** An out/ folder holding a previous 2023 edition. */
async function previousEdition(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'report-interrupt-'));
  roots.push(out);
  await publishEdition(join(out, '2023'), [
    { path: join(out, '2023/en/index.html'), data: 'previous html' },
    { path: join(out, '2023/en/report.pdf'), data: 'previous pdf' },
  ]);
  return out;
}


/** `report build` on the sample, English only, as a user runs it. */
function startBuild(out: string, env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/report.js'), 'build', '--edition', '2023', '--data', 'data/2023', '--locale', 'en', '--out', out, '--cache', 'off'], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exit = new Promise<number | null>((done) => child.once('exit', (code, signal) => done(code ?? (signal ? -1 : null))));
  return { child, exit, log: () => log };
}

/** The processes of the browser a node process launched: its profile folder is named after the process. */
const browserOf = (pid: number) => processesNaming(`report-chromium-${pid}-`);


describe('an interrupted build', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} while printing: exit ${signal === 'SIGINT' ? 130 : 143}, the previous edition byte-identical, no browser process left`, async () => {
      const out = await previousEdition();
      const before = snapshot(join(out, '2023'));
      const build = startBuild(out);
      // printing: the browser runs, the HTML of the locale is made, its PDF is not
      const printing = await until(() => browserOf(build.child.pid!).length > 0 && /html en/.test(build.log()), 240_000, 50);
      expect(printing, build.log()).toBe(true);
      expect(build.log()).not.toMatch(/pdf en .*pages/);
      build.child.kill(signal);
      expect(await build.exit).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(await until(() => browserOf(build.child.pid!).length === 0, 10_000, 50)).toBe(true);
      expect(snapshot(join(out, '2023'))).toEqual(before);
      expect(build.log()).not.toMatch(/^\s+at /m);
    }, 300_000);
  }
});
