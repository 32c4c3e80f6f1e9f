/**
 * Blocks the print keeps whole or breaks by its own rules: tables that fit a page move whole to the
 * next one (`break-inside: avoid` on .table-block), longer ones break between rows with their header
 * repeated, figures with their caption and notes never break. The pagination model lays them out as
 * columns of one box, not as pages: here it is checked that Chromium fragments them the same way in
 * both, with the blocks at every height on the page (each chapter shifts them by a few lines) and
 * footnotes around them. One print, every contents number and every note right.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/html/document.ts';
import { tableHtml } from '../../src/html/tables.ts';
import { findChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { launchPrinter, type PrintedPdf, type Printer } from '../../src/pdf/print.ts';
import { destinationPages, readObjects } from '../../src/pdf/reader.ts';

const fonts = { read: (f: { file: string }) => readFileSync(f.file) };
const meta = { title: 'T', author: 'A', subject: 'S', keywords: ['k'], creator: 'test', date: '2022-06-30' };

function table(id: string, rows: number, locale: 'zh' | 'en'): string {
  const zh = locale === 'zh';
  return tableHtml({
    id,
    number: 1,
    label: zh ? '表 1' : 'Table 1',
    caption: zh ? '各国论文数量' : 'Papers by country',
    notes: [zh ? '数据来源：合成数据。' : 'Source: synthetic data.'],
    columns: [
      { label: zh ? '排名' : 'Rank', numeric: true },
      { label: zh ? '国家' : 'Country', numeric: false },
      { label: zh ? '论文数量（篇）' : 'Papers', numeric: true },
    ],
    rows: Array.from({ length: rows }, (_, r) => [String(r + 1), zh ? `国家${r + 1}` : `Country ${r + 1}`, `${(rows - r) * 1234}`]),
  });
}

/** A figure like the report's: a drawing of fixed height, a caption and a note. */
function figure(id: string, height: number, locale: 'zh' | 'en'): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="${height}" viewBox="0 0 600 ${height}"><rect x="0" y="0" width="600" height="${height}" fill="#c9d3e0"/></svg>`;
  return `<figure id="${id}"><div class="chart">${svg}</div><figcaption><span class="label">${locale === 'zh' ? '图 1' : 'Figure 1'}</span>${locale === 'zh' ? '合成图' : 'A synthetic figure'}</figcaption><p class="note">${locale === 'zh' ? '说明：合成数据。' : 'Note: synthetic data.'}</p></figure>`;
}

/**
 * Chapter n: `n` short paragraphs first (so the blocks after them sit a few lines lower in each
 * chapter), then sections of paragraphs with footnotes, tables of 4, 22 and 45 rows (one short, one
 * close to a page, one longer than a page) and figures of 300 and 700 px.
 */
function chapter(locale: 'zh' | 'en', n: number): string {
  const zh = locale === 'zh';
  const sentence = zh ? '数字科技论文与专利的国家分布显示出明显的集中趋势，' : 'Papers and patents are concentrated in a few countries; ';
  const para = (k: number, note?: number) => `<p>${sentence.repeat(3 + ((k * 7 + n) % 6))}${note ? `<sup class="footnote-ref"><a href="#fn-c${n}-${note}" id="fnref-c${n}-${note}">${note}</a></sup>` : ''}${sentence}</p>`;
  const parts = [`<h1 id="c${n}">${zh ? `第${n}章` : `Chapter ${n}`}</h1>`];
  for (let k = 0; k < n; k++) parts.push(para(k));
  const blocks = [table(`t${n}-4`, 4, locale), figure(`f${n}-300`, 300, locale), table(`t${n}-22`, 22, locale), figure(`f${n}-700`, 700, locale), table(`t${n}-45`, 45, locale)];
  let note = 0;
  blocks.forEach((block, b) => {
    parts.push(`<h2 id="c${n}-${b + 1}">${zh ? '小节' : 'Section'} ${n}.${b + 1}</h2>`);
    for (let k = 0; k < 3; k++) parts.push(para(b * 3 + k, k === 1 ? ++note : undefined));
    parts.push(block);
    parts.push(para(b + 100, ++note));
  });
  const notes = Array.from({ length: note }, (_, i) => `<li id="fn-c${n}-${i + 1}" class="footnote-item"><p>${zh ? '注释内容说明数据来源与口径。' : 'A note on the source and the definition used.'} <a href="#fnref-c${n}-${i + 1}" class="footnote-backref">↩︎</a></p></li>`);
  return `${parts.join('\n')}\n<hr class="footnotes-sep">\n<section class="footnotes"><ol class="footnotes-list">${notes.join('')}</ol></section>`;
}

let printer: Printer;
const out = mkdtempSync(join(tmpdir(), 'blocks-'));
const printed: Record<string, PrintedPdf> = {};

beforeAll(async () => {
  printer = await launchPrinter(findChromium(nodeEnvironment)!);
  for (const locale of ['zh', 'en'] as const) {
    const chapters = [1, 2, 3, 4, 5, 6].map((n) => ({ id: `c${n}`, html: chapter(locale, n) }));
    const { html } = buildDocument({ locale, text: { title: 'T', coverLines: [], contents: locale === 'zh' ? '目录' : 'Contents', backLines: [] }, chapters, figures: [], otherEdition: null }, fonts);
    writeFileSync(join(out, `${locale}.html`), html);
    printed[locale] = await printer.print(html, locale, meta);
    writeFileSync(join(out, `${locale}.pdf`), printed[locale]!.bytes);
  }
});
afterAll(() => printer?.close());

describe('tables and figures in print', () => {
  for (const locale of ['zh', 'en'] as const) {
    it(`are paginated by the model as by the print (${locale})`, () => {
      const result = printed[locale]!;
      expect(result.pages).toBeGreaterThan(25);
      expect(result.shrunk).toEqual([]);
      expect(result.footnotes).toBe(6 * 10);
      expect(result.misplacedNotes).toEqual([]);
      expect(result.passes).toBe(1);
      const dests = destinationPages(readObjects(result.bytes));
      expect(dests.get('c6-5')).toBeGreaterThan(dests.get('c6')!);
    });
  }
});
