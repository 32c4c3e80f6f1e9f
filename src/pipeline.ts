/**
 * The build, stage by stage:
 *
 *   data/<edition>/*.csv ─load─▶ typed tables ─metrics─▶ MetricsDocument ───────────────▶ metrics.json
 *                                                            │
 *   templates/<edition>/ ─┐                                  ▼
 *   locales/…/<locale>/ ──┴──────────────────────▶ chapters (markdown → HTML) ─┐
 *                                                  figures  (Vega-Lite → SVG) ─┴─html─▶ index.html ─pdf─▶ report.pdf
 *
 *   (.cache/build: metrics by dataset + query + engine digest, chapters by templates + locale + metrics
 *    + code, SVG by spec, PDF by HTML; see src/cache)
 *
 * Every stage is a function from its input to its output; this module only wires them, times them
 * and writes the outputs at the end, all or nothing. With a cache, a stage whose inputs are unchanged
 * is read back instead of run. A locale's PDF starts printing as soon as its HTML is ready, so the
 * browser lays out one locale while Node renders the next (both cores busy; npm run bench measures it).
 */
import { join } from 'node:path';
import { cachedSvg, type CacheCounts } from './cache/figures.ts';
import { chaptersKey, metricsKey, pdfKey } from './cache/keys.ts';
import { diskCache, NO_CACHE, type Cache } from './cache/store.ts';
import { ClaimsCollector } from './claims/capture.ts';
import { rankingsOf } from './claims/rankings.ts';
import { claimsJson, claimsRecord, localeClaims } from './claims/record.ts';
import type { ChapterClaims, LocaleClaims } from './claims/types.ts';
import { countryNames, type CountryNames } from './chapters/countries.ts';
import { readEdition } from './chapters/edition.ts';
import { message } from './messages.ts';
import { assertNeeds } from './chapters/needs.ts';
import { createTranslator, readLocale } from './chapters/i18n.ts';
import { numberFigures, renderChapters, type RenderedChapter } from './chapters/render.ts';
import { timed, type Effects, type OutputFile } from './effects.ts';
import { renderFigures } from './figures/render.ts';
import { warnMissingGlyphs } from './html/glyphs.ts';
import { buildDocument, type DocumentText, type FontLoader } from './html/document.ts';
import { datasetDir } from './load/dataset-dir.ts';
import { readManifest } from './load/manifest.ts';
import type { Locale } from './load/yaml.ts';
import type { MetricsDocument } from './metrics/document.ts';
import type { Definitions } from './metrics/definitions.ts';
import type { SqlEngine } from './metrics/engine.ts';
import { computeMetrics, deepFreeze, requiredTables } from './metrics/metrics.ts';
import type { PdfMetadata } from './pdf/finish.ts';
import type { Printer } from './pdf/print.ts';
import { renderEditionTables } from './tables/render.ts';

export type Format = 'pdf' | 'html';

export interface BuildOptions {
  /** Project root: templates/, locales/ and the edition's data folder are found under it. */
  readonly root: string;
  readonly edition: string;
  readonly locales: readonly Locale[];
  readonly formats: readonly Format[];
  readonly outDir: string;
  /** A dataset folder (relative to root, or absolute) instead of the edition's `data:`. */
  readonly data?: string;
  /** The build cache's folder (e.g. .cache/build); absent or null: every stage runs. */
  readonly cacheDir?: string | null;
  /**
   * Every locale of the edition, when `locales` builds only some of them (the preview rebuilding the
   * one whose sentences changed): each HTML links to the other language's edition. Default: `locales`.
   */
  readonly publishedLocales?: readonly Locale[];
  /** Write metrics.json (default); the preview does not, it serves the HTML only. */
  readonly writeMetrics?: boolean;
  /**
   * Launch the browser as soon as the metrics are ready, not when the first PDF is needed (default: no).
   * Measured on 2 busy cores it did not pay: the launch competes with the chapters and figures stages.
   */
  readonly eagerBrowser?: boolean;
  /** Print each locale as soon as its HTML is ready, concurrently (default); false: one after another at the end. */
  readonly concurrentPrint?: boolean;
}

export interface Resources {
  openEngine(): Promise<SqlEngine>;
  /** Called only when a PDF is asked for and not in the cache. */
  openPrinter(): Promise<Printer>;
  readonly fonts: FontLoader;
  /** Names the browser build, for the PDF cache key; without it PDFs are never read from the cache. */
  printerIdentity?(): string;
  /** A cache to use instead of cacheDir's (the preview keeps recent entries in memory). */
  readonly cache?: Cache;
  /**
   * Parsed metrics by cache key, kept by a long-running caller (the preview) so that an unchanged
   * dataset costs its digest only, not a parse of the cached document at every rebuild.
   */
  readonly parsed?: Map<string, MetricsDocument>;
}

