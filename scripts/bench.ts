/**
 * `npm run bench [-- --runs 3 --no-pagedjs --no-long --no-edition --long-chapters 12 --no-preview --preview-only --only builds,command,pdf,preview --scenarios cold,… --data DIR --out out/bench]`: the whole build of an edition,
 * timed stage by stage, in the situations an editor meets:
 *
 *   cold             empty cache: records → both editions (load, validation, metrics, everything)
 *   metrics cached   a template or a sentence changed: metrics from the cache, the rest computed
 *   warm             nothing changed: every result from the cache
 *   sequential print as "metrics cached", but the two locales printed one after the other (to measure
 *                    what printing them concurrently gains)
 *   early browser    as "metrics cached", but the browser launched as soon as the metrics are ready
 *                    rather than when the first HTML is (to measure what an early launch would gain)
 *
 * Each run is a fresh process (as `npm run report` is), its memory sampled from /proc. Then the same
 * HTML is printed by our PDF stage and by Paged.js 0.4.3, each in its own warmed Chromium, in turn (see compare()), on the edition
 * and on a long synthetic document with many footnotes; the ratio of the two is the figure to watch.
 * Then the `report` command itself (bin/report.js, compiled): `--help`, `build --help`, a build
 * with nothing changed and a cold build (`--cache off`, whole run: what the cold target is judged
 * by), each a fresh process; and the same HTML printed plainly (no pagination model,
 * notes or contents numbers), the floor of our PDF stage.
 * Last, `report preview` on a copy of the project: a sentence of a locale edited, time until the
 * page is told to reload. The end is every target of issue 19 with its measured value, met or not.
 * Medians throughout. Results go to <out>/latest.json and <out>/<date>-<commit>.json.
 *
 * Dataset: the generated full-size one (.cache/data/<edition>, complete when its .digest exists), else
 * the one templates/<edition>/edition.yaml names.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { renderMarkdown } from '../src/base/markup.ts';
import { buildDocument } from '../src/html/document.ts';
import type { Locale } from '../src/base/yaml.ts';
import { ensureChromium, nodeEnvironment } from '../src/pdf/chromium.ts';
import { launchBrowser } from '../src/pdf/browser.ts';
import { launchPrinter, STEP_TIMEOUT_MS, type Printer } from '../src/pdf/print.ts';
import { build, type BuildResult } from '../src/pipeline.ts';
import { listenToPreview } from '../src/preview/events.ts';
import { startPreview, type BuildOutcome } from '../src/preview/preview.ts';
import { chapterMarkdown } from '../test/helpers/long-document.ts';
import { groupCpu, groupSize, launchedGroup, settled } from './bench/cpu.ts';
import { peakBetween, sampleMemory, type Sample } from './bench/memory.ts';
import { printWithPagedJs } from './bench/pagedjs.ts';
import { printPlain } from './bench/plain.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const EDITION = '2023';
const LOCALES: Locale[] = ['zh', 'en'];
const fonts = { read: (f: { file: string }) => readFileSync(f.file) };

interface ChildConfig {
  /** A snapshot of the project's templates and locales: every run builds the same input. */
  readonly root: string;
  readonly data: string;
  readonly outDir: string;
  readonly cacheDir: string;
  readonly concurrentPrint: boolean;
  readonly eagerBrowser: boolean;
  readonly resultFile: string;
}

interface ChildResult {
  /** Epoch ms: the process's start, and the build's. */
  readonly processStart: number;
  readonly buildStart: number;
  readonly buildEnd: number;
  /** CPU seconds the process had used when the build started (tsx, the bundle's import): not the build's. */
  readonly cpuAtStart: number;
  readonly result: Pick<BuildResult, 'files' | 'stages'>;
}

/** The build, in a child process: the same resources as `report build`, epoch clock. */
async function child(config: ChildConfig): Promise<void> {
  const lib = await compiledLibrary();
  lib.tuneForBatchRun(); // as bin/report.js does
  const executable = lib.ensureChromium(lib.nodeEnvironment, { info: () => {}, warn: () => {} });
  const now = () => performance.timeOrigin + performance.now();
  const fx = { ...lib.nodeEffects(), clock: { now } };
  const buildStart = now();
  const usage = process.cpuUsage(); // all threads of the process
  const cpuAtStart = (usage.user + usage.system) / 1e6;
  const result = await lib.build(
    { root: config.root, edition: EDITION, data: config.data, locales: LOCALES, formats: ['pdf', 'html'], outDir: config.outDir, cacheDir: config.cacheDir, concurrentPrint: config.concurrentPrint, eagerBrowser: config.eagerBrowser, figureThread: true },
    fx,
    { openEngine: lib.openDuckDb, openPrinter: () => lib.launchPrinter(executable), printerIdentity: () => lib.browserIdentity(executable), fonts },
  );
  const out: ChildResult = { processStart: performance.timeOrigin, buildStart, buildEnd: now(), cpuAtStart, result: { files: result.files, stages: result.stages } };
  writeFileSync(config.resultFile, JSON.stringify(out));
}

/**
 * The build as `report build` runs it: from the bundle in dist/ (built in the snapshot before any
 * run), its figure thread too (bin/report.js lists the compiled workers the same way), not from the
 * sources through tsx, whose hooks and transforms the command does not pay.
 */
