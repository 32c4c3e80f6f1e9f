/**
 * Where the long document's PDF stage spends its time, step by step, against a plain print of the same
 * HTML: `tsx scripts/bench/long-profile.ts [--chapters 12] [--runs 3] [--locales zh,en] [--trace DIR]`.
 *
 * Each step of print.ts is timed by wall clock and by the renderer's main thread (the DevTools
 * protocol's Performance metrics: script, style recalculation, layout, all tasks), and the whole print
 * by the CPU time of Chromium's processes (/proc). With --trace, an extra run of each locale writes a
 * Chromium trace (and a CPU profile of the pagination) (open it in chrome://tracing or the DevTools performance panel).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer, { type Page } from 'puppeteer-core';
import { renderMarkdown } from '../../src/base/markup.ts';
import type { Locale } from '../../src/base/yaml.ts';
import { buildDocument } from '../../src/html/document.ts';
import { ensureChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { finishPdf } from '../../src/pdf/finish.ts';
import { holdLoad, LOAD_FONTS } from '../../src/pdf/hold.ts';
import { PAGE_AREA_HEIGHT, paginate } from '../../src/pdf/paginate.ts';
import { CHROMIUM_ARGS, fileUrl, isolate, loadFile, pdfOptions, STEP_TIMEOUT_MS } from '../../src/pdf/print.ts';
import { destinationPages, readObjects } from '../../src/pdf/reader.ts';
import { chapterMarkdown } from '../../test/helpers/long-document.ts';

const { values: v } = parseArgs({ options: { chapters: { type: 'string', default: '12' }, runs: { type: 'string', default: '3' }, locales: { type: 'string', default: 'zh,en' }, trace: { type: 'string' } } });
const fonts = { read: (f: { file: string }) => readFileSync(f.file) };

function longHtml(locale: Locale, chapters: number): string {
  const parts = Array.from({ length: chapters }, (_, i) => ({ id: `c${i + 1}`, html: renderMarkdown(chapterMarkdown(locale, i + 1), `c${i + 1}`) }));
  return buildDocument({ locale, text: { title: 'Long document', coverLines: [], contents: locale === 'zh' ? '目录' : 'Contents', backLines: [] }, chapters: parts, figures: [], otherEdition: null }, fonts).html;
}

/** CPU ticks (user + system) of each process in Chromium's process group. */
function groupCpu(pgid: number): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const entry of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(join('/proc', entry, 'stat'), 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue; // field 5: process group
      ticks.set(entry, Number(fields[11]) + Number(fields[12])); // utime, stime
    } catch {
      /* gone */
    }
  }
  return ticks;
}

/** CPU seconds spent between two snapshots, by the processes alive at the second (a page's renderer ends with the page). */
const cpuBetween = (a: Map<string, number>, b: Map<string, number>) => [...b].reduce((n, [pid, t]) => n + t - (a.get(pid) ?? 0), 0) / 100;
let lastSnapshot = new Map<string, number>();

interface Metrics { script: number; style: number; layout: number; task: number }
async function metrics(page: Page): Promise<Metrics> {
  const m = await page.metrics();
  return { script: m.ScriptDuration ?? 0, style: m.RecalcStyleDuration ?? 0, layout: m.LayoutDuration ?? 0, task: m.TaskDuration ?? 0 };
}

interface Row {
  step: string;
  wall: number;
  script: number;
  style: number;
  layout: number;
  task: number;
}

async function timed(rows: Row[], step: string, page: Page, work: () => Promise<unknown>): Promise<void> {
  const before = await metrics(page);
  const t = performance.now();
  await work();
  const wall = (performance.now() - t) / 1000;
  const after = await metrics(page);
  rows.push({ step, wall, script: after.script - before.script, style: after.style - before.style, layout: after.layout - before.layout, task: after.task - before.task });
}

const executable = ensureChromium(nodeEnvironment, { info: () => {}, warn: () => {} });
/** The document file both prints load (print.ts: loadFile), in a folder of this run's. */
const DOCUMENT = join(mkdtempSync(join(tmpdir(), 'report-long-profile-')), 'document.html');
process.on('exit', () => rmSync(dirname(DOCUMENT), { recursive: true, force: true }));
const browser = await puppeteer.launch({ executablePath: executable, headless: true, args: CHROMIUM_ARGS });
const pgid = browser.process()!.pid!;
const chapters = Number(v.chapters);
const runs = Number(v.runs);
const f = (x: number) => x.toFixed(3).padStart(7);