/** One timed stage, for the benchmark: clock readings (fx.clock) at its start and end. */
export interface StageTiming {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  /** Read from the cache instead of run. */
  readonly cached: boolean;
  /** What the stage logged after its time (counts, pages, sizes). */
  readonly detail: string;
}

export interface BuildResult {
  readonly metrics: MetricsDocument;
  readonly files: readonly { readonly path: string; readonly bytes: number; readonly pages?: number }[];
  readonly stages: readonly StageTiming[];
}

/**
 * The loader is imported when metrics are computed, not at start: it pulls in DuckDB's native module
 * (0.4 s), which a build with cached metrics never needs.
 */
const loader = () => import('./load/tables.ts');

/** The metrics of one dataset, with an edition's definitions (thresholds). */
export async function computeDatasetMetrics(fx: Effects, engine: SqlEngine, dataDir: string, definitions: Definitions): Promise<MetricsDocument> {
  const { loadTables, loadSummary } = await loader();
  const manifest = await readManifest(fx.fs, dataDir);
  const tables = await timed(fx, 'load', () => loadTables(fx.fs, engine, dataDir, manifest, requiredTables()), (t) => loadSummary(t, manifest));
  return timed(fx, 'metrics', () => computeMetrics(engine, manifest, tables, definitions));
}

/** Runs and logs stages, and keeps their timings for the result. */
class Stages {
  readonly list: StageTiming[] = [];
  constructor(private readonly fx: Effects) {}

  async run<T>(label: string, work: () => Promise<T>, detail?: (result: T) => string, cached = false): Promise<T> {
    const start = this.fx.clock.now();
    const result = await timed(this.fx, cached ? `${label} [cache]` : label, work, detail);
    this.list.push({ label, start, end: this.fx.clock.now(), cached, detail: detail ? detail(result) : '' });
    return result;
  }
}

/** Metrics from the cache when the dataset, the definitions, the queries and the engine are unchanged; else load and compute. */
async function datasetMetrics(fx: Effects, stages: Stages, cache: Cache, resources: Resources, dataDir: string, definitions: Definitions): Promise<{ metrics: MetricsDocument; key: string | null }> {
  const key = cache === NO_CACHE ? null : await stages.run('data digest', () => metricsKey(fx.fs, dataDir, definitions), (k) => k.slice(0, 12));
  return { metrics: await metricsFor(fx, stages, cache, resources, dataDir, definitions, key), key };
}

async function metricsFor(fx: Effects, stages: Stages, cache: Cache, resources: Resources, dataDir: string, definitions: Definitions, key: string | null): Promise<MetricsDocument> {
  const parsed = key ? resources.parsed?.get(key) : undefined;
  if (parsed) return stages.run('metrics', async () => parsed, () => key!.slice(0, 12), true);
  const known = key ? await cache.get('metrics', key) : null;
  if (known) {
    const doc = await stages.run('metrics', async () => deepFreeze(JSON.parse(Buffer.from(known).toString('utf8')) as MetricsDocument), () => key!.slice(0, 12), true);
    remember(resources, key!, doc);
    return doc;
  }
  const { loadTables, loadSummary } = await loader();
  const engine = await resources.openEngine();
  try {
    const manifest = await readManifest(fx.fs, dataDir);
    const tables = await stages.run('load', () => loadTables(fx.fs, engine, dataDir, manifest, requiredTables()), (t) => loadSummary(t, manifest));
    const metrics = await stages.run('metrics', () => computeMetrics(engine, manifest, tables, definitions));
    if (key) {
      await cache.put('metrics', key, JSON.stringify(metrics));
      remember(resources, key, metrics);
    }
    return metrics;
  } finally {
    engine.close();
  }
}

/**
 * A locale's chapters and their claims (sentences and tables for claims.json), from the cache when the
 * edition, the locale's messages, the metrics and the code are unchanged: an edit to one locale
 * re-renders that locale only. Only plain {id, html} chapters are stored, so a field added to
 * RenderedChapter later is never lost in a round trip.
 */
async function cachedChapters(
  stages: Stages,
  cache: Cache,
  metricsId: string | null,
  locale: Locale,
  edition: unknown,
  messages: unknown,
  render: () => RenderedChapters,
): Promise<RenderedChapters> {
  const label = `chapters ${locale}`;
  const detail = (c: RenderedChapters) => `${c.chapters.length} chapter(s)`;
  const key = metricsId ? chaptersKey(edition, locale, messages, metricsId) : null;
  const known = key ? await cache.get('chapters', key) : null;
  if (known) return stages.run(label, async () => JSON.parse(Buffer.from(known).toString('utf8')) as RenderedChapters, detail, true);
  const rendered = await stages.run(label, async () => render(), detail);
  const plain = rendered.chapters.every((c) => Object.entries(c).every(([k, v]) => (k === 'id' || k === 'html') && typeof v === 'string'));
  if (key && plain) await cache.put('chapters', key, JSON.stringify(rendered));
  return rendered;
}

