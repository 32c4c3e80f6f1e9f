/**
 * After the pagination the document is hidden from the page's next screen frame (paginate.ts
 * `holdScreen`), which would otherwise lay the whole document out once more for nothing, but not
 * from the print: printed with the engine's scripts off, it must give the same file as a document
 * paginated without the hold, and the hold must really keep the screen from laying it out.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/base/markup.ts';
import { buildDocument } from '../../src/html/document.ts';
import { findChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { finishPdf } from '../../src/pdf/finish.ts';
import { paginate } from '../../src/pdf/paginate.ts';
import { CHROMIUM_ARGS, isolate, pdfOptions } from '../../src/pdf/print.ts';
import { pageOrder, readObjects } from '../../src/pdf/reader.ts';
import { chapterMarkdown } from '../helpers/long-document.ts';

const fonts = { read: (f: { file: string }) => readFileSync(f.file) };
const meta = { title: 'T', author: 'A', subject: 'S', keywords: ['k'], creator: 'test', date: '2022-06-30' };

function documentOf(locale: 'zh' | 'en'): string {
  const chapters = [1, 2].map((n) => ({ id: `c${n}`, html: renderMarkdown(chapterMarkdown(locale, n), `c${n}`) }));
  return buildDocument({ locale, text: { title: 'T', coverLines: [], contents: locale === 'zh' ? '目录' : 'Contents', backLines: [] }, chapters, figures: [], otherEdition: null }, fonts).html;
}

interface Outcome {
  /** The document's height on the screen right after the pagination, scripts still on. */
  readonly screenHeight: number;
  /** Whether the document has a box on the screen once the scripts are off again, as when print.ts prints. */
  readonly laidOutAfter: boolean;
  readonly pdf: Uint8Array;
}

let browser: Browser;
const outcomes: Record<string, Outcome> = {};

async function printed(html: string, holdScreen: boolean): Promise<Outcome> {
  const page = await browser.newPage();
  try {
    await isolate(page);
    await page.emulateMediaType('print');
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.setJavaScriptEnabled(true);
    await paginate(page, { holdScreen });
    const screenHeight = await page.evaluate(() => document.documentElement.getBoundingClientRect().height);
    await page.setJavaScriptEnabled(false);
    // Asked through the DevTools protocol: the page's scripts are off.
    const cdp = await page.createCDPSession();
    const { root } = await cdp.send('DOM.getDocument', { depth: 1 });
    const element = root.children!.find((n) => n.nodeName === 'HTML')!;
    const laidOutAfter = await cdp.send('DOM.getBoxModel', { nodeId: element.nodeId }).then(() => true, () => false);
    return { screenHeight, laidOutAfter, pdf: finishPdf(await page.pdf(pdfOptions(60_000)), meta) };
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: findChromium(nodeEnvironment)!, headless: true, args: CHROMIUM_ARGS });
  const html = documentOf('zh');
  outcomes.held = await printed(html, true);
  outcomes.shown = await printed(html, false);
}, 240_000);
afterAll(() => browser?.close());

describe('the document held from the screen after the pagination', () => {
  it('is not laid out on the screen', () => {
    expect(outcomes.shown!.screenHeight).toBeGreaterThan(1000);
    expect(outcomes.held!.screenHeight).toBe(0);
    // Still hidden once the scripts are switched off again (the print's first step).
    expect(outcomes.shown!.laidOutAfter).toBe(true);
    expect(outcomes.held!.laidOutAfter).toBe(false);
  });

  it('prints the same file as without the hold', () => {
    expect(pageOrder(readObjects(outcomes.held!.pdf)).length).toBeGreaterThan(5);
    expect(Buffer.from(outcomes.held!.pdf).equals(Buffer.from(outcomes.shown!.pdf))).toBe(true);
  });
});
