/**
 * Pagination on a long synthetic document (the report's own chapters are too short to stress it):
 * footnotes cited all over the pages, some at a page's very foot, several on one page, in Chinese and
 * English; headings on many pages. Checked on the real print, read back from the PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/base/markup.ts';
import { buildDocument } from '../../src/html/document.ts';
import { findChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { launchPrinter, type PrintedPdf, type Printer } from '../../src/pdf/print.ts';
import { destinationPages, readObjects } from '../../src/pdf/reader.ts';
import { chapterMarkdown } from '../helpers/long-document.ts';

const fonts = { read: (f: { file: string }) => readFileSync(f.file) };
const meta = { title: 'T', author: 'A', subject: 'S', keywords: ['k'], creator: 'test', date: '2022-06-30' };

let printer: Printer;
const out = process.env.PAGINATE_OUT ?? mkdtempSync(join(tmpdir(), 'paginate-'));
const printed: Record<string, PrintedPdf> = {};

beforeAll(async () => {
  printer = await launchPrinter(findChromium(nodeEnvironment)!);
  for (const locale of ['zh', 'en'] as const) {
    const chapters = [1, 2, 3].map((n) => ({ id: `c${n}`, html: renderMarkdown(chapterMarkdown(locale, n), `c${n}`) }));
    const { html } = buildDocument({ locale, text: { title: 'T', coverLines: [], contents: 'Contents', backLines: [] }, chapters, figures: [], otherEdition: null }, fonts);
    printed[locale] = await printer.print(html, locale, meta);
    writeFileSync(join(out, `${locale}.pdf`), printed[locale]!.bytes);
  }
});
afterAll(() => printer?.close());

describe('footnotes and contents in print', () => {
  for (const locale of ['zh', 'en'] as const) {
    it(`puts every note on the page of its reference (${locale})`, () => {
      const result = printed[locale]!;
      expect(result.pages).toBeGreaterThan(8);
      expect(result.footnotes).toBeGreaterThan(15);
      expect(result.misplacedNotes).toEqual([]);
      const dests = destinationPages(readObjects(result.bytes));
      const notes = [...dests.keys()].filter((k) => /^fn-c\d-\d+$/.test(k));
      expect(notes.length).toBe(result.footnotes);
      for (const id of notes) expect(dests.get(id), id).toBe(dests.get(id.replace('fn-', 'fnref-')));
      // and the note's text is printed on that page
      const page = dests.get(notes[3]!)!;
      const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), join(out, `${locale}.pdf`), '-'], { encoding: 'utf8' });
      expect(text).toContain(locale === 'zh' ? '注释内容说明数据来源与口径' : 'A note on the source');
    });

    it(`numbers the contents right in one print (${locale})`, () => {
      const result = printed[locale]!;
      expect(result.passes).toBe(1);
      const dests = destinationPages(readObjects(result.bytes));
      const toc = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '3', join(out, `${locale}.pdf`), '-'], { encoding: 'utf8' });
      for (const n of [1, 2, 3]) {
        const page = dests.get(`c${n}`)!;
        expect(page).toBeGreaterThan(2);
        expect(toc).toMatch(new RegExp(`${locale === 'zh' ? `第${n}章` : `Chapter ${n}`}[ .]*${page}\\s*$`, 'm'));
      }
    });
  }
});