async function ours(html: string, trace: string | null): Promise<Row[]> {
  const rows: Row[] = [];
  const page = await browser.newPage();
  try {
    await isolate(page, STEP_TIMEOUT_MS, { document: fileUrl(DOCUMENT) });
    await page.emulateMediaType('print');
    // As print.ts does: held from the screen while it loads (hold.ts), loaded from a file.
    const held = holdLoad(html, page.viewport()?.height, PAGE_AREA_HEIGHT);
    await timed(rows, 'load', page, () => loadFile(page, held ?? html, DOCUMENT, STEP_TIMEOUT_MS));
    await page.setJavaScriptEnabled(true);
    await timed(rows, 'fonts', page, () => page.evaluate(held ? LOAD_FONTS : 'document.fonts.ready.then(() => undefined)'));
    if (trace) await page.tracing.start({ path: trace, screenshots: false });
    const cdp = trace ? await page.createCDPSession() : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await timed(rows, 'paginate', page, () => paginate(page, { holdScreen: true }));
    if (cdp) writeFileSync(trace!.replace(/\.json$/, '.cpuprofile'), JSON.stringify((await cdp.send('Profiler.stop')).profile));
    await page.setJavaScriptEnabled(false);
    let pdf: Uint8Array = new Uint8Array();
    await timed(rows, 'print', page, async () => (pdf = await page.pdf(pdfOptions(STEP_TIMEOUT_MS))));
    if (trace) await page.tracing.stop();
    const t = performance.now();
    destinationPages(readObjects(pdf));
    finishPdf(pdf, { title: 'T', author: 'A', subject: 'S', keywords: ['k'], creator: 'bench', date: '2022-06-30' });
    rows.push({ step: 'node: read+finish', wall: (performance.now() - t) / 1000, script: 0, style: 0, layout: 0, task: 0 });
  } finally {
    lastSnapshot = groupCpu(pgid);
    await page.close();
  }
  return rows;
}

async function plain(html: string): Promise<Row[]> {
  const rows: Row[] = [];
  const page = await browser.newPage();
  try {
    await isolate(page, STEP_TIMEOUT_MS, { document: fileUrl(DOCUMENT) });
    await timed(rows, 'load', page, () => loadFile(page, html, DOCUMENT, STEP_TIMEOUT_MS));
    await timed(rows, 'fonts', page, () => page.evaluate(() => document.fonts.ready.then(() => undefined)));
    await timed(rows, 'print', page, () => page.pdf(pdfOptions(STEP_TIMEOUT_MS)));
  } finally {
    lastSnapshot = groupCpu(pgid);
    await page.close();
  }
  return rows;
}

try {
  for (const locale of v.locales!.split(',') as Locale[]) {
    const html = longHtml(locale, chapters);
    const all: Record<string, Row[][]> = { ours: [], plain: [] };
    const cpu: Record<string, number[]> = { ours: [], plain: [] };
    const wall: Record<string, number[]> = { ours: [], plain: [] };
    // The traced run (slower) is an extra one, not counted.
    if (v.trace) await ours(html, join(v.trace, `long-${locale}.json`));
    for (let i = 0; i < runs; i++) {
      for (const who of ['ours', 'plain'] as const) {
        const c = groupCpu(pgid);
        const t = performance.now();
        all[who]!.push(who === 'ours' ? await ours(html, null) : await plain(html));
        wall[who]!.push((performance.now() - t) / 1000);
        cpu[who]!.push(cpuBetween(c, lastSnapshot));
      }
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`long (${chapters} ch.) ${locale}: load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
    for (const who of ['ours', 'plain'] as const) {
      console.log(`  ${who}: wall ${f(med(wall[who]!))} s  chromium CPU ${f(med(cpu[who]!))} s   (all wall ${wall[who]!.map((x) => x.toFixed(2)).join(' ')}; cpu ${cpu[who]!.map((x) => x.toFixed(2)).join(' ')})`);
      console.log(`    ${'step'.padEnd(18)} ${'wall'.padStart(7)} ${'task'.padStart(7)} ${'script'.padStart(7)} ${'style'.padStart(7)} ${'layout'.padStart(7)}`);
      for (const step of all[who]![0]!.map((r) => r.step)) {
        const pick = (k: keyof Omit<Row, 'step'>) => med(all[who]!.map((rs) => rs.find((r) => r.step === step)![k]));
        console.log(`    ${step.padEnd(18)} ${f(pick('wall'))} ${f(pick('task'))} ${f(pick('script'))} ${f(pick('style'))} ${f(pick('layout'))}`);
      }
    }
    console.log(`  ratio by wall ${(med(wall.ours!) / med(wall.plain!)).toFixed(2)}, by chromium CPU ${(med(cpu.ours!) / med(cpu.plain!)).toFixed(2)}`);
  }
} finally {
  await browser.close();
}
