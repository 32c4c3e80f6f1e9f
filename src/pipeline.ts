/**
 * The build, stage by stage:
 *
 *   data/<edition>/*.csv ─load─▶ typed tables ─metrics─▶ MetricsDocument ───────────────▶ metrics.json
 *                                                            │
 *   templates/<edition>/ ─┐                                  ▼
 *   locales/<locale>/ ────┴──────────────────────▶ chapters (markdown → HTML) ─┐
 *                                                  figures  (Vega-Lite → SVG) ─┴─html─▶ index.html ─pdf─▶ report.pdf
 *
 * Every stage is a function from its input to its output; this module only wires them, times them
 * and writes the outputs at the end, all or nothing.
 */
import { join } from 'node:path';
import { countryNames } from './chapters/countries.ts';
import { readEdition } from './chapters/edition.ts';
import { createTranslator, readLocale } from './chapters/i18n.ts';
import { numberFigures, renderChapters } from './chapters/render.ts';
import { timed, type Effects, type OutputFile } from './effects.ts';
import { renderFigures } from './figures/render.ts';
import { buildDocument, type DocumentText, type FontLoader } from './html/document.ts';
import { readManifest } from './load/manifest.ts';
import { loadTables } from './load/tables.ts';
import type { Locale } from './load/yaml.ts';
import type { MetricsDocument } from './metrics/document.ts';
import type { SqlEngine } from './metrics/engine.ts';
import { computeMetrics, requiredTables } from './metrics/metrics.ts';
import type { PdfMetadata } from './pdf/finish.ts';
import type { Printer } from './pdf/print.ts';

export type Format = 'pdf' | 'html';

export interface BuildOptions {
  /** Project root: templates/, locales/ and the edition's data folder are found under it. */
  readonly root: string;
  readonly edition: string;
  readonly locales: readonly Locale[];
  readonly formats: readonly Format[];
  readonly outDir: string;
}

export interface Resources {
  openEngine(): Promise<SqlEngine>;
  /** Called only when a PDF is asked for. */
  openPrinter(): Promise<Printer>;
  readonly fonts: FontLoader;
}

export interface BuildResult {
  readonly metrics: MetricsDocument;
  readonly files: readonly { readonly path: string; readonly bytes: number }[];
}

export async function computeDatasetMetrics(fx: Effects, engine: SqlEngine, dataDir: string): Promise<MetricsDocument> {
  const manifest = await readManifest(fx.fs, dataDir);
  const tables = await timed(fx, 'load', () => loadTables(fx.fs, engine, dataDir, manifest, requiredTables()), (t) =>
    `${t.length} tables, ${t.reduce((n, x) => n + x.rows, 0).toLocaleString('en-US')} rows`,
  );
  return timed(fx, 'metrics', () => computeMetrics(engine, manifest, tables));
}

export async function build(options: BuildOptions, fx: Effects, resources: Resources): Promise<BuildResult> {
  const edition = await readEdition(fx.fs, join(options.root, 'templates'), options.edition);
  const engine = await resources.openEngine();
  let metrics: MetricsDocument;
  try {
    metrics = await computeDatasetMetrics(fx, engine, join(options.root, edition.data));
  } finally {
    engine.close();
  }
  const outDir = join(options.outDir, options.edition);
  const files: OutputFile[] = [{ path: join(outDir, 'metrics.json'), data: `${JSON.stringify(metrics, null, 2)}\n` }];
  const numbers = numberFigures(edition);

  const documents: { locale: Locale; html: string; metadata: PdfMetadata }[] = [];
  for (const locale of options.locales) {
    const bundle = await readLocale(fx.fs, join(options.root, 'locales'), locale);
    const t = createTranslator(bundle);
    const names = countryNames(locale, bundle.namespaces.countries);
    const chapters = await timed(fx, `chapters ${locale}`, async () => renderChapters(edition, metrics, t, names, numbers), (c) => `${c.length} chapter(s)`);
    const figures = await timed(fx, `figures ${locale}`, () => renderFigures(numbers, metrics, t, names), (f) => `${f.length} figure(s)`);
    const other = options.locales.find((l) => l !== locale) ?? null;
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
    const built = await timed(fx, `html ${locale}`, async () =>
      buildDocument(
        {
          locale,
          text,
          chapters,
          figures,
          otherEdition: other && options.formats.includes('html') ? { label: t.text('document:other_language'), href: `../${other}/index.html`, lang: other } : null,
        },
        resources.fonts,
      ),
    );
    const metadata: PdfMetadata = {
      title: text.title,
      author: source,
      subject: t.text('document:subject'),
      keywords: t.text('document:keywords').split(/\s*,\s*/),
      creator: 'report-compiler',
      date: manifest.snapshot,
    };
    documents.push({ locale, html: built.html, metadata });
    if (options.formats.includes('html')) files.push({ path: join(outDir, locale, 'index.html'), data: built.html });
  }

  if (options.formats.includes('pdf')) {
    const printer = await timed(fx, 'browser', () => resources.openPrinter());
    try {
      for (const { locale, html, metadata } of documents) {
        const pdf = await timed(fx, `pdf ${locale}`, () => printer.print(html, locale, metadata), (p) =>
          `${p.pages} pages, ${p.passes} print(s), ${(p.bytes.length / 1024).toFixed(0)} KiB`,
        );
        files.push({ path: join(outDir, locale, 'report.pdf'), data: pdf.bytes });
      }
    } finally {
      await printer.close();
    }
  }

  await timed(fx, 'write', () => fx.fs.writeAll(files), () => `${files.length} files in ${outDir}`);
  return { metrics, files: files.map((f) => ({ path: f.path, bytes: typeof f.data === 'string' ? Buffer.byteLength(f.data) : f.data.length })) };
}
