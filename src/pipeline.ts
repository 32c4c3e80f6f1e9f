/**
 * The build, stage by stage:
 *
 *   data/<edition>/*.csv ─load─▶ typed tables ─metrics─▶ MetricsDocument ───────────────▶ metrics.json
 *                                                            │ (needs: checked here)
 *   templates/<edition>/ ─┐                                  ▼
 *   locales/…/<locale>/ ──┴──▶ chapters (markdown → HTML, slots) ─┐
 *                              figures  (figures.yaml → SVG)      ├─print html─▶ document ─pdf─▶ report.pdf
 *                              tables   (tables.yaml → rows)     ─┘ (+ phone charts) ─html─▶ index.html
 *                                                                   claims ─────────────────▶ claims.json
 *
 *   (.cache/build: metrics by dataset + definitions + query + engine digest, chapters by templates +
 *    locale + metrics + code, SVG by spec, PDF by HTML; see src/cache)
 *
 * Every stage is a function from its input to its output; this module only wires them, in order, and
 * writes the outputs at the end, all or nothing. A locale's PDF starts printing as soon as its print
 * document is ready (charts as printed: the phone's drawings are only on screens), so the browser lays
 * out one locale while Node renders the next, and the phone's drawings are made while both print.
 */
import { join } from 'node:path';
import { Stages } from './base/stages.ts';
import type { BuildOptions, BuildResult, Resources } from './build-types.ts';
import { cachedChapters } from './cache/chapters.ts';
import { AnswerMemo } from './cache/answers.ts';
import { cachedSvg, type CacheCounts } from './cache/figures.ts';
import { figureInputsOf, FigureThreads } from './cache/figure-threads.ts';
import { datasetMetrics } from './cache/metrics.ts';
import { diskCache, NO_CACHE } from './cache/store.ts';
import { countryNames, type CountryNames } from './base/countries.ts';
import { readEdition } from './base/edition.ts';
import { createTranslator, readLocale, type LocaleBundle, type Translator } from './base/i18n.ts';
import { assertNeeds } from './base/needs.ts';
import { renderChapters, type ChapterReuse } from './chapters/render.ts';
import { numberFigures } from './base/slots.ts';
import { ClaimsCollector } from './chapters/capture.ts';
import { rankingsOf } from './claims/rankings.ts';
import { claimsJson, claimsRecord, localeClaims } from './claims/record.ts';
import type { LocaleClaims } from './base/claims.ts';
import type { Effects, OutputFile } from './effects.ts';
import { renderFigures, type PageFigure, type RenderedFigure } from './figures/render.ts';
import { buildDocument, fontFileName, type DocumentInput } from './html/document.ts';
import type { FontFace } from './fonts/fontsource.ts';
import { warnMissingGlyphs } from './html/glyphs.ts';
import { documentText, pdfMetadata } from './html/text.ts';
import { chapterPlans, readNumberingScheme } from './html/numbering.ts';
import { coverSeries } from './html/cover.ts';
import { datasetDir } from './load/dataset-dir.ts';
import type { Locale } from './base/yaml.ts';
import { message } from './messages.ts';
import { PrintQueue, type PrintJob } from './pdf/queue.ts';
import { renderEditionTables } from './tables/render.ts';

export type { BuildOptions, BuildResult, Format, HtmlOutput, Resources, StageTiming } from './build-types.ts';
export { computeDatasetMetrics } from './cache/metrics.ts';

/** True when some locale's chapters were rendered, not read from the cache (see where the browser is launched early). */
const freshChapters = (stages: Stages) => stages.list.some((s) => s.label.startsWith('chapters ') && !s.cached);

/** The web folder's fonts: <out>/<edition>/fonts/. */
export const FONT_FOLDER = 'fonts';

export async function build(options: BuildOptions, fx: Effects, resources: Resources): Promise<BuildResult> {
  // The figures' second thread (src/cache/figure-threads.ts), started first so that it loads its
  // modules while the data loads. Not for a long-running caller, whose cache and answers are its own.
  const threads = options.figureThread && !resources.cache && !resources.answers ? new FigureThreads({ root: options.root, edition: options.edition, locales: options.locales, cacheDir: options.cacheDir ?? null }) : null;
  try {
    return await buildEdition(options, fx, resources, threads);
  } finally {
    await threads?.close();
  }
}

