/**
 * Content wider than the page. Chromium shrinks the whole print to fit its widest page (Blink's
 * overflow shrink: every page is laid out wider and scaled down), while the pagination model lays
 * pages out at the page width: one wide table moved every page break after the cover, so the contents
 * disagreed with the print and the document was printed twice, all its text at ~86% size.
 *
 * Synthetic documents, printed for real and read back from the PDF:
 * - a table like the report's frontier table (eight columns, Chinese headers of numeric columns) must
 *   fit the page by wrapping its headers, not shrink anything;
 * - a table that cannot fit (long cells that never wrap) is shrunk alone, and reported; the rest of
 *   the document keeps its size and the model still matches the print (one print);
 * - past what the model can represent (a height in viewport units), the safety net prints again with
 *   the numbers read back, and says where the model was off.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/base/markup.ts';
import { buildDocument } from '../../src/html/document.ts';
import { tableHtml } from '../../src/html/tables.ts';
import { findChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { launchPrinter, type PrintedPdf, type Printer } from '../../src/pdf/print.ts';
import { destinationPages, readObjects } from '../../src/pdf/reader.ts';
import { chapterMarkdown } from '../helpers/long-document.ts';

const fonts = { read: (f: { file: string }) => readFileSync(f.file) };
const meta = { title: 'T', author: 'A', subject: 'S', keywords: ['k'], creator: 'test', date: '2022-06-30' };

/** Eight columns, seven numeric with two-word Chinese headers (the shape of the report's frontier table). */
function frontierLikeTable(): string {
  const labels = ['排名', '前沿技术', '顶尖论文（篇）', '其中综述（篇）', '平均发表年份', '专利（件）', '高价值专利（件）', '前沿指数'];
  const names = ['生物大数据', '生成式对抗网络算法', '沉浸式扩展现实娱乐平台', '量子计算机', 'AI 解码蛋白质结构', '移动边缘计算网络'];
  return tableHtml({
    id: 'fits',
    number: 1,
    label: '表 1',
    caption: '数字科技领域前沿技术',
    notes: [],
    columns: labels.map((label, i) => ({ label, numeric: i !== 1 })),
    rows: names.map((name, i) => [String(i + 1), name, '1,416', '123', '2017.9', '11,220*', '1,153', '0.99']),
  });
}

/** Ten columns of long numbers that never wrap: no layout of the page width can hold them. */
function tooWideTable(): string {
  return tableHtml({
    id: 'too-wide',
    number: 2,
    label: '表 2',
    caption: '过宽的表',
    notes: [],
    columns: Array.from({ length: 10 }, (_, i) => ({ label: `指标${i + 1}（件）`, numeric: true })),
    rows: Array.from({ length: 5 }, (_, r) => Array.from({ length: 10 }, (_, c) => `${(r + 1) * 1000 + c},123,456.7`)),
  });
}

/** A code with no break opportunity, longer than a line: it must wrap, not run past the page. */
const LONG_WORD = `<p>数据校验码 ${'0123456789abcdef'.repeat(8)} 。</p>`;

/** A preformatted line longer than the page is wide. */
const LONG_LINE = `<pre><code>${'select country, count(*) as papers '.repeat(4)}</code></pre>`;

/** A listing longer than a page with one line too long: measured line by line, being on two pages. */
const LONG_LISTING = `<pre><code>${Array.from({ length: 70 }, (_, i) => (i === 35 ? 'select country, count(*) as papers '.repeat(4) : `line ${i + 1}`)).join('\n')}</code></pre>`;

/** A box as tall as a third of the viewport: the model's viewport is not the printed page (a known limit). */
const BEYOND = '<div style="height: 33vh"></div>';

