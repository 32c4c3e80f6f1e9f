/**
 * The `report` command: `build` (the edition, both locales, PDF and HTML) and `metrics` (the metrics
 * document of one dataset). Each command has its own --help. Exit codes: 0 done, 1 the input or the
 * environment is wrong (the message says what to do) or an internal error (which says so), 2 the
 * command line is wrong. No failure prints a stack trace unless --debug is given.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readEdition } from '../base/edition.ts';
import { ensureDataset } from './dataset.ts';
import { chosenEdition } from './editions.ts';
import { NEW_HELP, NewUsageError, newCommand } from './new.ts';
import { nodeEffects, timed, type Effects } from '../effects.ts';
import { debugDetails, failureMessage } from './failure.ts';
import { message } from '../messages.ts';
import { FONT_FAMILY } from '../fonts/fontsource.ts';
import { LOCALES, type Locale } from '../base/yaml.ts';
import { nodeEnvironment, ensureChromium } from '../pdf/chromium.ts';
import { browserIdentity } from '../cache/printer.ts';
import { pruneCache } from '../cache/prune.ts';
import { previewCommand } from './preview.ts';
import { build, computeDatasetMetrics, type Format, type HtmlOutput } from '../pipeline.ts';
import { CHECK_HELP, checkCommand } from './check.ts';
import { diffCommand } from './diff.ts';

// DuckDB's native module and puppeteer are imported when first needed: a build whose metrics and PDFs
// are cached needs neither (together 0.8 s of start-up).
const openDuckDb = async () => (await import('../base/engine.ts')).openDuckDb();
const launchPrinter = async (executable: string) => (await import('../pdf/print.ts')).launchPrinter(executable);

/** The project root (where templates/ and locales/ are), whatever the working directory. */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const HELP: Record<string, string> = {
  '': `report — compiles the annual research report from record-level data

Usage: report <command> [options]

Commands:
  build     build an edition: metrics, chapters, figures, HTML and PDF per locale
  metrics   compute the metrics document of a dataset
  preview   serve the HTML edition on localhost, rebuilt and reloaded on every edit
  check     check an edition: every number traced to the metrics, locales alike, numbering, sums
  diff      compare two builds claim by claim: sentences, figures, tables and ranks that changed
  new       start next year's edition as a copy of this year's

Options of every command:
  --debug   when something fails, also print the stack and the chain of causes

Run \`report <command> --help\` for a command's options.`,
  build: `Usage: report build [--edition E] [--data DIR] [--locale zh,en] [--format pdf,html] [--html single|web] [--out out] [--cache DIR|off]

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
  -h, --help    this text

Chromium: PUPPETEER_EXECUTABLE_PATH, else Debian's /usr/bin/chromium (installed with apt-get
when missing and running as root).`,
  check: CHECK_HELP,
  new: NEW_HELP,
  metrics: `Usage: report metrics --data DIR --out FILE.json [--edition E]

Validates the dataset in DIR (dataset.yaml and its tables) and writes its metrics document.
The metric definitions (top share of papers, high-value patent, high-level researcher) are the
edition's: \`definitions:\` in templates/<edition>/edition.yaml.

Options:
  --data DIR    dataset folder (with dataset.yaml)
  --out FILE    where to write the JSON document
  --edition E   edition under templates/ whose definitions apply (default: the newest there)
  -h, --help    this text`,
};

class UsageError extends Error {}

function list<T extends string>(option: string, value: string, allowed: readonly T[]): T[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0 || items.some((i) => !allowed.includes(i as T))) throw new UsageError(message('cli.bad-list', { option, value, allowed }));
  return [...new Set(items)] as T[];
}

type Values = Record<string, string | boolean | undefined>;

/** Parses `--name value` options (all strings) plus -h/--help. */
function parse(args: string[], names: readonly string[]): Values {
  const options: Record<string, { type: 'string' } | { type: 'boolean'; short: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const name of names) options[name] = { type: 'string' };
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true }).values as Values;
  } catch (error) {
    throw new UsageError(message('cli.bad-option', { detail: (error as Error).message }));
  }
}

