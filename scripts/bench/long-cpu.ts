/**
 * The long document's PDF stage (print.ts, as the build runs it) against the plain print of the same
 * HTML, alternately, by wall clock and by CPU time of each browser's processes (children that ended,
 * a closed page's renderer, counted through their parent): on a shared machine the CPU time says more.
 * `tsx scripts/bench/long-cpu.ts [--chapters 12] [--runs 5] [--locales zh,en]`
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { renderMarkdown } from '../../src/base/markup.ts';
import type { Locale } from '../../src/base/yaml.ts';
import { buildDocument } from '../../src/html/document.ts';
import { ensureChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { CHROMIUM_ARGS, launchPrinter } from '../../src/pdf/print.ts';
import { chapterMarkdown } from '../../test/helpers/long-document.ts';
import { groupCpu, groupSize, launchedGroup, settled } from './cpu.ts';
import { printPlain } from './plain.ts';

const { values: v } = parseArgs({ options: { chapters: { type: 'string', default: '12' }, runs: { type: 'string', default: '5' }, locales: { type: 'string', default: 'zh,en' } } });
const fonts = { read: (f: { file: string }) => readFileSync(f.file) };

function longHtml(locale: Locale, chapters: number): string {
  const parts = Array.from({ length: chapters }, (_, i) => ({ id: `c${i + 1}`, html: renderMarkdown(chapterMarkdown(locale, i + 1), `c${i + 1}`) }));
  return buildDocument({ locale, text: { title: 'Long document', coverLines: [], contents: locale === 'zh' ? '目录' : 'Contents', backLines: [] }, chapters: parts, figures: [], otherEdition: null }, fonts).html;
}

const executable = ensureChromium(nodeEnvironment, { info: () => {}, warn: () => {} });
const printer = await launchPrinter(executable);
const ourGroup = launchedGroup();
const browser = await puppeteer.launch({ executablePath: executable, headless: true, args: CHROMIUM_ARGS });
const plainGroup = browser.process()!.pid!;
const meta = { title: 'T', author: 'A', subject: 'S', keywords: ['k'], creator: 'bench', date: '2022-06-30' };
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const settle = () => new Promise((r) => setTimeout(r, 300));

try {
  for (const locale of v.locales!.split(',') as Locale[]) {
    const html = longHtml(locale, Number(v.chapters));
    const r: Record<'ours' | 'plain', { wall: number[]; cpu: number[] }> = { ours: { wall: [], cpu: [] }, plain: { wall: [], cpu: [] } };
    await printer.print(html, locale, meta); // warm-up, not counted
    await printPlain(browser, html);
    for (let i = 0; i < Number(v.runs); i++) {
      for (const who of ['ours', 'plain'] as const) {
        const group = who === 'ours' ? ourGroup : plainGroup;
        await settle();
        const size = groupSize(group);
        const c = groupCpu(group);
        const t = performance.now();
        if (who === 'ours') await printer.print(html, locale, meta);
        else await printPlain(browser, html);
        r[who].wall.push((performance.now() - t) / 1000);
        await settled(group, size); // the page's renderer reaped: its CPU counted
        r[who].cpu.push(groupCpu(group) - c);
      }
    }
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(
      `long (${v.chapters} ch.) ${locale}: ours wall ${med(r.ours.wall).toFixed(2)} s, CPU ${med(r.ours.cpu).toFixed(2)} s; plain wall ${med(r.plain.wall).toFixed(2)} s, CPU ${med(r.plain.cpu).toFixed(2)} s; ` +
        `ratio wall ${(med(r.ours.wall) / med(r.plain.wall)).toFixed(2)}, CPU ${(med(r.ours.cpu) / med(r.plain.cpu)).toFixed(2)} (load ${load}; CPU ours ${r.ours.cpu.map((x) => x.toFixed(2)).join(' ')}, plain ${r.plain.cpu.map((x) => x.toFixed(2)).join(' ')})`,
    );
  }
} finally {
  await printer.close();
  await browser.close();
}
