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
 *   LOAD_FONTS loads every face whose unicode-range meets a character of the document, before the
 *   pagination. Should the pagination still find a face loading or loaded that was not before
 *   (`fontsLate`: text that LOAD_FONTS did not foresee), its layout is not to be trusted, and
 *   print.ts prints the document again without the hold.
 * - After the pagination: the same rule in a constructed style sheet (no element: the document's
 *   nodes stay as they were), added by the call that takes the model apart, before any frame.
 */

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
 * Loads the font faces the document can need, as font fallback would ask for them, or more: for each
 * character of its text (in either case: a text-transform), of the style sheets' `content` values, or
 * that layout adds (digits and a full stop for counters, hyphens, an ellipsis, a no-break space), and
 * for each font-family list that the style sheets, the elements' style and the drawings' attributes
 * name (custom properties resolved), the first family in the list with a face whose unicode-range
 * holds the character: its faces that hold it, every weight. A font shorthand, which this does not
 * read, makes it load every face that holds a character of the document.
 */
export const LOAD_FONTS = `(() => {
  const name = (f) => f.trim().replace(/!important/i, '').trim().replace(/^["']|["']$/g, '').toLowerCase();
  let css = '';
  for (const s of document.querySelectorAll('style')) css += s.textContent.replace(/url\\([^)]*\\)/g, '');
  const text = (document.body ?? document.documentElement).textContent;
  let extra = '0123456789.\\u00a0\\u2010\\u2011\\u2026';
  for (const m of css.matchAll(/content\\s*:([^;}]*)/g)) extra += m[1];
  const chars = new Set();
  for (const t of [text, text.toUpperCase(), text.toLowerCase(), extra]) for (const c of t) chars.add(c.codePointAt(0));
  // Each face's ranges, sorted by start: [start, furthest end so far] pairs.
  const ranges = new Map();
  for (const face of document.fonts) {
    const pairs = [];
    for (const part of face.unicodeRange.split(',')) {
      const m = /^\\s*U\\+([0-9a-f?]+)(?:-([0-9a-f]+))?\\s*$/i.exec(part);
      if (!m) { pairs.length = 0; pairs.push([0, 0x10ffff]); break; } // not understood: everything
      pairs.push([parseInt(m[1].replace(/\\?/g, '0'), 16), m[2] ? parseInt(m[2], 16) : parseInt(m[1].replace(/\\?/g, 'f'), 16)]);
    }
    pairs.sort((x, y) => x[0] - y[0]);
    // Each pair's end: the furthest end of it and every pair before it (ranges may overlap).
    for (let k = 1; k < pairs.length; k++) pairs[k][1] = Math.max(pairs[k][1], pairs[k - 1][1]);
    ranges.set(face, pairs);
  }
  const holds = (face, c) => {
    const pairs = ranges.get(face);
    let a = 0;
    let b = pairs.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (pairs[mid][0] <= c) a = mid + 1;
      else b = mid;
    }
    return a > 0 && pairs[a - 1][1] >= c;
  };
  const facesOf = new Map(); // family → its faces
  for (const face of document.fonts) {
    const f = name(face.family);
    if (!facesOf.has(f)) facesOf.set(f, []);
    facesOf.get(f).push(face);
  }
  // The font-family lists the document names; null when a font shorthand may name others.
  let lists = new Set();
  const vars = new Map();
  for (const m of css.matchAll(/(--[\\w-]+)\\s*:([^;}]*)/g)) vars.set(m[1], [...(vars.get(m[1]) ?? []), m[2]]);
  const addList = (value, depth = 0) => {
    const v = /var\\(\\s*(--[\\w-]+)[^)]*\\)/.exec(value);
    if (v && depth < 8) for (const d of vars.get(v[1]) ?? ['']) addList(value.replace(v[0], d), depth + 1);
    else lists.add(value);
  };
  // (Not the faces' own descriptors.)
  for (const m of css.replace(/@font-face\\s*{[^}]*}/g, '').matchAll(/font-family\\s*:([^;}]*)/g)) addList(m[1]);
  for (const el of document.querySelectorAll('[font-family]')) addList(el.getAttribute('font-family'));
  for (const el of document.querySelectorAll('[style]')) for (const m of el.getAttribute('style').matchAll(/font-family\\s*:([^;]*)/g)) addList(m[1]);
  if (/(^|[^-\\w])font\\s*:/.test(css) || [...document.querySelectorAll('[style]')].some((el) => /(^|[^-\\w])font\\s*:/.test(el.getAttribute('style')))) lists = null;
  const families = lists && [...lists].map((l) => l.split(',').map(name).filter((f) => facesOf.has(f)));
  const wanted = new Set();
  for (const c of chars) {
    if (!families) {
      for (const face of document.fonts) if (holds(face, c)) wanted.add(face);
      continue;
    }
    for (const list of families) {
      for (const f of list) {
        const faces = facesOf.get(f).filter((face) => holds(face, c));
        if (faces.length === 0) continue;
        for (const face of faces) wanted.add(face);
        break;
      }
    }
  }
  const loads = [];
  for (const face of wanted) if (face.status === 'unloaded') loads.push(face.load().catch(() => undefined));
  return Promise.all(loads).then(() => document.fonts.ready).then(() => undefined);
})()`;

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
