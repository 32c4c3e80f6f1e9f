/**
 * The build cache end to end on a copy of the project (real DuckDB, real figures, the shipped sample
 * data): what is reused, and that nothing stale ever is. PDFs are "printed" by a stand-in printer that
 * counts its calls, so this test needs no browser.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/cli/main.ts';
import { digest } from '../src/cache/digest.ts';
import { nodeFileSystem } from '../src/effects.ts';
import type { Locale } from '../src/base/yaml.ts';
import { openDuckDb } from '../src/base/engine.ts';
import type { Printer } from '../src/pdf/print.ts';
import { build, type BuildResult, type Format } from '../src/pipeline.ts';
import { quietEffects } from './helpers/memory-fs.ts';

let root: string;
const printed: string[] = [];
/** The document each locale was last printed from: the edition's, charts as printed only (no phone drawings). */
const printedHtml = new Map<string, string>();

/** A printer whose PDF is a digest of the HTML: same HTML, same bytes, as with the real one. */
function fakePrinter(fail?: Locale): Printer {
  return {
    async print(html, locale) {
      await new Promise((r) => setTimeout(r, 20));
      if (locale === fail) throw new Error(`no ink for ${locale}`);
      printed.push(locale);
      printedHtml.set(locale, html);
      return { bytes: Buffer.from(`%PDF-fake ${locale} ${digest(html)}`), pages: 3, passes: 1, headingPages: new Map(), footnotes: 0, misplacedNotes: [], shrunk: [], modelMisses: [] };
    },
    close: async () => {},
  };
}

let log: string[] = [];

async function run(formats: Format[] = ['html'], options: { printer?: Printer; locales?: Locale[]; identity?: string; eager?: boolean } = {}): Promise<BuildResult> {
  const fx = quietEffects(nodeFileSystem);
  log = fx.lines;
  return build(
    { root, edition: '2023', data: 'data/2023', locales: options.locales ?? ['zh', 'en'], formats, outDir: join(root, 'out'), cacheDir: join(root, '.cache/build'), eagerBrowser: options.eager ?? false },
    fx,
    {
      openEngine: openDuckDb,
      openPrinter: async () => options.printer ?? fakePrinter(),
      printerIdentity: () => options.identity ?? 'fake-printer-1',
      fonts: { read: (f) => readFileSync(f.file) },
    },
  );
}

const stage = (r: BuildResult, label: string) => r.stages.find((s) => s.label === label);
const cachedFigures = (r: BuildResult, locale: Locale) => Number(/(\d+) from the cache/.exec(stage(r, `figures ${locale}`)!.detail)?.[1] ?? 0);
const drawings = (r: BuildResult, locale: Locale) => Number(/(\d+) drawing/.exec(stage(r, `figures ${locale}`)!.detail)![1]);
const html = (locale: Locale) => readFileSync(join(root, 'out/2023', locale, 'index.html'), 'utf8');
const svgOf = (page: string, id: string) => new RegExp(`<figure id="fig-${id}"[\\s\\S]*?</svg>`).exec(page)?.[0];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'report-cache-'));
  for (const dir of ['templates', 'locales', 'data/2023']) cpSync(join(PROJECT_ROOT, dir), join(root, dir), { recursive: true });
});

