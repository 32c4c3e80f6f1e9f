/**
 * The pagination model works on one chapter at a time with the rest of the document hidden
 * (paginate.browser.js `alone`), so that each change lays out that chapter's pages and not the whole
 * document's, and does its three steps (holes, notes, holes after the notes) before the next chapter's
 * rather than each step over the whole document in turn. That must change the cost only, never a
 * decision: here both ways run on the same
 * documents (chapters of text and footnotes; chapters of tables and figures at every height, which
 * the hole filling splits, shrinks and moves text before) and must leave the same document, the
 * same page for every heading and note and the same report.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/base/markup.ts';
import { buildDocument } from '../../src/html/document.ts';
import { findChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { paginate, type Pagination } from '../../src/pdf/paginate.ts';
import { CHROMIUM_ARGS, isolate } from '../../src/pdf/print.ts';
import { blocksChapter } from '../helpers/blocks-document.ts';
import { chapterMarkdown } from '../helpers/long-document.ts';

const fonts = { read: (f: { file: string }) => readFileSync(f.file) };
const LOCALES = ['zh', 'en'] as const;

function documentOf(locale: 'zh' | 'en'): string {
  const text = [1, 2, 3].map((n) => ({ id: `t${n}`, html: renderMarkdown(chapterMarkdown(locale, n), `t${n}`) }));
  const blocks = [1, 2, 3, 4].map((n) => ({ id: `c${n}`, html: blocksChapter(locale, n) }));
  // Interleaved, so that text chapters follow chapters the hole filling changed.
  const chapters = [blocks[0]!, text[0]!, blocks[1]!, text[1]!, blocks[2]!, text[2]!, blocks[3]!];
  return buildDocument({ locale, text: { title: 'T', coverLines: [], contents: locale === 'zh' ? '目录' : 'Contents', backLines: [] }, chapters, figures: [], otherEdition: null }, fonts).html;
}

interface Outcome {
  readonly pagination: Pagination;
  /** The document as it goes to print. */
  readonly html: string;
}

let browser: Browser;
const outcomes: Record<string, Outcome> = {};

async function paginated(html: string, wholeModel: boolean): Promise<Outcome> {
  const page = await browser.newPage();
  try {
    await isolate(page);
    await page.emulateMediaType('print');
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.setJavaScriptEnabled(true);
    const pagination = await paginate(page, { wholeModel });
    return { pagination, html: await page.evaluate(() => document.documentElement.outerHTML) };
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: findChromium(nodeEnvironment)!, headless: true, args: CHROMIUM_ARGS });
  for (const locale of LOCALES) {
    const html = documentOf(locale);
    outcomes[`${locale} alone`] = await paginated(html, false);
    outcomes[`${locale} whole`] = await paginated(html, true);
  }
}, 240_000);
afterAll(() => browser?.close());

describe('chapters laid out alone', () => {
  for (const locale of LOCALES) {
    it(`paginate as the whole document does (${locale})`, () => {
      const alone = outcomes[`${locale} alone`]!;
      const whole = outcomes[`${locale} whole`]!;
      // Each of the 7 chapters laid out alone once, for all three steps (holes, notes, holes after them).
      expect(alone.pagination.chaptersAlone).toBe(7);
      expect(whole.pagination.chaptersAlone).toBe(0);
      // The documents exercise every decision: notes, tables split, text moved before figures.
      expect(whole.pagination.footnotes).toBeGreaterThan(40);
      expect(whole.pagination.filled.split.length).toBeGreaterThan(0);
      expect(whole.pagination.filled.floated.length).toBeGreaterThan(0);
      const { chaptersAlone: _a, fills: _fa, ...decisions } = alone.pagination;
      const { chaptersAlone: _w, fills: _fw, ...expected } = whole.pagination;
      expect(decisions).toEqual(expected);
      expect(alone.html).toBe(whole.html);
    });
  }
});
