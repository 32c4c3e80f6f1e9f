/**
 * When `report build` launches the browser: with the figure thread, a build whose chapters are
 * rendered anew launches it once the chapters are done, while the main thread waits for the figures,
 * so that the launch is not on the path to the first print; a build whose chapters come from the
 * cache (and so, likely, its PDFs too) does not launch it early. Stand-in printer (no browser), the
 * shipped sample data, a copy of the project.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/cli/main.ts';
import { digest } from '../src/cache/digest.ts';
import { nodeFileSystem } from '../src/effects.ts';
import { openDuckDb } from '../src/base/engine.ts';
import type { Printer } from '../src/pdf/print.ts';
import { build, type BuildResult } from '../src/pipeline.ts';
import { quietEffects } from './helpers/memory-fs.ts';

let root: string;
let opened = 0;

const printer = (): Printer => ({
  async print(html, locale) {
    return { bytes: Buffer.from(`%PDF-fake ${locale} ${digest(html)}`), pages: 3, passes: 1, headingPages: new Map(), footnotes: 0, misplacedNotes: [], shrunk: [], modelMisses: [] };
  },
  close: async () => {},
});

function run(): Promise<BuildResult> {
  return build(
    { root, edition: '2023', data: 'data/2023', locales: ['zh', 'en'], formats: ['pdf', 'html'], outDir: join(root, 'out'), cacheDir: join(root, '.cache/build'), figureThread: true },
    quietEffects(nodeFileSystem),
    {
      openEngine: openDuckDb,
      openPrinter: async () => (opened++, printer()),
      printerIdentity: () => 'fake-printer-1',
      fonts: { read: (f) => readFileSync(f.file) },
    },
  );
}

const stage = (r: BuildResult, label: string) => r.stages.find((s) => s.label === label);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'report-browser-launch-'));
  for (const dir of ['templates', 'locales', 'data/2023']) cpSync(join(PROJECT_ROOT, dir), join(root, dir), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the browser of a build with the figure thread', () => {
  it('is launched after the first locale\'s chapters, before the next\'s and before the first locale waits for its figures, when the chapters are new', async () => {
    const r = await run();
    const browser = stage(r, 'browser')!;
    expect(browser).toBeDefined();
    expect(stage(r, 'chapters zh')!.cached).toBe(false);
    expect(browser.start).toBeGreaterThanOrEqual(stage(r, 'chapters zh')!.end);
    expect(browser.start).toBeLessThanOrEqual(stage(r, 'chapters en')!.start);
    expect(browser.start).toBeLessThanOrEqual(stage(r, 'figures zh')!.start);
    expect(opened).toBe(1);
  }, 300_000);

  it('is not launched when the chapters and the PDFs come from the cache', async () => {
    const r = await run();
    expect(stage(r, 'chapters zh')!.cached).toBe(true);
    expect(stage(r, 'pdf zh')!.cached).toBe(true);
    expect(stage(r, 'browser')).toBeUndefined();
    expect(opened).toBe(1);
  }, 300_000);
});
