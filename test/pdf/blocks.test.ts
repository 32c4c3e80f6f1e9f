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
import { findChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { launchPrinter, type PrintedPdf, type Printer } from '../../src/pdf/print.ts';
import { destinationPages, readObjects } from '../../src/pdf/reader.ts';
import { blocksChapter } from '../helpers/blocks-document.ts';

const fonts = { read: (f: { file: string }) => readFileSync(f.file) };
const meta = { title: 'T', author: 'A', subject: 'S', keywords: ['k'], creator: 'test', date: '2022-06-30' };

let printer: Printer;
const out = mkdtempSync(join(tmpdir(), 'blocks-'));
const printed: Record<string, PrintedPdf> = {};

beforeAll(async () => {
  printer = await launchPrinter(findChromium(nodeEnvironment)!);
  for (const locale of ['zh', 'en'] as const) {
    const chapters = [1, 2, 3, 4, 5, 6].map((n) => ({ id: `c${n}`, html: blocksChapter(locale, n) }));
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