async function buildCommand(args: string[], fx: Effects, root: string): Promise<number> {
  const v = parse(args, ['edition', 'data', 'locale', 'format', 'html', 'out', 'cache']);
  if (v.help) return help('build');
  const [html] = list<HtmlOutput>('html', (v.html as string | undefined) ?? 'single', ['single', 'web']);
  if (String(v.html ?? 'single').includes(',')) throw new UsageError(message('cli.bad-list', { option: 'html', value: String(v.html), allowed: ['single', 'web'] }));
  const formats = list<Format>('format', (v.format as string | undefined) ?? 'pdf,html', ['pdf', 'html']);
  const locales = list<Locale>('locale', (v.locale as string | undefined) ?? 'zh,en', LOCALES);
  const executable = formats.includes('pdf') ? ensureChromium(nodeEnvironment, fx.log) : '';
  const start = fx.clock.now();
  const editionName = await chosenEdition(fx.fs, root, v.edition as string | undefined);
  const data = v.data === undefined ? undefined : resolve(v.data as string);
  // The edition's own dataset may be made by its tooling; a dataset given with --data is used as it is.
  const edition = data === undefined ? await readEdition(fx.fs, join(root, 'templates'), editionName) : undefined;
  if (edition) await ensureDataset(fx, root, edition);
  const result = await build(
    { root: root, edition: editionName, ...(edition ? { read: edition } : {}), ...(data === undefined ? {} : { data }), locales, formats, html: html!, outDir: resolve((v.out as string | undefined) ?? join(root, 'out')), cacheDir: cacheDir(root, v.cache as string | undefined) },
    fx,
    {
      openEngine: openDuckDb,
      openPrinter: () => launchPrinter(executable),
      printerIdentity: () => browserIdentity(executable),
      fonts: { read: (face) => readFileSync(face.file) },
    },
  );
  const cacheFolder = cacheDir(root, v.cache as string | undefined);
  if (cacheFolder) await pruneCache(cacheFolder);
  fx.log.info(`built ${result.files.length} files in ${((fx.clock.now() - start) / 1000).toFixed(2)} s (font: ${FONT_FAMILY})`);
  for (const f of result.files) fx.log.info(`  ${f.path}  ${(f.bytes / 1024).toFixed(0)} KiB`);
  return 0;
}

/** --cache: a folder, `off`, or by default the project's .cache/build. */
function cacheDir(root: string, value: string | undefined): string | null {
  return value === 'off' ? null : resolve(value ?? join(root, '.cache', 'build'));
}

async function metricsCommand(args: string[], fx: Effects, root: string): Promise<number> {
  const v = parse(args, ['data', 'out', 'edition']);
  if (v.help) return help('metrics');
  if (!v.data || !v.out) throw new UsageError(message('cli.bad-option', { detail: 'report metrics needs --data DIR and --out FILE.json' }));
  const edition = await readEdition(fx.fs, join(root, 'templates'), await chosenEdition(fx.fs, root, v.edition as string | undefined));
  const engine = await openDuckDb();
  try {
    const doc = await computeDatasetMetrics(fx, engine, resolve(v.data as string), edition.definitions);
    await timed(fx, 'write', () => fx.fs.writeAll([{ path: resolve(v.out as string), data: `${JSON.stringify(doc, null, 2)}\n` }]));
  } finally {
    engine.close();
  }
  return 0;
}

function help(command: string): number {
  process.stdout.write(`${HELP[command]}\n`);
  return 0;
}

/** `root`: the project (its templates/, locales/, data/, out/); by default the one this tool ships in. */
export async function main(args: string[], fx: Effects = nodeEffects(), root: string = PROJECT_ROOT): Promise<number> {
  // --debug is global: accepted before or after the command, taken out before the command's options are read.
  const debug = args.includes('--debug');
  const argv = args.filter((a) => a !== '--debug');
  const [command = '', ...rest] = argv;
  try {
    if (command === '' || command === '--help' || command === '-h' || command === 'help') return help('');
    if (command === 'build') return await buildCommand(rest, fx, root);
    if (command === 'metrics') return await metricsCommand(rest, fx, root);
    if (command === 'diff') return await diffCommand(rest, fx, { root: root, out: process.stdout, err: process.stderr });
    if (command === 'preview') return await previewCommand(rest, fx, root);
    if (command === 'new') return await newCommand(rest, fx, root);
    if (command === 'check') {
      const v = parse(rest, ['edition', 'data']);
      return v.help ? help('check') : await checkCommand(root, await chosenEdition(fx.fs, root, v.edition as string | undefined), fx, v.data as string | undefined);
    }
    throw new UsageError(message('cli.unknown-command', { command }));
  } catch (error) {
    if (debug) process.stderr.write(`${debugDetails(error)}\n`);
    if (error instanceof UsageError || error instanceof NewUsageError) {
      process.stderr.write(`report: ${error.message}\n`);
      return 2;
    }
    // Bad input, a file the system refuses, or a bug (which says so): one message, never a stack trace.
    process.stderr.write(`report: ${failureMessage(error)}\n`);
    return 1;
  }
}