/** Chapter 1 of the long document with `insert` after its fourth paragraph; chapters 2 and 3 as they are. */
function chapters(insert: string) {
  return [1, 2, 3].map((n) => {
    const html = renderMarkdown(chapterMarkdown('zh', n), `c${n}`);
    if (n !== 1) return { id: `c${n}`, html };
    let at = 0;
    for (let k = 0; k < 4; k++) at = html.indexOf('</p>', at) + 4;
    return { id: `c${n}`, html: html.slice(0, at) + insert + html.slice(at) };
  });
}

/** Height (pt) of the most common word box in the PDF: the body text's, which a shrunk print makes smaller. */
function bodyTextHeight(pdf: string): number {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const counts = new Map<string, number>();
  for (const m of xml.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)) {
    const h = (Number(m[2]) - Number(m[1])).toFixed(1);
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  return Number([...counts].sort((a, b) => b[1] - a[1])[0]![0]);
}

let printer: Printer;
const out = mkdtempSync(join(tmpdir(), 'wide-'));
const printed: Record<string, PrintedPdf> = {};

beforeAll(async () => {
  printer = await launchPrinter(findChromium(nodeEnvironment)!);
  for (const [name, table] of [['plain', ''], ['fits', frontierLikeTable() + LONG_WORD], ['too-wide', tooWideTable() + LONG_LINE + LONG_LISTING], ['beyond', BEYOND]] as const) {
    const { html } = buildDocument({ locale: 'zh', text: { title: 'T', coverLines: [], contents: '目录', backLines: [] }, chapters: chapters(table), figures: [], otherEdition: null }, fonts);
    writeFileSync(join(out, `${name}.html`), html);
    printed[name] = await printer.print(html, 'zh', meta);
    writeFileSync(join(out, `${name}.pdf`), printed[name]!.bytes);
  }
});
afterAll(() => printer?.close());

describe('content wider than the page', () => {
  // The same chapters without a table set the body text's size.
  const body = () => bodyTextHeight(join(out, 'plain.pdf'));

  it('wraps the headers of a many-column table and a long code instead of shrinking the print', () => {
    const result = printed['fits']!;
    expect(bodyTextHeight(join(out, 'fits.pdf'))).toBe(body());
    expect(result.passes).toBe(1);
    expect(result.misplacedNotes).toEqual([]);
    expect(result.shrunk).toEqual([]);
  });

  it('shrinks only a table or a listing that cannot fit, says so, and prints once', () => {
    const result = printed['too-wide']!;
    expect(bodyTextHeight(join(out, 'too-wide.pdf'))).toBe(body());
    expect(result.passes).toBe(1);
    expect(result.misplacedNotes).toEqual([]);
    expect(result.shrunk.map((s) => s.element)).toEqual(['table#tab-too-wide', 'pre in #ch-c1', 'pre in #ch-c1']);
    for (const { scale } of result.shrunk) {
      expect(scale).toBeGreaterThan(0.4);
      expect(scale).toBeLessThan(1);
    }
    // every column is printed: nothing is cut off at the page's edge
    const table = execFileSync('pdftotext', ['-layout', join(out, 'too-wide.pdf'), '-'], { encoding: 'utf8' });
    expect(table).toMatch(/指标\s*10（件）/);
    expect(table).toContain('5009,123,456.7');
    expect(table.replace(/\s+/g, ' ')).toContain('select country, count(*) as papers '.repeat(4).trim());
  });

  it('prints again when the model is off, names where, and still numbers the contents right', () => {
    const result = printed['beyond']!;
    expect(result.passes).toBeGreaterThan(1);
    expect(result.modelMisses.length).toBeGreaterThan(0);
    expect(result.modelMisses[0]!.print).not.toBe(result.modelMisses[0]!.model);
    const dests = destinationPages(readObjects(result.bytes));
    const toc = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', join(out, 'beyond.pdf'), '-'], { encoding: 'utf8' });
    for (const n of [2, 3]) expect(toc).toMatch(new RegExp(`第${n}章[ .]*${dests.get(`c${n}`)}\\s*$`, 'm'));
  });
});
