/**
 * Keeping the document off the screen while it is printed. The print page's screen frames lay the
 * whole document out at the viewport's size: once when it loads, and once when the pagination model
 * is taken apart. Neither layout serves anything (the pagination lays out its own model, the print
 * lays out the pages), and each costs about what the print's own layout does. So the document is
 * hidden from the screen by a rule that holds at the viewport's height and not at the printed page's,
 * which is taller: `@media (max-height: <viewport>px) { html { display: none } }`. The print, which
 * evaluates every media query afresh at the page's size, lays the document out as if the rule were
 * not there. (Not the `scripting` feature: switching scripts off before the print brings the frame
 * back.) Only when the viewport is lower than the page area; otherwise nothing is held.
 *
 * - While it loads: a style element put first in the head, taken out by the pagination before it
 *   builds its model. Fonts load when text laid out needs them, and nothing is laid out now, so
 *   LOAD_FONTS loads the faces the text will ask for (load-fonts.browser.js), before the
 *   pagination. Should the pagination still find a face loading or loaded that was not before
 *   (`fontsLate`: text that LOAD_FONTS did not foresee), its layout is not to be trusted, and
 *   print.ts prints the document again without the hold.
 * - After the pagination: the same rule in a constructed style sheet (no element: the document's
 *   nodes stay as they were), added by the call that takes the model apart, before any frame.
 */

import { readFileSync } from 'node:fs';

export const LOAD_HOLD_ID = 'pagination-load-hold';

const RULE = ['@media (max-height: ', 'px) { html { display: none !important } }'] as const;
const rule = (viewportHeight: number) => `${RULE[0]}${viewportHeight}${RULE[1]}`;

/** Whether a viewport of this height is held (lower than the page area, so the print's page is not). */
export const holds = (viewportHeight: number | null | undefined, pageAreaHeight: number): viewportHeight is number =>
  typeof viewportHeight === 'number' && viewportHeight > 0 && viewportHeight < pageAreaHeight;

/** The document with the hold first in its head; null when it cannot be held (no head, or a viewport not lower than the page area). */
export function holdLoad(html: string, viewportHeight: number | null | undefined, pageAreaHeight: number): string | null {
  if (!holds(viewportHeight, pageAreaHeight)) return null;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return null;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}<style id="${LOAD_HOLD_ID}">${rule(viewportHeight)}</style>${html.slice(at)}`;
}

/**
 * Loads the font faces the document's text will ask for (load-fonts.browser.js): for each text, the
 * faces that font matching picks for its element's computed font (family list, weight, style) and
 * that hold its characters, and for what layout and the style sheets add (counters, `content`,
 * the margin boxes). Every weight of every family for every character, as this once did, loaded
 * about twice the faces the text uses (36 of the long Chinese document's 40, where 19 serve), and
 * each face is decoded before the pagination can start.
 */
export const LOAD_FONTS = `(${readFileSync(new URL('./load-fonts.browser.js', import.meta.url), 'utf8').trim().replace(/;$/, '')})()`;

/** Before the pagination: the load hold taken out; the faces loaded by then. */
export const RELEASE_LOAD_HOLD = `(() => {
  document.getElementById(${JSON.stringify(LOAD_HOLD_ID)})?.remove();
  const loaded = new Set();
  for (const face of document.fonts) if (face.status === 'loaded') loaded.add(face);
  return loaded;
})()`;

/** After it: whether a face not among `loaded` is loading or loaded (a font the layout asked for late). */
export const fontsLate = (loaded: string) => `(() => {
  for (const face of document.fonts) if (face.status !== 'unloaded' && !${loaded}.has(face)) return true;
  return false;
})()`;

/** After the pagination, in the same call (before any frame): the screen hold. */
export const SCREEN_HOLD = `((pageAreaHeight) => {
  if (!(innerHeight > 0 && innerHeight < pageAreaHeight)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(${JSON.stringify(RULE[0])} + innerHeight + ${JSON.stringify(RULE[1])});
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
})`;