interface RenderedChapters {
  readonly chapters: RenderedChapter[];
  readonly claims: ChapterClaims;
}

/** Keeps the last parsed metrics document only: a preview needs the current dataset's. */
function remember(resources: Resources, key: string, doc: MetricsDocument): void {
  resources.parsed?.clear();
  resources.parsed?.set(key, doc);
}

interface PrintJob {
  readonly locale: Locale;
  readonly html: string;
  readonly metadata: PdfMetadata;
}

interface Printed {
  readonly bytes: Uint8Array;
  readonly pages: number;
}

/**
 * Prints on demand: the browser is launched by the first PDF not found in the cache, and shared by all
 * (one page per locale). Every job's promise is caught at once, so a failure surfaces at `finish()`.
 */
class PrintQueue {
  private printer: Promise<Printer> | null = null;
  private readonly jobs: Promise<Printed>[] = [];

  constructor(
    private readonly stages: Stages,
    private readonly cache: Cache,
    private readonly resources: Resources,
  ) {}

  /**
   * Launches the browser now, before any HTML is ready, so that the launch overlaps the chapters and
   * figures stages instead of delaying the first print. Wasted (and closed at the end) when every
   * PDF turns out to be in the cache.
   */
  warm(): void {
    this.launch().catch(() => {}); // a launch failure surfaces with the first print
  }

  private launch(): Promise<Printer> {
    return (this.printer ??= this.stages.run('browser', () => this.resources.openPrinter()));
  }

  add(job: PrintJob): Promise<Printed> {
    const promise = this.print(job);
    promise.catch(() => {}); // awaited in finish(); never an unhandled rejection meanwhile
    this.jobs.push(promise);
    return promise;
  }

  private async print({ locale, html, metadata }: PrintJob): Promise<Printed> {
    const identity = this.resources.printerIdentity?.();
    const key = identity && this.cache !== NO_CACHE ? pdfKey(html, locale, metadata, identity) : null;
    const known = key ? await this.cache.get('pdf', key) : null;
    if (known) {
      const pages = Number(new TextDecoder().decode(known.subarray(0, known.indexOf(10))));
      return this.stages.run(`pdf ${locale}`, async () => ({ bytes: known.subarray(known.indexOf(10) + 1), pages }), (p) => `${p.pages} pages`, true);
    }
    const printer = await this.launch();
    const pdf = await this.stages.run(`pdf ${locale}`, () => printer.print(html, locale, metadata), (p) =>
      // The print is checked against the pagination model: say so when a note missed its page.
      `${p.pages} pages, ${p.passes} print(s), ${(p.bytes.length / 1024).toFixed(0)} KiB` +
      (p.misplacedNotes.length ? `; footnotes not on their reference's page: ${p.misplacedNotes.join(', ')}` : '') +
      (p.shrunk.length ? `; wider than the page, printed smaller: ${p.shrunk.map((s) => `${s.element} (${Math.round(s.scale * 100)}%)`).join(', ')}` : '') +
      // Printed again because the model disagreed with the print: where it first went wrong.
      (p.modelMisses.length ? `; pagination model off from ${p.modelMisses[0]!.id} (page ${p.modelMisses[0]!.model}, printed ${p.modelMisses[0]!.print})` : ''),
    );
    // Stored with its page count in front, so a cached PDF needs no parsing to be reported.
    if (key) await this.cache.put('pdf', key, Buffer.concat([Buffer.from(`${pdf.pages}\n`), pdf.bytes]));
    return { bytes: pdf.bytes, pages: pdf.pages };
  }

  /** Waits for every job (even after a failure, so no page is closed under a running print), then closes the browser. */
  async finish(): Promise<Printed[]> {
    const settled = await Promise.allSettled(this.jobs);
    if (this.printer) await (await this.printer.catch(() => null))?.close();
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return settled.map((s) => (s as PromiseFulfilledResult<Printed>).value);
  }
}