describe('build cache', () => {
  let first: BuildResult;

  it('computes everything from a cold cache, then reuses metrics and every figure', async () => {
    first = await run();
    expect(stage(first, 'load')).toBeDefined();
    expect(stage(first, 'metrics')!.cached).toBe(false);
    expect(cachedFigures(first, 'zh')).toBe(0);
    const zh = html('zh');
    const claims = readFileSync(join(root, 'out/2023/claims.json'), 'utf8');

    const again = await run();
    expect(stage(again, 'load')).toBeUndefined();
    expect(stage(again, 'metrics')!.cached).toBe(true);
    expect(cachedFigures(again, 'zh')).toBe(drawings(again, 'zh'));
    expect(cachedFigures(again, 'en')).toBe(drawings(again, 'en'));
    expect(stage(again, 'chapters zh')!.cached).toBe(true);
    expect(stage(again, 'chapters en')!.cached).toBe(true);
    expect(html('zh')).toBe(zh);
    // The claims record comes back with the cached chapters, byte for byte.
    expect(readFileSync(join(root, 'out/2023/claims.json'), 'utf8')).toBe(claims);
    expect(Object.keys(JSON.parse(claims).locales)).toEqual(['en', 'zh']);
    expect(again.metrics).toEqual(first.metrics);
    // The timed lines say what came from the cache.
    expect(log.some((l) => /^metrics \[cache\]\s+\d+\.\d\d s/.test(l))).toBe(true);
    expect(log.some((l) => /^figures zh\s+\d+\.\d\d s\s+\d+ figure\(s\), \d+ drawing\(s\), \d+ from the cache/.test(l))).toBe(true);
  });

  it('does not recompute metrics for a template or a locale change, and shows the change', async () => {
    const chapter = join(root, 'templates/2023', /template:\s*(\S+)/.exec(readFileSync(join(root, 'templates/2023/edition.yaml'), 'utf8'))![1]!);
    appendFileSync(chapter, '\n\nCACHE-TEST-TEMPLATE-MARKER\n');
    const file = join(root, 'locales/shared/en/document.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    writeFileSync(file, JSON.stringify({ ...doc, back_generated: 'CACHE-TEST-SENTENCE' }));
    const r = await run();
    expect(stage(r, 'load')).toBeUndefined();
    expect(stage(r, 'metrics')!.cached).toBe(true);
    expect(stage(r, 'chapters zh')!.cached).toBe(false); // the template changed for both
    expect(html('en')).toContain('CACHE-TEST-TEMPLATE-MARKER');
    expect(html('zh')).toContain('CACHE-TEST-TEMPLATE-MARKER');
    expect(html('en')).toContain('CACHE-TEST-SENTENCE');
    expect(html('zh')).not.toContain('CACHE-TEST-SENTENCE');
  });

  it('recomputes metrics and the figures drawn from changed data, keeping the others', async () => {
    const before = html('en');
    const beforeFigures = drawings(first, 'en');
    // 3,000 new Indian papers: India moves to first place.
    appendFileSync(join(root, 'data/2023/papers.csv'), `${Array.from({ length: 3000 }, (_, i) => `X${i},2020,article,5`).join('\n')}\n`);
    appendFileSync(join(root, 'data/2023/paper_affiliations.csv'), `${Array.from({ length: 3000 }, (_, i) => `X${i},I-IN-1,IN`).join('\n')}\n`);
    const r = await run();
    expect(stage(r, 'load')).toBeDefined();
    expect(stage(r, 'metrics')!.cached).toBe(false);
    expect(stage(r, 'chapters en')!.cached).toBe(false);
    expect(r.metrics.papers.by_country[0]!.country).toBe('IN');
    const after = html('en');
    const india = r.metrics.papers.by_country[0]!.papers.toLocaleString('en-US');
    expect(svgOf(after, 'papers-by-country')).toContain(`aria-label="Papers: ${india}; country: India"`);
    expect(svgOf(after, 'papers-by-country')).not.toBe(svgOf(before, 'papers-by-country'));
    expect(cachedFigures(r, 'en')).toBeLessThan(beforeFigures);
    expect(JSON.parse(readFileSync(join(root, 'out/2023/metrics.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(r.metrics)));

    // Patents only: metrics again, but the papers figure is the one already drawn.
    const papersSvg = svgOf(after, 'papers-by-country');
    const patents = readFileSync(join(root, 'data/2023/patents.csv'), 'utf8').trimEnd().split('\n');
    writeFileSync(join(root, 'data/2023/patents.csv'), `${patents.slice(0, -1).join('\n')}\n`);
    const p = await run();
    expect(stage(p, 'metrics')!.cached).toBe(false);
    expect(p.metrics.patents!.total).toBe(r.metrics.patents!.total - 1);
    expect(cachedFigures(p, 'en')).toBeGreaterThanOrEqual(1);
    expect(svgOf(html('en'), 'papers-by-country')).toBe(papersSvg);
  });

  it('prints only what changed, and never when the browser differs', async () => {
    printed.length = 0;
    await run(['html', 'pdf']);
    expect(printed.sort()).toEqual(['en', 'zh']);
    printed.length = 0;
    // A build whose PDFs are all cached does not even start the browser (unless asked to start it early).
    const r = await run(['html', 'pdf']);
    expect(printed).toEqual([]);
    expect(stage(r, 'pdf zh')!.cached).toBe(true);
    expect(stage(r, 'browser')).toBeUndefined();
    expect(readFileSync(join(root, 'out/2023/zh/report.pdf'), 'utf8')).toBe(`%PDF-fake zh ${digest(printedHtml.get('zh')!)}`);
    // The print's document is the HTML edition's but for the phone's drawings (hidden in print).
    expect(html('zh')).toContain('<div class="chart chart-narrow"><svg');
    expect(printedHtml.get('zh')).not.toContain('chart-narrow"><svg');
    expect(printedHtml.get('zh')!.match(/<figure /g)!.length).toBe(html('zh').match(/<figure /g)!.length);
    expect(r.files.find((f) => f.path.endsWith('zh/report.pdf'))!.pages).toBe(3);

    const file = join(root, 'locales/shared/en/document.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    writeFileSync(file, JSON.stringify({ ...doc, back_generated: 'CACHE-TEST-SENTENCE-2' }));
    const one = await run(['html', 'pdf']);
    expect(printed).toEqual(['en']);
    expect(stage(one, 'chapters en')!.cached).toBe(false); // its messages changed
    expect(stage(one, 'chapters zh')!.cached).toBe(true);
    expect(readFileSync(join(root, 'out/2023/en/report.pdf'), 'utf8')).toBe(`%PDF-fake en ${digest(printedHtml.get('en')!)}`);

    printed.length = 0;
    const early = await run(['html', 'pdf'], { identity: 'fake-printer-2', eager: true });
    expect(printed.sort()).toEqual(['en', 'zh']);
    expect(stage(early, 'browser')!.start).toBeLessThan(stage(early, 'chapters zh')!.start);
  });

  it('writes nothing when one locale fails to print, and waits for the other print', async () => {
    const mark = readFileSync(join(root, 'out/2023/en/index.html'), 'utf8');
    writeFileSync(join(root, 'locales/shared/en/document.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(root, 'locales/shared/en/document.json'), 'utf8')), back_generated: 'CACHE-TEST-FAIL' }));
    printed.length = 0;
    await expect(run(['html', 'pdf'], { printer: fakePrinter('en'), identity: 'fake-printer-3' })).rejects.toThrow(/no ink for en/);
    expect(printed).toEqual(['zh']);
    expect(readFileSync(join(root, 'out/2023/en/index.html'), 'utf8')).toBe(mark);
  });
});
