/**
 * A real dataset folder that lacks what the edition needs stops `report build` before any template
 * runs, in one message naming the need and the table, and writes nothing; a dataset that is not the
 * one its calibration.json was made for is built without the reconstruction statements, and the build
 * says so in a warning line.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { ROOT } from '../chapters/fixtures.ts';
import { memoryFs, quietEffects } from '../helpers/memory-fs.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The sample dataset copied, with `edit` applied to one table's CSV lines (header first). */
function sampleWith(table: string, edit: (lines: string[]) => string[]): string {
  const data = mkdtempSync(join(tmpdir(), 'data-'));
  cpSync(join(ROOT, 'data/2023'), data, { recursive: true });
  const file = join(data, `${table}.csv`);
  const lines = readFileSync(file, 'utf8').split('\n');
  writeFileSync(file, edit(lines).join('\n'));
  return data;
}

async function build(data: string, out: string) {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const fx = { ...quietEffects(memoryFs()), fs: nodeFileSystem };
  const code = await main(['build', '--edition', '2023', '--data', data, '--format', 'html', '--out', out, '--cache', 'off'], fx);
  return { code, stderr: stderr.mock.calls.map((c) => String(c[0])).join(''), lines: fx.lines };
}

describe('report build on a dataset that lacks a need', () => {
  it('names the need, its line in edition.yaml and the table, and writes nothing', async () => {
    // No move involves the rival country: the flows list has no row for it.
    const data = sampleWith('scholar_moves', ([head, ...rows]) => [head!, ...rows.filter((r) => !r.split(',').slice(2, 4).includes('US'))]);
    const out = mkdtempSync(join(tmpdir(), 'out-'));
    const { code, stderr } = await build(data, out);
    expect(code).toBe(1);
    expect(stderr).toMatch(/The 2023 edition needs what this dataset lacks/);
    expect(stderr).toMatch(/edition\.yaml:\d+:\d+: flows\.by_country has no row with country = US \(table scholar_moves\)/);
    expect(stderr).not.toMatch(/\.hbs:\d+/); // no template ran
    expect(stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(existsSync(join(out, '2023'))).toBe(false);
  });
});

describe('report build on a dataset its calibration was not made for', () => {
  it('builds, and warns in one line that the reconstruction statements are left out', async () => {
    // One paper's citations changed: the table file's digest no longer matches calibration.json.
    const data = sampleWith('papers', ([head, first, ...rows]) => [head!, first!.replace(/,(\d+)$/, (_, n: string) => `,${Number(n) + 1}`), ...rows]);
    const out = mkdtempSync(join(tmpdir(), 'out-'));
    const { code, lines } = await build(data, out);
    expect(code).toBe(0);
    const warnings = lines.filter((l) => l.startsWith('warning:') && /calibration\.json/.test(l));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/papers/);
    expect(existsSync(join(out, '2023/zh/index.html'))).toBe(true);
    // The preface's statement that the records reconstruct the published edition is left out.
    const statement = (JSON.parse(readFileSync(join(ROOT, 'locales/2023/en/content.json'), 'utf8')) as { preface: { reconstruction: string } }).preface.reconstruction;
    const html = readFileSync(join(out, '2023/en/index.html'), 'utf8');
    expect(html).not.toContain(statement.slice(0, 40));
  });
});