async function buildEdition(options: BuildOptions, fx: Effects, resources: Resources, threads: FigureThreads | null): Promise<BuildResult> {
  const stages = new Stages(fx);
  const cache = resources.cache ?? (options.cacheDir ? diskCache(fx.fs, options.cacheDir) : NO_CACHE);

  // 1. The edition (read once) and its dataset's metrics; what the edition needs of them, checked
  //    before any template runs.
  const edition = options.read ?? (await readEdition(fx.fs, join(options.root, 'templates'), options.edition));
  const dataDir = datasetDir(options.root, options.data ?? edition.data);
  // While the data loads, the figure thread also compiles the chapters' templates for this thread.
  const { metrics, key: metricsId } = await datasetMetrics(fx, stages, cache, resources, dataDir, edition.definitions, () => threads?.compileTemplates());
  if (metrics.provenance.calibration_ignored) fx.log.warn(message('data.calibration-ignored', { reason: metrics.provenance.calibration_ignored }));
  assertNeeds(options.edition, edition.needs, metrics, edition.focus);

  const outDir = join(options.outDir, options.edition);
  const writeMetrics = options.writeMetrics ?? true;
  const files: (OutputFile & { pages?: number })[] = writeMetrics ? [{ path: join(outDir, 'metrics.json'), data: `${JSON.stringify(metrics, null, 2)}\n` }] : [];
  const numbers = numberFigures(edition);
  const wantPdf = options.formats.includes('pdf');
  const queue = new PrintQueue(stages, cache, resources);
  if (wantPdf && options.eagerBrowser) queue.warm();
  const later: PrintJob[] = [];
  const claimsByLocale: Partial<Record<Locale, LocaleClaims>> = {};
  const namesByLocale: Partial<Record<Locale, CountryNames>> = {};
  const fontFiles = new Map<string, FontFace>();
  // A long-running caller's memory of the figures and tables it made (src/cache/answers.ts); a build
  // from the command line makes each once.
  const answers = resources.answers ?? new AnswerMemo();
  const bundles = new Map<Locale, LocaleBundle>();
  for (const locale of options.locales) bundles.set(locale, await readLocale(fx.fs, join(options.root, 'locales'), options.edition, locale));
  const wantHtml = options.formats.includes('html');
  threads?.share(metrics, numbers, options.locales.map((locale) => ({ locale, bundle: bundles.get(locale)! })), wantHtml);

  // 2. Per locale: the chapters (with the claims their sentences make), figures and tables.
  const chaptersOf = async (locale: Locale) => {
    const bundle = bundles.get(locale)!;
    const t = createTranslator(bundle, metrics.provenance.definitions);
    const names = countryNames(locale, bundle.namespaces.countries);
    const { chapters, claims } = await cachedChapters(stages, cache, metricsId, locale, edition, bundle.namespaces, () => {
      const collector = new ClaimsCollector();
      // A long-running caller (the preview) renders again only the chapters whose sentences changed.
      const memo = resources.answers;
      const reuse: ChapterReuse | undefined = memo && ((slot, inputs, tr, nm, run) => memo.reuseSync(slot, metrics, inputs, { t: tr, names: nm, warn: (line) => fx.log.warn(line) }, (r) => run(r.t, r.names)).value);
      return { chapters: renderChapters(edition, metrics, t, names, numbers, { claims: collector, ...(reuse ? { reuse } : {}) }), claims: collector.claims() };
    });
    return { t, names, chapters, claims };
  };

  const rendered = new Map<Locale, Awaited<ReturnType<typeof chaptersOf>>>();

  try {
    // The figure thread draws every locale's figures meanwhile: the main thread renders every
    // locale's chapters first, so that it does not wait for the first locale's figures idle (and a
    // chapter rendering, which holds the main thread, never holds up a print's steps). The browser
    // launches once the first locale's chapters are rendered anew (so the HTML is new, and a PDF to
    // print): off the path to the first print, which waits for that locale's figures.
    if (threads) {
      for (const locale of options.locales) {
        rendered.set(locale, await chaptersOf(locale));
        if (wantPdf && freshChapters(stages)) queue.warm();
      }
    }
    // What the HTML edition's documents are built from, once every locale is printing (below).
    const screens: { locale: Locale; readers: { t: Translator; names: CountryNames; warn: (line: string) => void }; figures: readonly (PageFigure | RenderedFigure)[]; document: Omit<DocumentInput, 'figures'> }[] = [];
    for (const locale of options.locales) {
      const { t, names, chapters, claims } = rendered.get(locale) ?? (await chaptersOf(locale));
      const counts: CacheCounts = { hits: 0, misses: 0 };
      const readers = { t, names, warn: (line: string) => fx.log.warn(line) };
      // The tables first: they need no figure, and the figure thread may still be drawing this locale's.
      const tableInputs = JSON.stringify({ tables: edition.tables, focus: edition.focus, content: edition.content, topics: edition.topics, chapters: edition.chapters.map((c) => c.text) });
      const { value: tables } = await answers.reuse(`tables ${locale}`, metrics, tableInputs, readers, (r) => renderEditionTables(edition, { metrics, t: r.t, names: r.names }));
      const figureInputs = figureInputsOf(numbers);
      // On the figure thread, the page's drawings come first: the phone's follow while the prints run.
      const { value: figures } = await stages.run(
        `figures ${locale}`,
        () =>
          answers.reuse<readonly (PageFigure | RenderedFigure)[]>(`figures ${locale}`, metrics, figureInputs, readers, (r) =>
            threads ? threads.figures(locale, numbers, metrics, r.t, r.names, cachedSvg(cache, counts), counts, r.warn) : renderFigures(numbers, metrics, r.t, r.names, cachedSvg(cache, counts), r.warn)),
        // A figure may be drawn in pieces, and (on one thread) again for a phone: the cache counts drawings.
        ({ value: f, reused: again }) => `${f.length} figure(s), ${again ? 'as before (the locale answers their questions alike)' : `${counts.hits + counts.misses} drawing(s)${counts.hits ? `, ${counts.hits} from the cache` : ''}`}`,
      );

      // 3. The documents: slots filled, fonts embedded. The PDF's first (charts as printed), then the
      //    HTML edition's, with the phone's drawings, once every locale is printing.
      const coverArt = coverSeries(metrics.papers.by_year_country.map((r) => ({ year: r.year, key: r.country, value: r.papers })), edition.focus.home, edition.focus.rival);
      const coverNote = coverArt ? { from: coverArt.from, to: coverArt.to, home: names.name(edition.focus.home), rival: names.name(edition.focus.rival) } : undefined;
      const text = documentText(t, metrics.provenance.manifest, locale, coverNote);
      const other = (options.publishedLocales ?? options.locales).find((l) => l !== locale) ?? null;
      const otherEdition = other && wantHtml ? { label: t.text('document:other_language'), href: `../${other}/index.html`, lang: other } : null;
      const tableInput = { list: tables, downloadLabel: t.text('document:download_csv') };
      const document = { locale, text, chapters, tables: tableInput, otherEdition, coverArt, numbering: { scheme: readNumberingScheme(t), plans: chapterPlans(edition.chapters, t) } };
      if (wantHtml) screens.push({ locale, readers, figures, document });

      // 4. The PDF: queued at once (printed while the next locale renders) or after the last.
      if (wantPdf) {
        const printed = await stages.run(`print html ${locale}`, async () => buildDocument({ ...document, figures, print: true }, resources.fonts));
        const job = { locale, html: printed.html, metadata: { ...pdfMetadata(t, text, metrics.provenance.manifest, locale), bookmarks: printed.headings.map((h) => h.text) } };
        if (options.concurrentPrint ?? true) queue.add(job);
        else later.push(job);
      }
      // Printing now: what does not go into the documents.
      claimsByLocale[locale] = localeClaims(claims, figures, tables);
      namesByLocale[locale] = names;
      warnMissingGlyphs(locale, { text, chapters, figures, tables }, (line) => fx.log.warn(line));
    }
    // 5. The HTML edition: each locale's document with the phone's drawings (the figure thread's, drawn
    //    while the prints run).
    for (const { locale, readers, figures, document } of screens) {
      const counts: CacheCounts = { hits: 0, misses: 0 };
      const whole = threads
        ? (await stages.run(`phone charts ${locale}`, () => threads.phoneCharts(locale, figures, numbers, metrics, readers.t, readers.names, cachedSvg(cache, counts), counts), () => `${counts.hits + counts.misses} drawing(s)${counts.hits ? `, ${counts.hits} from the cache` : ''}`))
        : (figures as readonly RenderedFigure[]);
      const built = await stages.run(`html ${locale}`, async () => buildDocument({ ...document, figures: whole }, resources.fonts));
      if (options.html === 'web') {
        files.push({ path: join(outDir, locale, 'index.html'), data: built.webHtml((face) => `../${FONT_FOLDER}/${fontFileName(face)}`) });
        for (const face of built.faces) fontFiles.set(fontFileName(face), face);
      } else files.push({ path: join(outDir, locale, 'index.html'), data: built.html });
    }
    await threads?.close(); // every figure drawn: its memory back
    for (const job of later) await queue.add(job);
  } catch (error) {
    await queue.finish().catch(() => {}); // running prints end and the browser closes before the error surfaces
    throw error;
  }
  // The web folder's font chunks, one file each, shared by both locales.
  for (const [name, face] of [...fontFiles].sort((a, b) => a[0].localeCompare(b[0]))) files.push({ path: join(outDir, FONT_FOLDER, name), data: resources.fonts.read(face) });
  const printed = await queue.printed();
  // The browser exits and its profile folder goes while the outputs are written (awaited with the write).
  const closed = queue.close();
  closed.catch(() => {}); // an error before the write: the browser still closes, and the error is the build's
  printed.forEach((pdf, i) => files.push({ path: join(outDir, options.locales[i]!, 'report.pdf'), data: pdf.bytes, pages: pdf.pages }));

  // 5. What the text states, claim by claim, for `report diff` (written with metrics.json).
  if (writeMetrics) {
    const record = claimsRecord(options.edition, edition.chapters.map((c) => c.id), claimsByLocale, rankingsOf(metrics, namesByLocale));
    files.splice(1, 0, { path: join(outDir, 'claims.json'), data: claimsJson(record) });
  }
  // 6. The edition's folder is swapped in whole: all or nothing, even if the process is killed meanwhile.
  const kept = await stages.run('write', () => fx.fs.publish(outDir, files), () => `${files.length} files in ${outDir}`).finally(() => closed);
  // Files of the previous build that this one did not make (another locale or format) stay beside the new ones.
  if (kept.length > 0) fx.log.warn(message('build.kept-previous', { dir: outDir, files: kept }));
  return {
    metrics,
    files: files.map((f) => ({ path: f.path, bytes: typeof f.data === 'string' ? Buffer.byteLength(f.data) : f.data.length, ...(f.pages ? { pages: f.pages } : {}) })),
    stages: stages.list,
  };
}