async function compiledLibrary(): Promise<typeof import('../src/library.ts')> {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'library.js'))) throw new Error(`no compiled bundle in ${dist}: run node scripts/build-cli.mjs`);
  const { modules = {} } = JSON.parse(readFileSync(join(dist, 'inputs.json'), 'utf8')) as { modules?: Record<string, string> };
  (globalThis as { [key: symbol]: unknown })[Symbol.for('report.compiled-modules')] = new Map(Object.entries(modules).map(([source, compiled]) => [join(ROOT, source), pathToFileURL(join(dist, compiled)).href]));
  return (await import(pathToFileURL(join(dist, 'library.js')).href)) as typeof import('../src/library.ts');
}

/** The row of the scenarios' table that holds the process tree's CPU time. */
const CPU_ROW = 'CPU, all processes';

interface Run {
  readonly scenario: string;
  /** Stage label → seconds, peak bytes, cached. */
  readonly stages: Record<string, { seconds: number; peak: number; cached: boolean }>;
  readonly files: BuildResult['files'];
  readonly log: string;
}

/** One build in a fresh process, its process tree's memory sampled. */
async function runBuild(scenario: string, config: Omit<ChildConfig, 'resultFile'>, scratch: string): Promise<Run> {
  const resultFile = join(scratch, `result-${process.hrtime.bigint()}.json`);
  const spawned = Date.now();
  const proc = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', JSON.stringify({ ...config, resultFile })], { stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = sampleMemory(proc.pid!);
  let log = '';
  proc.stdout.on('data', (d) => (log += d));
  proc.stderr.on('data', (d) => (log += d));
  const code = await new Promise<number | null>((done) => proc.on('close', done));
  const exited = Date.now();
  const samples = sampler.stop();
  if (code !== 0) throw new Error(`the ${scenario} build failed (exit ${code}):\n${log}`);
  const r = JSON.parse(readFileSync(resultFile, 'utf8')) as ChildResult;
  const stages: Run['stages'] = {};
  const add = (label: string, start: number, end: number, cached = false) => (stages[label] = { seconds: (end - start) / 1000, peak: peakBetween(samples, start, end), cached });
  add('startup (tsx)', spawned, r.buildStart);
  for (const s of r.result.stages) add(s.label, s.start, s.end, s.cached);
  // The prints overlap (one browser, a page per locale): the wall time during which at least one runs.
  const prints = r.result.stages.filter((s) => s.label.startsWith('pdf ') && !s.cached).sort((a, b) => a.start - b.start);
  if (prints.length > 0) {
    let [wall, from, to] = [0, prints[0]!.start, prints[0]!.end];
    for (const s of prints.slice(1)) {
      if (s.start > to) [wall, from, to] = [wall + to - from, s.start, s.end];
      else to = Math.max(to, s.end);
    }
    stages['prints (wall)'] = { seconds: (wall + to - from) / 1000, peak: peakBetween(samples, prints[0]!.start, to), cached: false };
  }
  add('total (build)', r.buildStart, r.buildEnd);
  add('total (process)', spawned, exited);
  stages['total (process)']!.peak = Math.max(...samples.map((s: Sample) => s.bytes));
  // Not a stage: the CPU time of the whole process tree during the build (seconds of CPU, not of wall
  // time), without the child's start-up through tsx, which the command does not have.
  stages[CPU_ROW] = { seconds: sampler.cpu() - r.cpuAtStart, peak: stages['total (process)']!.peak, cached: false };
  return { scenario, stages, files: r.result.files, log };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const sec = (s: number) => `${s.toFixed(2)} s`;

/**
 * A copy of the dataset in the scratch folder, so that every run reads the same files even if the
 * generator rewrites its output meanwhile. A generated dataset is copied only when complete (its
 * .digest present, and the same before and after the copy).
 */
async function snapshot(dir: string, into: string): Promise<string> {
  const source = resolve(ROOT, dir);
  const digestFile = join(source, '.digest');
  // The generator's own output has a .digest when complete; any other dataset is taken as it is.
  const generated = /[\\/]\.cache[\\/]data[\\/]/.test(source);
  for (let attempt = 0; attempt < 120; attempt++) {
    const before = generated && existsSync(digestFile) ? readFileSync(digestFile, 'utf8') : null;
    if (generated && before === null) {
      if (attempt === 0) console.log('  (the dataset is being regenerated; waiting for it)');
      await new Promise((r) => setTimeout(r, 5000));
      continue;
    }
    rmSync(into, { recursive: true, force: true });
    try {
      cpSync(source, into, { recursive: true });
    } catch {
      continue; // a file vanished while copying: the generator is at work
    }
    const after = generated && existsSync(digestFile) ? readFileSync(digestFile, 'utf8') : null;
    if (before === after) return into;
  }
  throw new Error(`${dir}: no complete copy of the dataset after 10 minutes`);
}

/**
 * The dataset the bench builds: --data if given; else the generated full-size one when its folder
 * exists (if it is being generated, snapshot() waits for it); else the one edition.yaml names.
 */
function dataset(option: string | undefined): { dir: string; why: string } {
  if (option) return { dir: option, why: '--data' };
  const generated = join('.cache', 'data', EDITION);
  if (existsSync(join(ROOT, generated))) return { dir: generated, why: 'generated full-size dataset' };
  const yaml = readFileSync(join(ROOT, 'templates', EDITION, 'edition.yaml'), 'utf8');
  return { dir: /^data:\s*(\S+)/m.exec(yaml)?.[1] ?? join('data', EDITION), why: 'edition.yaml' };
}

function stageTable(runs: readonly Run[]): Record<string, { seconds: number; peakMiB: number; cached: boolean }> {
  const labels = [...new Set(runs.flatMap((r) => Object.keys(r.stages)))];
  return Object.fromEntries(
    labels.map((label) => {
      const of = runs.map((r) => r.stages[label]).filter((s) => s !== undefined);
      return [label, { seconds: median(of.map((s) => s.seconds)), peakMiB: Math.round(median(of.map((s) => s.peak)) / 2 ** 20), cached: of.every((s) => s.cached) }];
    }),
  );
}

interface Comparison {
  readonly document: string;
  readonly locale: Locale;
  /** Medians: wall seconds, and the CPU seconds of the side's browser (all its processes). */
  readonly ours: { seconds: number; cpu: number; pages: number; bytes: number; footnotes: number; passes: number };
  readonly pagedjs: { seconds: number; cpu: number; pages: number; bytes: number; notesPlaced: number; notes: number; tocResolved: number; tocEntries: number };
  readonly ratio: number;
  /** The same HTML printed plainly (scripts/bench/plain.ts): no pagination model, notes or contents numbers. */
  readonly plain: { seconds: number; cpu: number; bytes: number };
  readonly plainRatio: number;
  /** Wall seconds of every timed run. */
  readonly all: { ours: number[]; pagedjs: number[]; plain: number[] };
}

/**
 * Our PDF stage against Paged.js and against a plain print, on the same HTML; medians of `runs`.
 *
 * The three are measured alike, so that the ratios say what each costs and not how it was measured:
 * - each prints in its own browser, launched the same way (browser.ts: the pipe, the flags, the
 *   profile), so that none inherits what another left (a Paged.js page just closed and still tearing
 *   down in the same browser, its caches);
 * - each prints every document once, untimed, before the timed runs: the first print in a fresh
 *   browser pays for its start (renderer, fonts), which used to land on our side's first run only (the
 *   plain print's browser had been warmed by a Paged.js print just before);
 * - the order turns every run (ours, Paged.js, plain; then Paged.js, plain, ours; …), so that none
 *   always follows the same one, and each print starts after a short pause, not in the tail of the
 *   last;
 * - besides wall time, the CPU time of each browser's processes (less noisy on a shared machine).
 */
async function compare(documents: readonly { name: string; locale: Locale; html: string }[], runs: number, executable: string): Promise<Comparison[]> {
  const ours: Printer = await launchPrinter(executable);
  const ourGroup = launchedGroup();
  const pagedBrowser = await launchBrowser(executable, { timeoutMs: STEP_TIMEOUT_MS });
  const plainBrowser = await launchBrowser(executable, { timeoutMs: STEP_TIMEOUT_MS });
  const meta = { title: 'T', author: 'A', subject: 'S', keywords: ['k'], creator: 'bench', date: '2022-06-30' };
  const out: Comparison[] = [];
  const settle = () => new Promise((r) => setTimeout(r, 300));
  try {
    for (const doc of documents) {
      let lastOurs: Awaited<ReturnType<Printer['print']>> | null = null;
      let lastPaged: Awaited<ReturnType<typeof printWithPagedJs>> | null = null;
      let lastPlain: Awaited<ReturnType<typeof printPlain>> | null = null;
      const sides = [
        { group: ourGroup, print: async () => void (lastOurs = await ours.print(doc.html, doc.locale, meta)) },
        { group: pagedBrowser.pid, print: async () => void (lastPaged = await printWithPagedJs(pagedBrowser.browser, doc.html)) },
        { group: plainBrowser.pid, print: async () => void (lastPlain = await printPlain(plainBrowser.browser, doc.html)) },
      ];
      for (const side of sides) await side.print(); // warm-up, untimed
      const wall: number[][] = sides.map(() => []);
      const cpu: number[][] = sides.map(() => []);
      for (let i = 0; i < runs; i++) {
        for (let k = 0; k < sides.length; k++) {
          const s = (i + k) % sides.length;
          await settle();
          const group = sides[s]!.group;
          const size = groupSize(group);
          const c = groupCpu(group);
          const t = performance.now();
          await sides[s]!.print();
          wall[s]!.push((performance.now() - t) / 1000);
          await settled(group, size); // the closed page's renderer has exited: its CPU is counted
          cpu[s]!.push(groupCpu(group) - c);
        }
      }
      const [a, b, c] = wall as [number[], number[], number[]];
      const o = lastOurs!;
      const p = lastPaged!;
      out.push({
        document: doc.name,
        locale: doc.locale,
        ours: { seconds: median(a), cpu: median(cpu[0]!), pages: o.pages, bytes: o.bytes.length, footnotes: o.footnotes, passes: o.passes },
        pagedjs: { seconds: median(b), cpu: median(cpu[1]!), pages: p.pages, bytes: p.bytes.length, notesPlaced: p.notesPlaced, notes: p.notes, tocResolved: p.tocResolved, tocEntries: p.tocEntries },
        ratio: median(a) / median(b),
        plain: { seconds: median(c), cpu: median(cpu[2]!), bytes: lastPlain!.bytes.length },
        plainRatio: median(a) / median(c),
        all: { ours: a, pagedjs: b, plain: c },
      });
      const r = out.at(-1)!;
      console.log(
        `  ${`${doc.name} ${doc.locale}`.padEnd(22)} ours ${sec(r.ours.seconds).padStart(7)} (${r.ours.pages} pages, ${r.ours.footnotes} notes)   ` +
          `Paged.js ${sec(r.pagedjs.seconds).padStart(7)} (${r.pagedjs.pages} pages, notes ${r.pagedjs.notesPlaced}/${r.pagedjs.notes} in footnote areas, TOC ${r.pagedjs.tocResolved}/${r.pagedjs.tocEntries})   ratio ${r.ratio.toFixed(2)}   ` +
          `plain print ${sec(r.plain.seconds).padStart(7)}   ratio ${r.plainRatio.toFixed(2)}`,
      );
      console.log(
        `  ${''.padEnd(22)} Chromium CPU: ours ${sec(r.ours.cpu)}, Paged.js ${sec(r.pagedjs.cpu)} (ratio ${(r.ours.cpu / r.pagedjs.cpu).toFixed(2)}), plain ${sec(r.plain.cpu)} (ratio ${(r.ours.cpu / r.plain.cpu).toFixed(2)});` +
          ` wall of each run: ours ${a.map((x) => x.toFixed(2)).join(' ')}, plain ${c.map((x) => x.toFixed(2)).join(' ')}`,
      );
    }
  } finally {
    await ours.close();
    await pagedBrowser.close(5000);
    await plainBrowser.close(5000);
  }
  return out;
}

interface ConcurrencyResult {
  readonly document: string;
  readonly sequentialSeconds: number;
  readonly concurrentSeconds: number;
  readonly all: { sequential: number[]; concurrent: number[] };
}

/**
 * Both locales printed by our PDF stage in one browser: one after the other, or at once on two pages
 * (two renderer processes, one per core). Alternated, medians of `runs`.
 */
async function printBoth(documents: readonly { name: string; locale: Locale; html: string }[], runs: number, executable: string): Promise<ConcurrencyResult[]> {
  const printer = await launchPrinter(executable);
  const meta = { title: 'T', author: 'A', subject: 'S', keywords: ['k'], creator: 'bench', date: '2022-06-30' };
  const out: ConcurrencyResult[] = [];
  try {
    for (const name of [...new Set(documents.map((d) => d.name))]) {
      const docs = documents.filter((d) => d.name === name);
      const sequential: number[] = [];
      const concurrent: number[] = [];
      for (let i = 0; i < runs; i++) {
        let t = performance.now();
        for (const d of docs) await printer.print(d.html, d.locale, meta);
        sequential.push((performance.now() - t) / 1000);
        t = performance.now();
        await Promise.all(docs.map((d) => printer.print(d.html, d.locale, meta)));
        concurrent.push((performance.now() - t) / 1000);
      }
      out.push({ document: name, sequentialSeconds: median(sequential), concurrentSeconds: median(concurrent), all: { sequential, concurrent } });
      const r = out.at(-1)!;
      console.log(`  ${name.padEnd(16)} one after the other ${sec(r.sequentialSeconds)}, concurrently ${sec(r.concurrentSeconds)} (${((1 - r.concurrentSeconds / r.sequentialSeconds) * 100).toFixed(0)}% less)`);
    }
  } finally {
    await printer.close();
  }
  return out;
}

/** A long document in both languages: the test suite's synthetic chapters, many footnotes each. */
function longDocuments(chapters: number): { name: string; locale: Locale; html: string }[] {
  return LOCALES.map((locale) => {
    const parts = Array.from({ length: chapters }, (_, i) => ({ id: `c${i + 1}`, html: renderMarkdown(chapterMarkdown(locale, i + 1), `c${i + 1}`) }));
    const { html } = buildDocument({ locale, text: { title: 'Long document', coverLines: [], contents: locale === 'zh' ? '目录' : 'Contents', backLines: [] }, chapters: parts, figures: [], otherEdition: null }, fonts);
    return { name: `long (${chapters} ch.)`, locale, html };
  });
}

type PreviewLatency = Record<string, { medianMs: number; buildMs: number; all: number[] }>;

/**
 * `report preview` on a copy of the project's templates and locales (the dataset and the cache are
 * shared, read only and by content): edits one sentence per locale, alternately, and times each edit
 * from the file write to the `reload` event a page would get.
 */
async function previewLatency(dataDir: string, cacheDir: string, edits: number): Promise<PreviewLatency> {
  const root = mkdtempSync(join(tmpdir(), 'report-bench-preview-'));
  for (const dir of ['templates', 'locales']) cpSync(join(ROOT, dir), join(root, dir), { recursive: true });
  const preview = await startPreview({ root, edition: EDITION, locales: LOCALES, outDir: join(root, 'out'), cacheDir, data: resolve(ROOT, dataDir), host: '127.0.0.1', port: 0, watchCode: false, log: { info: () => {}, warn: (l) => console.log(l) } });
  const builds: BuildOutcome[] = [];
  preview.onBuilt((b) => builds.push(b));
  let reloads = 0;
  const stream = await listenToPreview(preview.url, (event) => void (event === 'reload' && reloads++));
  const out: PreviewLatency = {};
  try {
    for (const locale of LOCALES) out[locale] = { medianMs: 0, buildMs: 0, all: [] };
    for (let i = 0; i < edits; i++) {
      for (const locale of LOCALES) {
        const file = join(root, 'locales', 'shared', locale, 'document.json');
        const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
        const seen = reloads;
        const start = performance.now();
        writeFileSync(file, `${JSON.stringify({ ...doc, back_generated: `${doc.back_generated!.replace(/ \(edit \d+\)$/, '')} (edit ${i})` }, null, 2)}\n`);
        while (reloads === seen) {
          if (performance.now() - start > 60_000) throw new Error('preview: no reload within 60 s');
          await new Promise((r) => setTimeout(r, 2));
        }
        out[locale]!.all.push(performance.now() - start);
        await new Promise((r) => setTimeout(r, 100)); // let the editor's "save" settle, as a person would
      }
    }
    for (const locale of LOCALES) {
      out[locale]!.medianMs = median(out[locale]!.all);
      out[locale]!.buildMs = median(builds.filter((b) => b.locales.length === 1 && b.locales[0] === locale).map((b) => b.buildMs));
    }
  } finally {
    stream.close();
    await preview.close();
    rmSync(root, { recursive: true, force: true });
  }
  return out;
}

interface CommandTimes {
  readonly help: number[];
  readonly buildHelp: number[];
  readonly nothingChanged: number[];
  /** `node -e 0`: the floor of any start-up on this machine at this moment. */
  readonly node: number[];
  /**
   * `report build --cache off`, the whole run: a cold build as a user starts it, the command's own
   * work before the pipeline (reading the edition, loading its modules) included, which the build
   * scenarios' child, calling the pipeline with its modules loaded, does not time.
   */
  readonly cold: number[];
}

/**
 * The `report` command itself, as an editor runs it (bin/report.js, a fresh process each time):
 * `report --help` and `report build --help` (start-up: the code a build loads before its first
 * stage), and `report build` when nothing changed since the last one (its whole run). Interleaved.
 */
function commandTimes(project: string, dataDir: string, outDir: string, cacheDir: string, runs: number, coldRuns: number): CommandTimes {
  const bin = join(project, 'bin', 'report.js');
  const time = (args: string[]) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    const seconds = (performance.now() - t) / 1000;
    if (r.status !== 0) throw new Error(`report ${args.join(' ')} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    return seconds;
  };
  const build = ['build', '--data', dataDir, '--out', outDir, '--cache', cacheDir];
  time(build); // the last build, whose outputs the next ones find in place
  const out: CommandTimes = { help: [], buildHelp: [], nothingChanged: [], node: [], cold: [] };
  for (let i = 0; i < coldRuns; i++) out.cold.push(time(['build', '--data', dataDir, '--out', `${outDir}-cold`, '--cache', 'off']));
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    out.node.push((performance.now() - t) / 1000);
    out.help.push(time(['--help']));
    out.buildHelp.push(time(['build', '--help']));
    out.nothingChanged.push(time(build));
  }
  return out;
}

interface Target {
  readonly name: string;
  readonly measured: number;
  readonly limit: number;
  readonly unit: 's' | 'ms' | '×';
  readonly met: boolean;
  readonly note?: string;
}

function target(name: string, measured: number, limit: number, unit: Target['unit'], note?: string): Target {
  return { name, measured, limit, unit, met: measured <= limit, ...(note ? { note } : {}) };
}

function printTargets(targets: readonly Target[]): void {
  const fmt = (x: number, unit: Target['unit']) => (unit === 's' ? `${x.toFixed(2)} s` : unit === 'ms' ? `${x.toFixed(0)} ms` : `${x.toFixed(2)}×`);
  console.log(`\ntargets (issue 19; medians of this run):`);
  for (const t of targets) {
    console.log(`  ${t.met ? 'met    ' : 'NOT MET'}  ${t.name.padEnd(52)} ${fmt(t.measured, t.unit).padStart(9)}  (≤ ${fmt(t.limit, t.unit)})${t.note ? `  ${t.note}` : ''}`);
  }
  console.log(`  ${targets.filter((t) => t.met).length} of ${targets.length} met`);
}

function git(...args: string[]): string {
  const known = process.env.REPORT_BENCH_GIT ? (JSON.parse(process.env.REPORT_BENCH_GIT) as Record<string, string>)[args.join(' ')] : undefined;
  if (known !== undefined) return known;
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

const OPTIONS = {
  runs: { type: 'string', default: '3' },
  out: { type: 'string', default: join(ROOT, 'out', 'bench') },
  'no-pagedjs': { type: 'boolean', default: false },
  'no-long': { type: 'boolean', default: false },
  /** The PDF comparisons on the long document alone: no edition printed (nor built, with --only pdf). */
  'no-edition': { type: 'boolean', default: false },
  'long-chapters': { type: 'string', default: '12' },
  'no-preview': { type: 'boolean', default: false },
  'preview-only': { type: 'boolean', default: false },
  /** Parts to run (default all): builds (the scenarios), command (bin/report.js), pdf (ours, Paged.js, plain), preview. Targets of parts not run are left out. */
  only: { type: 'string' },
  /** Scenarios of the builds part (default all): cold, metrics cached, sequential print, early browser, warm. */
  scenarios: { type: 'string' },
  data: { type: 'string' },
  'in-snapshot': { type: 'string' },
} as const;

/**
 * The bench runs from a copy of the project (code, templates, locales; node_modules linked), made
 * here, so that others editing the working tree meanwhile change nothing in it: a code edit would
 * otherwise change the cache keys between runs (rightly) and the measurements with them.
 */
async function outer(): Promise<number> {
  const { values: v } = parseArgs({ options: OPTIONS, allowPositionals: false });
  const scratch = mkdtempSync(join(tmpdir(), 'report-bench-'));
  const project = join(scratch, 'project');
  for (const entry of ['src', 'scripts', 'bin', 'test/helpers', 'templates', 'locales', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(join(ROOT, entry), join(project, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  // The command as `npm install` leaves it: bundled into dist/ (bin/report.js would rebuild it anyway,
  // the copies being newer than any earlier bundle, but inside the first timed run).
  execFileSync(process.execPath, [join(project, 'scripts', 'build-cli.mjs')], { stdio: 'ignore' });
  const gitInfo = { 'rev-parse HEAD': git('rev-parse', 'HEAD'), 'rev-parse --short HEAD': git('rev-parse', '--short', 'HEAD'), 'status --porcelain': git('status', '--porcelain') };
  const args = [
    ...process.argv.slice(2).filter((a, i, all) => !['--data', '--out'].includes(a) && !['--data', '--out'].includes(all[i - 1]!)),
    '--data', resolve(ROOT, dataset(v.data).dir),
    '--out', resolve(v.out),
    '--in-snapshot', scratch,
  ];
  const child = spawn(process.execPath, [...process.execArgv, join(project, 'scripts', 'bench.ts'), ...args], { stdio: 'inherit', env: { ...process.env, REPORT_BENCH_GIT: JSON.stringify(gitInfo), REPORT_BENCH_DATA_WHY: dataset(v.data).why } });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  rmSync(scratch, { recursive: true, force: true });
  return code ?? 1;
}

async function main(): Promise<void> {
  const { values: v } = parseArgs({ options: OPTIONS, allowPositionals: false });
  const runs = Math.max(1, Number(v.runs));
  const data = { dir: v.data!, why: process.env.REPORT_BENCH_DATA_WHY ?? '--data' };
  const executable = ensureChromium(nodeEnvironment, { info: (l) => console.log(l), warn: (l) => console.log(l) });
  const scratch = v['in-snapshot']!;
  const chromium = execFileSync(executable, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const dataCopy = await snapshot(data.dir, join(scratch, 'data'));
  const project = ROOT; // the snapshot (see outer())
  console.log(`bench: ${EDITION} edition, ${LOCALES.join('+')}, PDF+HTML; data ${data.dir} (${data.why}); ${runs} run(s) each`);
  console.log(`       ${cpus().length} cores, ${mib(totalmem())}, Node ${process.version}, ${chromium}, commit ${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' (+ uncommitted changes)' : ''}`);

  const cache = (name: string) => join(scratch, 'cache', name);
  const config = (cacheDir: string, concurrentPrint = true, eagerBrowser = false) => ({ root: project, data: dataCopy, outDir: join(scratch, 'out'), cacheDir, concurrentPrint, eagerBrowser });
  // Caches for the "metrics cached" situations (as after a template edit): filled once, then only the
  // metrics are kept before each run.
  const metricsOnly = (dir: string) => {
    for (const kind of ['chapters', 'svg', 'pdf']) rmSync(join(dir, kind), { recursive: true, force: true });
  };
  const onlyLongPdf = v['no-edition'] && v.only === 'pdf';
  if (!onlyLongPdf) {
    console.log('\npreparing the caches (one untimed build)…');
    await runBuild('prepare', config(cache('shared')), scratch);
  }
  if (v['preview-only']) {
    const preview = await previewLatency(dataCopy, cache('shared'), Math.max(runs, 5));
    for (const [locale, r] of Object.entries(preview)) console.log(`  preview ${locale}: ${r.medianMs.toFixed(0)} ms (build ${r.buildMs.toFixed(0)} ms; all: ${r.all.map((x) => x.toFixed(0)).join(', ')} ms)`);
    return;
  }
  const scenarios: { name: string; before(i: number): string; concurrent: boolean; eager?: boolean }[] = [
    { name: 'cold', before: (i) => cache(`cold-${i}`), concurrent: true },
    { name: 'metrics cached', before: () => (metricsOnly(cache('shared')), cache('shared')), concurrent: true },
    { name: 'sequential print', before: () => (metricsOnly(cache('shared')), cache('shared')), concurrent: false },
    { name: 'early browser', before: () => (metricsOnly(cache('shared')), cache('shared')), concurrent: true, eager: true },
    { name: 'warm', before: () => cache('shared'), concurrent: true },
  ];
  const parts = new Set((v.only ?? 'builds,command,pdf,preview').split(','));
  const wanted = v.scenarios ? new Set(v.scenarios.split(',')) : null;
  if (!parts.has('builds')) scenarios.length = 0;
  else if (wanted) scenarios.splice(0, scenarios.length, ...scenarios.filter((s) => wanted.has(s.name)));
  const results = new Map<string, Run[]>(scenarios.map((s) => [s.name, []]));
  // Interleaved (cold, cached, …, cold, cached, …), so that a noisy moment hits every scenario alike.
  for (let i = 0; i < runs; i++) {
    for (const s of scenarios) {
      const run = await runBuild(s.name, config(s.before(i), s.concurrent, s.eager ?? false), scratch);
      results.get(s.name)!.push(run);
      console.log(`  run ${i + 1} ${s.name.padEnd(17)} ${sec(run.stages['total (process)']!.seconds)}`);
      if (i === 0) console.log(run.log.replace(/^/gm, '      │ ').trimEnd());
    }
  }

  const table = Object.fromEntries(scenarios.map((s) => [s.name, stageTable(results.get(s.name)!)]));
  const labels = [...new Set(Object.values(table).flatMap((t) => Object.keys(t)))];
  console.log(`\nmedians of ${runs} run(s): wall time / peak memory of the process tree (Node+DuckDB+Chromium); [c] = from the cache`);
  console.log(`${'stage'.padEnd(18)}${scenarios.map((s) => s.name.padStart(24)).join('')}`);
  for (const label of labels) {
    const cells = scenarios.map((s) => {
      const c = table[s.name]![label];
      return (c ? `${c.cached ? '[c] ' : ''}${sec(c.seconds)} ${String(c.peakMiB).padStart(5)} MiB` : '–').padStart(24);
    });
    console.log(`${label.padEnd(18)}${cells.join('')}`);
  }
  const outputs = (results.get('cold') ?? [])[0] === undefined ? [] : results.get('cold')!.at(-1)!.files.map((f) => ({ file: relative(join(scratch, 'out'), f.path), bytes: f.bytes, pages: f.pages ?? null }));
  console.log('\noutputs:');
  for (const f of outputs) console.log(`  ${f.file.padEnd(22)} ${`${(f.bytes / 1024).toFixed(0)} KiB`.padStart(10)}${f.pages ? `  ${f.pages} pages` : ''}`);

  let command: CommandTimes | null = null;
  let cmd = { help: NaN, buildHelp: NaN, nothingChanged: NaN, node: NaN, cold: NaN };
  if (parts.has('command')) {
    console.log(`\nthe command (bin/report.js, a fresh process each; medians of ${Math.max(runs, 5)}):`);
    command = commandTimes(project, dataCopy, join(scratch, 'out-command'), cache('shared'), Math.max(runs, 5), runs);
    cmd = { help: median(command.help), buildHelp: median(command.buildHelp), nothingChanged: median(command.nothingChanged), node: median(command.node), cold: median(command.cold) };
    console.log(`  report --help ${sec(cmd.help)}, report build --help ${sec(cmd.buildHelp)}, report build with nothing changed ${sec(cmd.nothingChanged)} (node -e 0 alone: ${sec(cmd.node)})`);
    console.log(`  report build --cache off, the whole run (median of ${runs}): ${sec(cmd.cold)} (all: ${command.cold.map(sec).join(', ')})`);
  }

  let comparison: Comparison[] = [];
  let concurrency: ConcurrencyResult[] = [];
  if (!v['no-pagedjs'] && parts.has('pdf')) {
    console.log(`\nPDF stage, ours vs Paged.js 0.4.3 (same HTML, same Chromium, one locale at a time; medians of ${runs}):`);
    const edition = v['no-edition'] ? [] : LOCALES.map((locale) => ({ name: 'edition', locale, html: readFileSync(join(scratch, 'out', EDITION, locale, 'index.html'), 'utf8') }));
    comparison = await compare([...edition, ...(v['no-long'] ? [] : longDocuments(Number(v['long-chapters'])))], runs, executable);
    const sum = (doc: string, who: 'ours' | 'pagedjs' | 'plain') => comparison.filter((c) => c.document === doc).reduce((n, c) => n + c[who].seconds, 0);
    for (const doc of [...new Set(comparison.map((c) => c.document))]) {
      console.log(`  ${doc}: both locales ours ${sec(sum(doc, 'ours'))}, Paged.js ${sec(sum(doc, 'pagedjs'))}: ratio ${(sum(doc, 'ours') / sum(doc, 'pagedjs')).toFixed(2)} (target ≤ 0.45); plain print ${sec(sum(doc, 'plain'))}: ratio ${(sum(doc, 'ours') / sum(doc, 'plain')).toFixed(2)} (target ≤ 1.15)`);
      const cpu = (who: 'ours' | 'pagedjs' | 'plain') => comparison.filter((c) => c.document === doc).reduce((n, c) => n + c[who].cpu, 0);
      console.log(`  ${' '.repeat(doc.length)}  Chromium CPU: ours ${sec(cpu('ours'))}, Paged.js ${sec(cpu('pagedjs'))}: ratio ${(cpu('ours') / cpu('pagedjs')).toFixed(2)}; plain print ${sec(cpu('plain'))}: ratio ${(cpu('ours') / cpu('plain')).toFixed(2)}`);
    }
    console.log('  Vivliostyle CLI: skipped (it needs Node ≥ 22; this is Node ' + process.version + ')');
    console.log(`\nboth locales in one browser, our PDF stage (medians of ${runs}):`);
    concurrency = await printBoth([...edition, ...(v['no-long'] ? [] : longDocuments(Number(v['long-chapters'])))], runs, executable);
  }

  let preview: PreviewLatency | null = null;
  if (!v['no-preview'] && parts.has('preview')) {
    console.log(`\npreview: a sentence of a locale edited, until the page is told to reload (medians of ${Math.max(runs, 5)} per locale):`);
    preview = await previewLatency(dataCopy, cache('shared'), Math.max(runs, 5));
    for (const [locale, r] of Object.entries(preview)) console.log(`  ${locale}: ${r.medianMs.toFixed(0)} ms (build ${r.buildMs.toFixed(0)} ms; all: ${r.all.map((x) => x.toFixed(0)).join(', ')} ms; target ≤ 250 ms)`);
  }

  // The cold scenario's stages (the prints' time among them): the pipeline in the bench's child.
  const cold = table['cold'];
  const prints = (cold?.['pdf zh']?.seconds ?? NaN) + (cold?.['pdf en']?.seconds ?? NaN);
  // The two prints run at once, each slowed by the other: their sum counts the time they share twice.
  const printsWall = cold?.['prints (wall)']?.seconds ?? NaN;
  // The cold build as a user runs it: the command's whole run (its work before the pipeline included).
  // Without the command part, the build scenario's pipeline time alone, its start-up taken as 0.
  const coldBuild = Number.isNaN(cmd.cold) ? (cold?.['total (build)']?.seconds ?? NaN) : cmd.cold;
  // What the machine allows: the CPU time of all the build's processes spread over every core with none
  // idle. A build that needs more CPU than twice its prints' time on all cores cannot meet the target
  // by overlapping its stages better; only by needing less CPU.
  const coldCpu = cold?.[CPU_ROW]?.seconds ?? NaN;
  const coldFloor = Number.isNaN(coldCpu) ? '' : `; its processes used ${sec(coldCpu)} of CPU: on ${cpus().length} cores, all busy, no less than ${sec(coldCpu / cpus().length)} (${(coldCpu / cpus().length / printsWall).toFixed(2)}× the prints)`;
  const sums = (doc: string, who: 'ours' | 'pagedjs' | 'plain') => comparison.filter((c) => c.document === doc).reduce((n, c) => n + c[who].seconds, 0);
  const cpuSums = (doc: string, who: 'ours' | 'pagedjs' | 'plain') => comparison.filter((c) => c.document === doc).reduce((n, c) => n + c[who].cpu, 0);
  const targets: Target[] = [
    ...(command
      ? [
          target('start-up: report --help', cmd.help, 0.25, 's', `(node -e 0 alone: ${sec(cmd.node)})`),
          target('start-up of a build: report build --help', cmd.buildHelp, 0.25, 's'),
          target('nothing changed: report build, whole run', cmd.nothingChanged, 0.5, 's'),
        ]
      : []),
    // Judged by the time the prints take of the build (while some print runs), not by their sum: the sum
    // counts the time they share twice, and any work run beside them, which slows them, lowers the ratio
    // (by the sum, 1.79× with the prints concurrent where one after the other gave 2.88×).
    ...(cold ? [target('cold build ÷ the time its two PDF prints take', coldBuild / printsWall, 2, '×', `(${sec(coldBuild)} ÷ ${sec(printsWall)} while a print runs; ÷ their sum, ${sec(prints)}: ${(coldBuild / prints).toFixed(2)}×)${command ? ` (report build --cache off, whole run; the pipeline alone ${sec(cold?.['total (build)']?.seconds ?? NaN)})` : ' (the pipeline alone: --only without command)'}${coldFloor}`)] : []),
    ...[...new Set(comparison.map((c) => c.document))].flatMap((doc) => [
      target(`PDF stage ÷ plain print, ${doc}`, sums(doc, 'ours') / sums(doc, 'plain'), 1.15, '×', `(by Chromium CPU: ${(cpuSums(doc, 'ours') / cpuSums(doc, 'plain')).toFixed(2)}×)`),
      target(`PDF stage ÷ Paged.js, ${doc}`, sums(doc, 'ours') / sums(doc, 'pagedjs'), 0.45, '×'),
    ]),
    ...Object.entries(preview ?? {}).map(([locale, r]) => target(`preview ${locale}: sentence edited → reload`, r.medianMs, 250, 'ms')),
  ];
  printTargets(targets);

  const report = {
    date: new Date().toISOString(),
    commit: git('rev-parse', 'HEAD'),
    dirty: git('status', '--porcelain') !== '',
    machine: { cores: cpus().length, memoryMiB: Math.round(totalmem() / 2 ** 20), node: process.version, chromium },
    dataset: data,
    runs,
    stages: table,
    outputs,
    pagedjs: comparison,
    concurrency,
    vivliostyle: 'skipped: needs Node >= 22',
    preview,
    command,
    targets,
  };
  mkdirSync(v.out!, { recursive: true });
  const stamp = report.date.replace(/[-:]/g, '').slice(0, 13);
  writeFileSync(join(v.out!, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(v.out!, `${stamp}-${report.commit.slice(0, 8)}.json`), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nresults: ${join(v.out!, 'latest.json')}`);
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) await child(JSON.parse(process.argv[childAt + 1]!) as ChildConfig);
else if (process.argv.includes('--in-snapshot')) await main();
else process.exitCode = await outer();
