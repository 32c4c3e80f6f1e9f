/**
 * English typography, applied once to the rendered English document (document.ts): curly quotes and
 * apostrophes, an en dash in a range of years or pages (2012–2021, pp. 4–7), and no full-width quotes. Text
 * only: tags and their attributes, and what is not prose (code, math, SVG charts, styles) are left
 * as they are. Messages and data can then be written with plain ASCII marks.
 */

/** Elements whose content is not prose: left untouched. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'math', 'svg', 'style', 'script', 'textarea']);
/** Elements that begin a new run of text: a quote after one of them opens. */
const BLOCK = /^(p|li|h[1-6]|td|th|div|figcaption|caption|section|header|footer|main|nav|ol|ul|dt|dd|blockquote|br|figure|table|tr|summary|details)$/;

/** Characters after which a quote opens rather than closes. */
const OPENS_AFTER = /[\s([{\u2014\u2013/\u00a0\u201c\u2018-]/;

/** Full-width and CJK corner quotes in English text: the Latin marks (then curled). */
const FULL_WIDTH: Readonly<Record<string, string>> = { '\uff02': '"', '\uff07': "'", '\u300c': '\u201c', '\u300d': '\u201d', '\u300e': '\u2018', '\u300f': '\u2019' };

/**
 * `prev`: the character before the text (a space at the start of a block). Returns the text set
 * and its last character, so that a quote right after an inline element is read in context.
 */
function setText(text: string, prev: string): [string, string] {
  let out = '';
  let before = prev;
  const chars = [...text.replace(/[\uff02\uff07\u300c-\u300f]/g, (ch) => FULL_WIDTH[ch]!)];
  for (let i = 0; i < chars.length; i++) {
    let ch = chars[i]!;
    if (ch === '"') ch = OPENS_AFTER.test(before) ? '\u201c' : '\u201d';
    else if (ch === "'") {
      const next = chars[i + 1] ?? ' ';
      // An apostrophe inside or after a word (China's, the 1990s' growth) or before a year ('90s)
      // closes; one after a space and before a letter opens a quotation.
      ch = /[\p{L}\p{N}.,;:!?%)\]\u201d\u2019]/u.test(before) || /\d/.test(next) ? '\u2019' : OPENS_AFTER.test(before) && /[\p{L}\p{N}]/u.test(next) ? '\u2018' : '\u2019';
    }
    out += ch;
    before = ch;
  }
  return [enDashes(out), before];
}

/**
 * A hyphen in a range is an en dash: years (2012-2021) and pages (pp. 4-7). Other numbers joined by
 * a hyphen may be codes (ISO 3166-1) and stay; so do dates (2022-06-30) and words (COVID-19).
 */
function enDashes(text: string): string {
  return text
    .replace(/(?<![\p{L}\p{N}.\/-])((?:19|20)\d\d)-((?:19|20)\d\d)(?![\p{L}\p{N}\/-]|\.\d)/gu, '$1\u2013$2')
    .replace(/\b(pp?\.\s?\d+)-(\d+)\b/g, '$1\u2013$2');
}

/** Character references a text node may hold for quotes: the marks themselves are safe in text. */
function decodeQuotes(text: string): string {
  return text.replace(/&(quot|#34|#x22|#39|#x27|apos);/gi, (ref) => (/quot|34|22/i.test(ref) ? '"' : "'"));
}

/**
 * Pieces set apart from a document (its figures, each a few hundred KB of SVG that the typesetting
 * only steps over): the document holds `<\u0000i>` where `raw[i]` goes, and `set(i)` gives the piece
 * set on its own (typesetEnglishPiece, kept by the caller), or null to set it in place.
 */
export interface TypesetPieces {
  readonly raw: readonly string[];
  set(i: number): string | null;
}

const PIECE = /^<\u0000(\d+)>$/;

/**
 * Sets English prose in an HTML fragment or document body. With `pieces`, the same result as setting
 * the body with every piece in its place.
 */
export function typesetEnglishHtml(html: string, pieces?: TypesetPieces): string {
  const state = { verbatim: 0, prev: ' ', out: '', pieces: 0 };
  const run = (parts: readonly string[]): void => {
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i % 2 === 1) {
        const piece = pieces && PIECE.exec(part);
        if (piece) {
          const index = Number(piece[1]);
          state.pieces++;
          const set = state.verbatim === 0 ? pieces.set(index) : null;
          if (set === null) run(pieces.raw[index]!.split(TAG));
          else {
            state.out += set;
            state.prev = ' '; // a piece set apart ends with a block's end tag (typesetEnglishPiece)
          }
          continue;
        }
        const tag = /^<(\/?)([a-zA-Z][\w-]*)/.exec(part);
        if (tag) {
          const name = tag[2]!.toLowerCase();
          const closing = tag[1] === '/';
          const selfClosing = part.endsWith('/>');
          if (VERBATIM.has(name) && !selfClosing) state.verbatim += closing ? -1 : 1;
          if (BLOCK.test(name)) state.prev = ' ';
          if (name === 'math' || name === 'svg') state.prev = 'x'; // what follows a symbol continues its word
        }
        state.out += part;
        continue;
      }
      if (state.verbatim > 0 || part === '') {
        state.out += part;
        continue;
      }
      const [set, last] = setText(decodeQuotes(part), state.prev);
      state.out += set;
      state.prev = last;
    }
  };
  run(html.split(TAG));
  // A piece's mark swallowed by a comment or a stray "<" around it: the body is set whole, as it reads.
  if (pieces && state.pieces !== pieces.raw.length) return typesetEnglishHtml(html.replace(/<\u0000(\d+)>/g, (_, i: string) => pieces.raw[Number(i)]!));
  return state.out;
}

const TAG = /(<!--[\s\S]*?-->|<[^>]*>)/;

/**
 * A piece set on its own, when that is how it is set in any document at a place outside code or
 * SVG: it begins with a block's start tag (so what comes before it does not change how it is read),
 * ends with a block's end tag having closed every element whose content it leaves as is (so it does
 * not change how what follows is read), and holds no comment (which could run past its end). Else null.
 */
export function typesetEnglishPiece(html: string): string | null {
  const first = /^<([a-zA-Z][\w-]*)[\s>]/.exec(html);
  const last = /<\/([a-zA-Z][\w-]*)\s*>$/.exec(html);
  if (!first || !last || !BLOCK.test(first[1]!.toLowerCase()) || !BLOCK.test(last[1]!.toLowerCase()) || html.includes('<!--') || html.includes('\u0000')) return null;
  let verbatim = 0;
  for (const [, closing, name, end] of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) if (VERBATIM.has(name!.toLowerCase()) && end !== '/') verbatim += closing ? -1 : 1;
  return verbatim === 0 ? typesetEnglishHtml(html) : null;
}

/** Sets a plain English text (a title, a running head). */
export function typesetEnglishText(text: string): string {
  return setText(text, ' ')[0];
}