export async function build(options: BuildOptions, fx: Effects, resources: Resources): Promise<BuildResult> {
  const stages = new Stages(fx);
  const cache = resources.cache ?? (options.cacheDir ? diskCache(fx.fs, options.cacheDir) : NO_CACHE);
  const edition = await readEdition(fx.fs, join(options.root, 'templates'), options.edition);
  const { metrics, key: metricsId } = await datasetMetrics(fx, stages, cache, resources, datasetDir(options.root, options.data ?? edition.data), edition.definitions);
  if (metrics.provenance.calibration_ignored) fx.log.warn(message('data.calibration-ignored', { reason: metrics.provenance.calibration_ignored }));
  assertNeeds(options.edition, edition.needs, metrics, edition.focus);
  const outDir = join(options.outDir, options.edition);
  const files: (OutputFile & { pages?: number })[] =
    (options.writeMetrics ?? true) ? [{ path: join(outDir, 'metrics.json'), data: `${JSON.stringify(metrics, null, 2)}\n` }] : [];
  const numbers = numberFigures(edition);
  const wantPdf = options.formats.includes('pdf');
  const concurrent = options.concurrentPrint ?? true;
  const queue = new PrintQueue(stages, cache, resources);
  if (wantPdf && options.eagerBrowser) queue.warm();
  const jobs: PrintJob[] = [];
  const claimsByLocale: Partial<Record<Locale, LocaleClaims>> = {};
  const namesByLocale: Partial<Record<Locale, CountryNames>> = {};

  try {
    for (const locale of options.locales) {
      const bundle = await readLocale(fx.fs, join(options.root, 'locales'), options.edition, locale);
      const t = createTranslator(bundle, metrics.provenance.definitions);
      const names = countryNames(locale, bundle.namespaces.countries);
      const { chapters, claims } = await cachedChapters(stages, cache, metricsId, locale, edition, bundle.namespaces, () => {
        const collector = new ClaimsCollector();
        return { chapters: renderChapters(edition, metrics, t, names, numbers, { claims: collector }), claims: collector.claims() };
      });
      const counts: CacheCounts = { hits: 0, misses: 0 };
      const figures = await stages.run(
        `figures ${locale}`,
        () => renderFigures(numbers, metrics, t, names, cachedSvg(cache, counts), (line) => fx.log.warn(line)),
        (f) => `${f.length} figure(s)${counts.hits ? `, ${counts.hits} from the cache` : ''}`,
      );
      const tables = renderEditionTables(edition, { metrics, t, names });
      claimsByLocale[locale] = localeClaims(claims, figures, tables);
      namesByLocale[locale] = names;
      const other = (options.publishedLocales ?? options.locales).find((l) => l !== locale) ?? null;
      const manifest = metrics.provenance.manifest;
      const source = manifest.source[locale];
      const text: DocumentText = {
        title: manifest.title[locale],
        coverLines: [
          t.text('document:cover_edition', { edition: manifest.edition }),
          t.text('document:cover_source', { source }),
          t.text('document:cover_snapshot', { date: manifest.snapshot }),
        ],
        contents: t.text('document:contents'),
        backLines: [t.text('document:back_source', { source }), t.text('document:back_generated')],
      };
      const built = await stages.run(`html ${locale}`, async () =>
        buildDocument(
          {
            locale,
            text,
            chapters,
            figures,
            tables: { list: tables, downloadLabel: t.text('document:download_csv') },
            otherEdition: other && options.formats.includes('html') ? { label: t.text('document:other_language'), href: `../${other}/index.html`, lang: other } : null,
          },
          resources.fonts,
        ),
      );
      warnMissingGlyphs(locale, { text, chapters, figures }, (line) => fx.log.warn(line));
      const metadata: PdfMetadata = {
        title: text.title,
        author: source,
        subject: t.text('document:subject'),
        keywords: t.text('document:keywords').split(/\s*,\s*/),
        creator: 'report-compiler',
        date: manifest.snapshot,
      };
      if (options.formats.includes('html')) files.push({ path: join(outDir, locale, 'index.html'), data: built.html });
      if (wantPdf) {
        const job = { locale, html: built.html, metadata };
        if (concurrent) queue.add(job);
        else jobs.push(job);
      }
    }
    // One after another: each print awaited before the next starts.
    for (const job of jobs) await queue.add(job);
  } catch (error) {
    await queue.finish().catch(() => {}); // running prints end and the browser closes before the error surfaces
    throw error;
  }
  const printed = await queue.finish();
  printed.forEach((pdf, i) => files.push({ path: join(outDir, options.locales[i]!, 'report.pdf'), data: pdf.bytes, pages: pdf.pages }));

  // What the text states, claim by claim, for `report diff` (written with metrics.json).
  if (options.writeMetrics ?? true) {
    const record = claimsRecord(options.edition, edition.chapters.map((c) => c.id), claimsByLocale, rankingsOf(metrics, namesByLocale));
    files.splice(1, 0, { path: join(outDir, 'claims.json'), data: claimsJson(record) });
  }
  // The edition's folder is swapped in whole: all or nothing, even if the process is killed meanwhile.
  await stages.run('write', () => fx.fs.publish(outDir, files), () => `${files.length} files in ${outDir}`);
  return {
    metrics,
    files: files.map((f) => ({ path: f.path, bytes: typeof f.data === 'string' ? Buffer.byteLength(f.data) : f.data.length, ...(f.pages ? { pages: f.pages } : {}) })),
    stages: stages.list,
  };
}
