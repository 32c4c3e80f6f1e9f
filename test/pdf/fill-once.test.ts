/**
 * A note block is filled to its page's foot (paginate.browser.js `fill`) in one layout where it can:
 * its height is tried from where a block put in the same kind of place started before, and kept
 * when the layout agrees; otherwise its top is measured first, as it always was (two layouts). That
 * must change the cost only, never a decision: both ways run here on the same documents (chapters of
 * text and footnotes, chapters of tables and figures) and must leave the same document, the same page
 * for every heading and note and the same report; and most blocks must have taken one layout.
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
  const text = [1, 2, 3, 4].map((n) => ({ id: `t${n}`, html: renderMarkdown(chapterMarkdown(locale, n), `t${n}`) }));
  const blocks = [1, 2].map((n) => ({ id: `c${n}`, html: blocksChapter(locale, n) }));
  const chapters = [text[0]!, blocks[0]!, text[1]!, text[2]!, blocks[1]!, text[3]!];
  return buildDocument({ locale, text: { title: 'T', coverLines: [], contents: locale === 'zh' ? '目录' : 'Contents', backLines: [] }, chapters, figures: [], otherEdition: null }, fonts).html;
}

interface Outcome {
  readonly pagination: Pagination;
  /** The document as it goes to print. */
  readonly html: string;
}

let browser: Browser;
const outcomes: Record<string, Outcome> = {};

async function paginated(html: string, measuredFills: boolean): Promise<Outcome> {
  const page = await browser.newPage();
  try {
    await isolate(page);
    await page.emulateMediaType('print');
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.setJavaScriptEnabled(true);
    const pagination = await paginate(page, { measuredFills });
    return { pagination, html: await page.evaluate(() => document.documentElement.outerHTML) };
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: findChromium(nodeEnvironment)!, headless: true, args: CHROMIUM_ARGS });
  for (const locale of LOCALES) {
    const html = documentOf(locale);
    outcomes[`${locale} tried`] = await paginated(html, false);
    outcomes[`${locale} measured`] = await paginated(html, true);
  }
}, 240_000);
afterAll(() => browser?.close());

describe('note blocks filled in one layout', () => {
  for (const locale of LOCALES) {
    it(`paginate as measuring every block does (${locale})`, () => {
      const tried = outcomes[`${locale} tried`]!;
      const measured = outcomes[`${locale} measured`]!;
      expect(measured.pagination.fills.once + measured.pagination.fills.twice).toBe(0);
      const blocks = measured.pagination.fills.measured;
      expect(measured.pagination.footnotes).toBeGreaterThan(40);
      // The same number of blocks filled; most of them in one layout.
      const { once, twice, measured: rest } = tried.pagination.fills;
      expect(once + twice + rest).toBe(blocks);
      expect(once).toBeGreaterThan(blocks / 2);
      const { fills: _t, ...decisions } = tried.pagination;
      const { fills: _m, ...expected } = measured.pagination;
      expect(decisions).toEqual(expected);
      expect(tried.html).toBe(measured.html);
    });
  }
});
