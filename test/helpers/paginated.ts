/**
 * A document paginated in a page of its own (print media, fonts loaded, scripts on), as the tests
 * that compare two ways of paginating the same document (chapters alone or whole, note blocks filled
 * in one layout or measured) run it: what the model decided and the document as it goes to print.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { findChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { paginate, type PaginateOptions, type Pagination } from '../../src/pdf/paginate.ts';
import { CHROMIUM_ARGS, isolate } from '../../src/pdf/print.ts';
import { renderMarkdown } from '../../src/base/markup.ts';
import { buildDocument } from '../../src/html/document.ts';
import { blocksChapter } from './blocks-document.ts';
import { chapterMarkdown } from './long-document.ts';

/** The font files buildDocument embeds, read from disk. */
export const fonts = { read: (f: { file: string }) => readFileSync(f.file) };

export interface Outcome {
  readonly pagination: Pagination;
  /** The document as it goes to print. */
  readonly html: string;
}

export async function paginated(browser: Browser, html: string, options: PaginateOptions): Promise<Outcome> {
  const page = await browser.newPage();
  try {
    await isolate(page);
    await page.emulateMediaType('print');
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.setJavaScriptEnabled(true);
    const pagination = await paginate(page, options);
    return { pagination, html: await page.evaluate(() => document.documentElement.outerHTML) };
  } finally {
    await page.close();
  }
}

/**
 * A document of chapters in the order given: `tN` the long document's text chapter N (paragraphs and
 * footnotes), `cN` the blocks document's chapter N (tables and figures at every height).
 */
export function mixedDocument(locale: 'zh' | 'en', order: readonly string[]): string {
  const chapters = order.map((id) => {
    const n = Number(id.slice(1));
    return { id, html: id.startsWith('t') ? renderMarkdown(chapterMarkdown(locale, n), id) : blocksChapter(locale, n) };
  });
  return buildDocument({ locale, text: { title: 'T', coverLines: [], contents: locale === 'zh' ? '目录' : 'Contents', backLines: [] }, chapters, figures: [], otherEdition: null }, fonts).html;
}

/**
 * Each locale's document paginated every way given, in one browser: outcomes keyed `<locale> <way>`.
 * The ways must leave the same document; the tests compare them.
 */
export async function paginatedWays(locales: readonly ('zh' | 'en')[], documentOf: (locale: 'zh' | 'en') => string, ways: Readonly<Record<string, PaginateOptions>>): Promise<Record<string, Outcome>> {
  const browser = await puppeteer.launch({ executablePath: findChromium(nodeEnvironment)!, headless: true, args: CHROMIUM_ARGS });
  const outcomes: Record<string, Outcome> = {};
  try {
    for (const locale of locales) {
      const html = documentOf(locale);
      for (const [way, options] of Object.entries(ways)) outcomes[`${locale} ${way}`] = await paginated(browser, html, options);
    }
  } finally {
    await browser.close();
  }
  return outcomes;
}
