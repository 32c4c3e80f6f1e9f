/**
 * `report build` (the edition, both locales, PDF and HTML) and `report metrics` (the metrics document
 * of one dataset).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readEditionDataset } from '../base/edition-file.ts';
import { ensureDataset } from './dataset.ts';
import { chosenEdition } from './editions.ts';
import { timed, type Effects } from '../effects.ts';
import { LOCALES, type Locale } from '../base/yaml.ts';
import { nodeEnvironment, ensureChromium } from '../pdf/chromium.ts';
import { browserIdentity } from '../cache/printer.ts';
import { pruneCache } from '../cache/prune.ts';
import { outputsInPlace, outputsKey, recordOutputs, withFileDigests } from '../cache/outputs.ts';
import { diskCache } from '../cache/store.ts';
import { datasetDir } from '../load/dataset-dir.ts';
import type { Format, HtmlOutput } from '../build-types.ts';
import { list, parse, UsageError } from './args.ts';
import { message } from '../messages.ts';
import { engineName, engineOpener } from './engine-choice.ts';

// The SQL engine's native module (engine-choice.ts), puppeteer and the pipeline (vega, fontkit…) are imported when first needed:
// a build whose metrics and PDFs are cached needs neither DuckDB nor puppeteer (together 0.8 s of
// start-up), and an up-to-date build not even the pipeline.
const launchPrinter = async (executable: string) => (await import('../pdf/print.ts')).launchPrinter(executable);
const pipeline = () => import('../pipeline.ts');

export const BUILD_HELP = `Usage: report build [--edition E] [--data DIR] [--locale zh,en] [--format pdf,html] [--html single|web] [--out out] [--cache DIR|off] [--engine duckdb|clickhouse]

Builds an edition from its dataset and templates and writes, under <out>/<edition>/:
  metrics.json, <locale>/index.html, <locale>/report.pdf

Options:
  --edition E   edition under templates/ (default: the newest there)
  --data DIR    build from this dataset folder (dataset.yaml and its tables) instead of the
                edition's own
  --locale L    comma-separated locales: zh, en (default zh,en)
  --format F    comma-separated formats: pdf, html (default pdf,html)
  --html H      single: each index.html one self-contained file, fonts inside (default);
                web: a folder to serve over HTTP, the font chunks as files under
                <edition>/fonts/ that browsers fetch only as a page's text needs them
  --out DIR     output folder (default out)
  --cache DIR   build cache: metrics, chapters, figures and PDFs whose inputs are unchanged
                are reused
                (default .cache/build; off: compute everything)
  --engine E    the SQL engine that computes the metrics: duckdb (default) or clickhouse
                (chDB in process, or the server at CLICKHOUSE_URL; installed apart with
                npm install --prefix engines/clickhouse)
  -h, --help    this text

Chromium: PUPPETEER_EXECUTABLE_PATH, else Debian's /usr/bin/chromium (installed with apt-get
when missing and running as root).`;

export const METRICS_HELP = `Usage: report metrics --data DIR --out FILE.json [--edition E] [--engine duckdb|clickhouse]

Validates the dataset in DIR (dataset.yaml and its tables) and writes its metrics document.
The metric definitions (top share of papers, high-value patent, high-level researcher) are the
edition's: \`definitions:\` in templates/<edition>/edition.yaml.

Options:
  --data DIR    dataset folder (with dataset.yaml)
  --out FILE    where to write the JSON document
  --edition E   edition under templates/ whose definitions apply (default: the newest there)
  --engine E    duckdb (default) or clickhouse (see report build --help)
  -h, --help    this text`;

function help(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}

export async function buildCommand(args: string[], fx: Effects, root: string): Promise<number> {
  const v = parse(args, ['edition', 'data', 'locale', 'format', 'html', 'out', 'cache', 'engine']);
  if (v.help) return help(BUILD_HELP);
  const engine = engineName(v.engine);
  if (String(v.html ?? 'single').includes(',')) throw new UsageError(message('cli.bad-list', { option: 'html', value: String(v.html), allowed: ['single', 'web'] }));
  const [html] = list<HtmlOutput>('html', (v.html as string | undefined) ?? 'single', ['single', 'web']);
  const formats = list<Format>('format', (v.format as string | undefined) ?? 'pdf,html', ['pdf', 'html']);
  const locales = list<Locale>('locale', (v.locale as string | undefined) ?? 'zh,en', LOCALES);
  const executable = formats.includes('pdf') ? ensureChromium(nodeEnvironment, fx.log) : '';
  const start = fx.clock.now();
  const editionName = await chosenEdition(fx.fs, root, v.edition as string | undefined);
  const data = v.data === undefined ? undefined : resolve(v.data as string);
  const edition = await readEditionDataset(fx.fs, join(root, 'templates'), editionName);
  // The edition's own dataset may be made by its tooling; a dataset given with --data is used as it is.
  if (data === undefined) await ensureDataset(fx, root, edition);
  const outDir = resolve((v.out as string | undefined) ?? join(root, 'out'));
  const cacheFolder = cacheDir(root, v.cache as string | undefined);
  const cache = cacheFolder ? diskCache(fx.fs, cacheFolder) : null;
  // Nothing changed since the last build, whose outputs are in place: done, before the pipeline loads.
  const request = { root, edition: editionName, dataDir: data ?? datasetDir(root, edition.data), locales, formats, html: html!, outDir, printer: executable ? browserIdentity(executable) : '', ...(engine === 'duckdb' ? {} : { engine }) };
  const key = cacheFolder ? await timed(fx, 'inputs digest', () => withFileDigests(fx.fs, cacheFolder, () => outputsKey(fx.fs, request)), (k) => k.slice(0, 12)) : null;
  const known = cache && key ? await outputsInPlace(fx.fs, cache, key) : null;
  if (known) {
    for (const line of known.warnings) fx.log.warn(line);
    fx.log.info(message('build.up-to-date', { dir: join(outDir, editionName), files: known.files.length }));
    for (const f of known.files) fx.log.info(`  ${f.path}  ${(f.bytes / 1024).toFixed(0)} KiB`);
    return 0;
  }
  const warnings: string[] = [];
  const log = { info: (line: string) => fx.log.info(line), warn: (line: string) => (warnings.push(line), fx.log.warn(line)) };
  const { build } = await pipeline();
  const result = await build(
    { root: root, edition: editionName, ...(data === undefined ? {} : { data }), locales, formats, html: html!, outDir, cacheDir: cacheFolder, figureThread: true },
    { ...fx, log },
    {
      openEngine: engineOpener(engine, root),
      ...(engine === 'duckdb' ? {} : { engineName: engine }),
      openPrinter: () => launchPrinter(executable),
      printerIdentity: () => browserIdentity(executable),
      fonts: { read: (face) => readFileSync(face.file) },
    },
  );
  if (cache && key) await recordOutputs(fx.fs, cache, key, result.files, warnings);
  if (cacheFolder) await pruneCache(cacheFolder);
  fx.log.info(`built ${result.files.length} files in ${((fx.clock.now() - start) / 1000).toFixed(2)} s (fonts: ${(await import('../fonts/families.ts')).bodyFamilies('en').join(', ')})`);
  for (const f of result.files) fx.log.info(`  ${f.path}  ${(f.bytes / 1024).toFixed(0)} KiB`);
  return 0;
}

/** --cache: a folder, `off`, or by default the project's .cache/build. */
function cacheDir(root: string, value: string | undefined): string | null {
  return value === 'off' ? null : resolve(value ?? join(root, '.cache', 'build'));
}

export async function metricsCommand(args: string[], fx: Effects, root: string): Promise<number> {
  const v = parse(args, ['data', 'out', 'edition', 'engine']);
  if (v.help) return help(METRICS_HELP);
  if (!v.data || !v.out) throw new UsageError(message('cli.bad-option', { detail: 'report metrics needs --data DIR and --out FILE.json' }));
  const { readEdition } = await import('../base/edition.ts');
  const edition = await readEdition(fx.fs, join(root, 'templates'), await chosenEdition(fx.fs, root, v.edition as string | undefined));
  const engine = await engineOpener(engineName(v.engine), root)();
  try {
    const { computeDatasetMetrics } = await pipeline();
    const doc = await computeDatasetMetrics(fx, engine, resolve(v.data as string), edition.definitions);
    await timed(fx, 'write', () => fx.fs.writeAll([{ path: resolve(v.out as string), data: `${JSON.stringify(doc, null, 2)}\n` }]));
  } finally {
    engine.close();
  }
  return 0;
}
