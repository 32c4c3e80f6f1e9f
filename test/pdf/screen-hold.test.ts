/**
 * The document is hidden from the print page's screen frames (hold.ts): while it loads, and after the
 * pagination (paginate.ts `holdScreen`), which would otherwise each lay the whole document out once
 * more for nothing, but not from the print: it must give the same file as a document loaded and
 * paginated without the holds, and the holds must really keep the screen from laying it out. A
 * font the loading did not foresee is reported (`fontsLate`), for print.ts to print again unheld.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/base/markup.ts';
import { buildDocument } from '../../src/html/document.ts';
import { findChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { finishPdf } from '../../src/pdf/finish.ts';
import { holdLoad, LOAD_FONTS } from '../../src/pdf/hold.ts';
import { PAGE_AREA_HEIGHT, paginate } from '../../src/pdf/paginate.ts';
import { CHROMIUM_ARGS, isolate, pdfOptions } from '../../src/pdf/print.ts';
import { pageOrder, readObjects } from '../../src/pdf/reader.ts';
import { chapterMarkdown } from '../helpers/long-document.ts';

const fonts = { read: (f: { file: string }) => readFileSync(f.file) };
const meta = { title: 'T', author: 'A', subject: 'S', keywords: ['k'], creator: 'test', date: '2022-06-30' };

function documentOf(locale: 'zh' | 'en'): string {
  const chapters = [1, 2].map((n) => ({ id: `c${n}`, html: renderMarkdown(chapterMarkdown(locale, n), `c${n}`) }));
  return buildDocument({ locale, text: { title: 'T', coverLines: [], contents: locale === 'zh' ? '目录' : 'Contents', backLines: [] }, chapters, figures: [], otherEdition: null }, fonts).html;
}

/**
 * The document with a character that only a style rule's generated content shows (from an attribute),
 * in a face of its own: the loading cannot foresee it.
 */
function withLateFont(html: string): string {
  const src = /src:(url\(data:font\/woff2;base64,[^)]*\))/.exec(html)![1];
  const face =
    `@font-face{font-family:'Late';src:${src} format('woff2');unicode-range:U+9F98;}.late::after{content:attr(data-c);font-family:'Late';}` +
    // A face that holds every character but that no font-family names: never asked for.
    `@font-face{font-family:'Unnamed';src:${src} format('woff2');unicode-range:U+0-FFFF;}`;
  return html.replace('</style>', `${face}</style>`).replace('</main>', '<p class="late" data-c="\u9F98"></p></main>');
}

interface Outcome {
  /** The document's height on the screen right after the pagination, scripts still on. */
  readonly screenHeight: number;
  /** Whether the document has a box on the screen once the scripts are off again, as when print.ts prints. */
  readonly laidOutAfter: boolean;
  /** Whether it had a box once loaded. */
  readonly laidOutLoaded: boolean;
  readonly fontsLate: boolean;
  /** The status of each face of the families Late and Unnamed once the fonts are loaded. */
  readonly extraFaces: readonly string[];
  readonly pdf: Uint8Array;
}

let browser: Browser;
const outcomes: Record<string, Outcome> = {};

/** Asked through the DevTools protocol (the page's scripts may be off): whether the document has a box. */
async function laidOut(page: Page): Promise<boolean> {
  const cdp = await page.createCDPSession();
  const { root } = await cdp.send('DOM.getDocument', { depth: 1 });
  const element = root.children!.find((n) => n.nodeName === 'HTML')!;
  const box = await cdp.send('DOM.getBoxModel', { nodeId: element.nodeId }).then(() => true, () => false);
  await cdp.detach();
  return box;
}

async function printed(html: string, hold: boolean): Promise<Outcome> {
  const page = await browser.newPage();
  try {
    await isolate(page);
    await page.emulateMediaType('print');
    const held = hold ? holdLoad(html, page.viewport()?.height, PAGE_AREA_HEIGHT) : null;
    if (hold) expect(held).not.toBeNull();
    await page.setContent(held ?? html, { waitUntil: 'load' });
    await page.setJavaScriptEnabled(true);
    // Not through the DevTools protocol's DOM domain here: enabling it makes the page list its font faces anew.
    const laidOutLoaded = await page.evaluate(() => document.documentElement.getBoundingClientRect().height > 0);
    await page.evaluate(held ? LOAD_FONTS : 'document.fonts.ready.then(() => undefined)');
    const extraFaces = await page.evaluate(() => Array.from(document.fonts as unknown as Iterable<FontFace>).filter((f) => /Late|Unnamed/.test(f.family)).map((f) => `${f.family.replace(/["']/g, '')} ${f.status}`));
    const { fontsLate } = await paginate(page, { holdScreen: hold });
    const screenHeight = await page.evaluate(() => document.documentElement.getBoundingClientRect().height);
    await page.setJavaScriptEnabled(false);
    const laidOutAfter = await laidOut(page);
    return { screenHeight, laidOutAfter, laidOutLoaded, fontsLate, extraFaces, pdf: finishPdf(await page.pdf(pdfOptions(60_000)), meta) };
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: findChromium(nodeEnvironment)!, headless: true, args: CHROMIUM_ARGS });
  const html = documentOf('zh');
  outcomes.held = await printed(html, true);
  outcomes.shown = await printed(html, false);
  outcomes.late = await printed(withLateFont(html), true);
}, 240_000);
afterAll(() => browser?.close());

describe('the document held from the screen while it loads and after the pagination', () => {
  it('is not laid out on the screen', () => {
    expect(outcomes.shown!.laidOutLoaded).toBe(true);
    expect(outcomes.held!.laidOutLoaded).toBe(false);
    expect(outcomes.shown!.screenHeight).toBeGreaterThan(1000);
    expect(outcomes.held!.screenHeight).toBe(0);
    // Still hidden once the scripts are switched off again (the print's first step).
    expect(outcomes.shown!.laidOutAfter).toBe(true);
    expect(outcomes.held!.laidOutAfter).toBe(false);
  });

  it('has every font it needs loaded before the pagination, unless one is shown only by a style rule', () => {
    // (Unheld, some faces are asked for only when the pagination first lays out text that the load's
    // layout did not show, the notes hidden in print among them. Held, every face the text meets is
    // loaded before.)
    expect(outcomes.held!.fontsLate).toBe(false);
    expect(outcomes.late!.fontsLate).toBe(true);
    // Only the faces of families the document names are loaded: not one it never names.
    expect(outcomes.late!.extraFaces).toEqual(['Late unloaded', 'Unnamed unloaded']);
  });

  it('prints the same file as without the hold', () => {
    expect(pageOrder(readObjects(outcomes.held!.pdf)).length).toBeGreaterThan(5);
    expect(Buffer.from(outcomes.held!.pdf).equals(Buffer.from(outcomes.shown!.pdf))).toBe(true);
  });
});
