/**
 * Held from the screen while it loads, the document lays nothing out, so no font is asked for: the
 * faces its text needs are loaded before the pagination (hold.ts LOAD_FONTS, load-fonts.browser.js).
 * Each face is decoded before the pagination can start, so only the faces font matching will pick:
 * a text's own family list, weight and style, not every weight of every family for every character.
 * Still every face the layout asks for must be there (`fontsLate` false): a bold run in the body text
 * (its serif family at 700), the headings (sans at 700), the notes. (A text of Latin-1 alone is not
 * asked its style: it goes with every family and weight.)
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/base/markup.ts';
import { buildDocument } from '../../src/html/document.ts';
import { findChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { holdLoad, LOAD_FONTS } from '../../src/pdf/hold.ts';
import { PAGE_AREA_HEIGHT, paginate } from '../../src/pdf/paginate.ts';
import { CHROMIUM_ARGS, isolate } from '../../src/pdf/print.ts';
import { chapterMarkdown } from '../helpers/long-document.ts';

const fonts = { read: (f: { file: string }) => readFileSync(f.file) };
/** A character of the bold run alone: no other text of the document has it. */
const BOLD = '鬱';

function documentOf(locale: 'zh' | 'en', bold: boolean): string {
  const chapters = [1, 2].map((n) => ({ id: `c${n}`, html: renderMarkdown(chapterMarkdown(locale, n), `c${n}`) }));
  if (bold) chapters.push({ id: 'b', html: renderMarkdown(`# B\n\nText **${BOLD}** text.\n`, 'b') });
  return buildDocument({ locale, text: { title: 'T', coverLines: [], contents: locale === 'zh' ? '目录' : 'Contents', backLines: [] }, chapters, figures: [], otherEdition: null }, fonts).html;
}

interface Outcome {
  /** "family weight" of each face loaded before the pagination; of those not holding Latin-1 (a text of Latin-1 alone goes with every family and weight: load-fonts.browser.js); and each face holding BOLD. */
  readonly loaded: readonly string[];
  readonly loadedBeyondLatin1: readonly string[];
  readonly boldFaces: readonly { face: string; status: string }[];
  readonly fontsLate: boolean;
}

let browser: Browser;
const outcomes: Record<string, Outcome> = {};

async function held(html: string): Promise<Outcome> {
  const page = await browser.newPage();
  try {
    await isolate(page);
    await page.emulateMediaType('print');
    await page.setContent(holdLoad(html, page.viewport()?.height, PAGE_AREA_HEIGHT)!, { waitUntil: 'load' });
    await page.setJavaScriptEnabled(true);
    await page.evaluate(LOAD_FONTS);
    const faces = (await page.evaluate(`(() => {
      const holds = (f, c) => f.unicodeRange.split(',').some((r) => { const [a, b] = r.trim().slice(2).split('-').map((x) => parseInt(x, 16)); return a <= c && c <= (b ?? a); });
      return [...document.fonts].map((f) => ({ face: f.family.replace(/["']/g, '') + ' ' + f.weight, status: f.status, bold: holds(f, ${BOLD.codePointAt(0)}), latin: holds(f, 0x41) }));
    })()`)) as { face: string; status: string; bold: boolean; latin: boolean }[];
    const { fontsLate } = await paginate(page, { holdScreen: true });
    const loaded = faces.filter((f) => f.status === 'loaded');
    return { loaded: loaded.map((f) => f.face), loadedBeyondLatin1: loaded.filter((f) => !f.latin).map((f) => f.face), boldFaces: faces.filter((f) => f.bold).map(({ face, status }) => ({ face, status })), fontsLate };
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: findChromium(nodeEnvironment)!, headless: true, args: CHROMIUM_ARGS });
  outcomes.zh = await held(documentOf('zh', false));
  outcomes['zh bold'] = await held(documentOf('zh', true));
  outcomes.en = await held(documentOf('en', false));
}, 240_000);
afterAll(() => browser?.close());

describe('the fonts loaded before the pagination', () => {
  it('are every face the layout asks for', () => {
    for (const o of Object.values(outcomes)) expect(o.fontsLate).toBe(false);
  });

  it('are only the weights the text is set in', () => {
    // The body text is serif at 400, the headings sans at 700: no bold serif face for the Chinese
    // text (only the one of Latin-1, as for every family and weight).
    expect(outcomes.zh!.loadedBeyondLatin1.some((f) => f === 'Noto Serif SC 700')).toBe(false);
    expect(outcomes.zh!.loadedBeyondLatin1).toContain('Noto Serif SC 400');
    expect(outcomes.zh!.loadedBeyondLatin1).toContain('Noto Sans SC 700');
    expect(outcomes.en!.loaded).toContain('Source Serif 4 400');
  });

  it('follow a bold run in the text to its family\'s bold face, and no other weight', () => {
    const faces = outcomes['zh bold']!.boldFaces;
    expect(faces.find((f) => f.face === 'Noto Serif SC 700')?.status).toBe('loaded');
    expect(faces.find((f) => f.face === 'Noto Serif SC 400')?.status).toBe('unloaded');
    expect(faces.find((f) => f.face === 'Noto Sans SC 700')?.status).toBe('unloaded');
  });
});
