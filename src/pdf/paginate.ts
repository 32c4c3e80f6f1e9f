/**
 * Pagination before the print, inside the page: footnotes at the foot of the page that cites them, and
 * the page of every heading for the contents, in one layout pass instead of repeated prints.
 *
 * Chromium prints neither `float: footnote` nor `target-counter()`. But laid out in print media as a
 * multi-column box whose column is exactly the page area (whole pixels, as Chromium prints), each
 * column is one printed page: a page number is a column index. The model is checked against the real
 * print afterwards (print.ts), since it is observed to match, not guaranteed to.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { PAGE } from '../html/styles.ts';
import { fontsLate, RELEASE_LOAD_HOLD, SCREEN_HOLD } from './hold.ts';

const SCRIPT = readFileSync(new URL('./paginate.browser.js', import.meta.url), 'utf8');
const FILL = readFileSync(new URL('./fill-pages.browser.js', import.meta.url), 'utf8');
const ENDS = readFileSync(new URL('./chapter-ends.browser.js', import.meta.url), 'utf8');
const expression = (script: string) => script.trim().replace(/;$/, '');
/** The height of the page's text area, in CSS pixels. */
export const PAGE_AREA_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;

export interface Pagination {
  /** Heading id → page number, as the model lays it out. */
  readonly headings: Readonly<Record<string, number>>;
  /** Footnote id → the page its note was placed on. */
  readonly notes: Readonly<Record<string, number>>;
  readonly footnotes: number;
  /** References moved with their line to the next page because their note did not fit below them. */
  readonly moved: number;
  /** Elements wider than the page, zoomed down to fit it (so that Chromium does not shrink the whole print). */
  readonly shrunk: readonly ShrunkElement[];
  /** What was done against holes (fill-pages.browser.js): tables split, figures drawn smaller (scale), figures with text flowed in before them (units moved); chapters whose last page was too short, and what was done (chapter-ends.browser.js). */
  readonly filled: { readonly split: readonly string[]; readonly shrunk: readonly string[]; readonly floated: readonly string[]; readonly ends: readonly string[] };
  /** How many times a chapter was laid out alone to be worked on (the rest of the model hidden; paginate.browser.js `alone`). */
  readonly chaptersAlone: number;
  /** Whether every heading's and note's page was read where it was final (in its chapter laid out alone, or before the first chapter), so that the model was not laid out whole once more only to read them (paginate.browser.js `readPages`). */
  readonly readInPlace: boolean;
  /** How the note blocks were filled to their page's foot (paginate.browser.js `fill`): in one layout, from where such a block started before; in two, from there; measured (two layouts, or three when the try missed). */
  readonly fills: { readonly once: number; readonly twice: number; readonly measured: number };
  /** The headings the contents give a page number, in the contents' order; those numbers are written in (the model's). */
  readonly contentsTargets: readonly string[];
  /** Whether a font face began to load during the pagination: its layout used another font meanwhile (hold.ts). */
  readonly fontsLate: boolean;
  /** The heading whose page is folio 1 when the front matter is numbered apart (`data-body-start`, html/folio.ts); null when the pages run in one sequence. */
  readonly bodyStart: string | null;
}

export interface PaginateOptions {
  /** Every step on the whole model, no chapter laid out alone: slower, the same result (the test that says so compares both). */
  readonly wholeModel?: boolean;
  /** Every note block's top measured before its height is set, none tried from where one started before (paginate.browser.js `fill`): slower, the same result (the test that says so compares both). */
  readonly measuredFills?: boolean;
  /** Hide the document from the screen until the print (hold.ts): for a page that is printed next. */
  readonly holdScreen?: boolean;
  /**
   * An expression the page awaits first, in the same call (print.ts: loading the fonts): one round
   * trip to the page less, and nothing between the two.
   */
  readonly first?: string;
  /** The page is in print media already (print.ts emulates it before the load): not asked again. */
  readonly inPrintMedia?: boolean;
}

export interface ShrunkElement {
  /** `table#tab-x`, or the tag and the nearest id around it. */
  readonly element: string;
  /** The zoom it was given (below 1). */
  readonly scale: number;
}

/**
 * Writes the page numbers into the contents' fixed-width boxes; returns the headings they are for.
 * Pages are the sheets' own (the cover is 1); where the contents name the body's first heading
 * (`data-body-start`, html/folio.ts), as printed: roman before it, from 1 on its page.
 */
const CONTENTS = `(n) => {
  const start = n[document.querySelector('.toc[data-body-start]')?.dataset.bodyStart];
  const roman = (k) => [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']].reduce((out, [v, l]) => { for (; k >= v; k -= v) out += l; return out; }, '');
  const folio = (p) => (p === undefined ? '' : start === undefined ? String(p) : p < start ? roman(p) : String(p - start + 1));
  return [...document.querySelectorAll('.toc-page[data-target]')].map((el) => {
    el.textContent = folio(n[el.dataset.target]);
    return el.dataset.target;
  });
}`;

/**
 * Lays out the page's document (print media) and rewrites it with its notes placed and the model's
 * page numbers in the contents; the cover is page 1. One call into the page: each call, and each
 * switch of JavaScript on and off around it (print.ts), waits for the page to lay out again.
 */
export async function paginate(page: Page, options: PaginateOptions = {}): Promise<Pagination> {
  if (!options.inPrintMedia) await page.emulateMediaType('print');
  const geometry = { ...PAGE, firstPage: 2, wholeModel: options.wholeModel ?? false, measuredFills: options.measuredFills ?? false };
  return (await page.evaluate(`(async () => {${options.first ? `
    await (${options.first});` : ''}
    const fontsBefore = ${RELEASE_LOAD_HOLD};
    const pagination = ${expression(SCRIPT)}(${JSON.stringify(geometry)}, ${expression(FILL)}, ${expression(ENDS)});
    const contentsTargets = (${CONTENTS})(pagination.headings);
    const fontsLate = ${fontsLate('fontsBefore')};${options.holdScreen ? `
    ${SCREEN_HOLD}(${PAGE_AREA_HEIGHT});` : ''}
    const bodyStart = document.querySelector('.toc[data-body-start]')?.dataset.bodyStart ?? null;
    return { ...pagination, contentsTargets, fontsLate, bodyStart };
  })()`)) as Pagination;
}

/** Writes the page numbers into the contents' fixed-width boxes (numbers read back from a print). */
export async function fillContents(page: Page, numbers: Readonly<Record<string, number>>): Promise<void> {
  await page.evaluate(`(${CONTENTS})(${JSON.stringify(numbers)})`);
}
