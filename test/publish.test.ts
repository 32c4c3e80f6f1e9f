/**
 * An edition's folder is swapped in whole: a failed build, or a process killed outright (SIGKILL) while
 * writing or while printing, leaves the previous edition byte-identical; leftovers go at the next build.
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/cli/main.ts';
import { BUILDS_DIR, publishEdition } from '../src/publish.ts';
import { snapshot } from './helpers/waiting.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
function tmp(): string {
  const root = mkdtempSync(join(tmpdir(), 'report-publish-'));
  roots.push(root);
  return root;
}


describe('publishing an edition', () => {
  it('turns a real folder into a link to a complete build, carrying over the files not rebuilt', async () => {
    const out = tmp();
    const target = join(out, '2023');
    mkdirSync(join(target, 'zh'), { recursive: true });
    writeFileSync(join(target, 'zh/report.pdf'), 'old zh pdf');
    writeFileSync(join(target, 'metrics.json'), 'old metrics');
    // the files kept from the previous build are named, for the build's warning
    expect(await publishEdition(target, [{ path: join(target, 'zh/index.html'), data: 'new zh html' }, { path: join(target, 'metrics.json'), data: 'new metrics' }])).toEqual(['zh/report.pdf']);
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
    expect(readlinkSync(target)).toMatch(new RegExp(`^\\${BUILDS_DIR}/2023-\\d+-`));
    expect(snapshot(target)).toEqual({ 'metrics.json': 'new metrics', 'zh/index.html': 'new zh html', 'zh/report.pdf': 'old zh pdf' });
    // the next build replaces the link, and the superseded build's folder is gone
    expect(await publishEdition(target, [{ path: join(target, 'en/index.html'), data: 'en' }])).toEqual(['metrics.json', 'zh/index.html', 'zh/report.pdf']);
    expect(snapshot(target)).toEqual({ 'en/index.html': 'en', 'metrics.json': 'new metrics', 'zh/index.html': 'new zh html', 'zh/report.pdf': 'old zh pdf' });
    expect(readdirSync(join(out, BUILDS_DIR))).toEqual([readlinkSync(target).slice(BUILDS_DIR.length + 1)]);
  });

  it('leaves the previous edition as it was when a file cannot be written', async () => {
    const out = tmp();
    const target = join(out, '2023');
    await publishEdition(target, [{ path: join(target, 'en/index.html'), data: 'v1' }]);
    const before = snapshot(target);
    // "en" as a file and as a folder at once: the second write fails
    await expect(publishEdition(target, [{ path: join(target, 'x'), data: 'v2' }, { path: join(target, 'x/y'), data: 'v2' }])).rejects.toThrow();
    expect(snapshot(target)).toEqual(before);
    expect(readdirSync(join(out, BUILDS_DIR))).toHaveLength(1);
    await expect(publishEdition(target, [{ path: join(out, 'elsewhere.html'), data: 'x' }])).rejects.toThrow(/not inside/);
  });

  it('SIGKILL while writing: the previous edition is untouched, and the next build removes the staging folder', async () => {
    const out = tmp();
    const target = join(out, '2023');
    await publishEdition(target, [{ path: join(target, 'en/index.html'), data: 'v1' }, { path: join(target, 'en/report.pdf'), data: 'v1 pdf' }]);
    const before = snapshot(target);
    const code = `const { publishEdition } = await import(${JSON.stringify(new URL('../src/publish.ts', import.meta.url).pathname)});
const files = Array.from({ length: 4000 }, (_, i) => ({ path: ${JSON.stringify(target)} + '/en/part-' + i + '.txt', data: 'x'.repeat(20000) }));
await publishEdition(${JSON.stringify(target)}, files);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: 'ignore' });
    const builds = join(out, BUILDS_DIR);
    const staging = () => readdirSync(builds).find((n) => n.startsWith(`2023-${child.pid}-`) && existsSync(join(builds, n, 'en')));
    const end = Date.now() + 30_000;
    while (!staging() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
    expect(staging()).toBeDefined();
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(snapshot(target)).toEqual(before);
    expect(readdirSync(builds)).toHaveLength(2); // the published build and the killed one's staging folder
    await publishEdition(target, [{ path: join(target, 'en/index.html'), data: 'v2' }]);
    expect(readdirSync(builds)).toHaveLength(1);
    expect(snapshot(target)).toEqual({ 'en/index.html': 'v2', 'en/report.pdf': 'v1 pdf' });
  });

  it('SIGKILL while printing: the previous edition is byte-identical and no browser of that build is left', async () => {
    const out = tmp();
    const target = join(out, '2023');
    await publishEdition(target, [{ path: join(target, 'en/index.html'), data: 'previous html' }, { path: join(target, 'en/report.pdf'), data: 'previous pdf' }]);
    const before = snapshot(target);
    const code = `const { build } = await import(${JSON.stringify(new URL('../src/pipeline.ts', import.meta.url).pathname)});
const { nodeEffects } = await import(${JSON.stringify(new URL('../src/effects.ts', import.meta.url).pathname)});
const { launchPrinter } = await import(${JSON.stringify(new URL('../src/pdf/print.ts', import.meta.url).pathname)});
const { openDuckDb } = await import(${JSON.stringify(new URL('../src/base/engine.ts', import.meta.url).pathname)});
const { findChromium, nodeEnvironment } = await import(${JSON.stringify(new URL('../src/pdf/chromium.ts', import.meta.url).pathname)});
const { readFileSync } = await import('node:fs');
await build({ root: ${JSON.stringify(PROJECT_ROOT)}, edition: '2023', data: 'data/2023', locales: ['en'], formats: ['html', 'pdf'], outDir: ${JSON.stringify(out)}, cacheDir: null },
  nodeEffects(), { openEngine: openDuckDb, openPrinter: () => launchPrinter(findChromium(nodeEnvironment)), fonts: { read: (f) => readFileSync(f.file) } });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    const ours = () => browserProcessesOf(child.pid!);
    const end = Date.now() + 240_000;
    // printing: the browser runs and the PDF stage has not finished
    while (!(ours().length > 0 && /html en/.test(log)) && Date.now() < end && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
    expect(ours().length, log).toBeGreaterThan(0);
    expect(log).not.toMatch(/pdf en .*pages/);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const gone = Date.now() + 10_000;
    while (ours().length && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
    expect(ours()).toEqual([]);
    expect(snapshot(target)).toEqual(before);
  });
});

/** Chromium processes launched by the node process `pid`: their profile folder is named after it. */
function browserProcessesOf(pid: number): number[] {
  const found: number[] = [];
  for (const p of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(`report-chromium-${pid}-`) && !/\) Z /.test(readFileSync(`/proc/${p}/stat`, 'utf8'))) found.push(Number(p));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}
