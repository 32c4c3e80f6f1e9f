/**
 * Line breaking for chart text, measured with the font the documents embed (fonts/fontsource.ts).
 * Vega wraps nothing by itself and guesses widths; here a label is cut into lines that fit a width
 * as printed. Chinese breaks between any two characters, Latin words only at spaces, and
 * punctuation keeps its side: a closing mark never starts a line, an opening mark never ends one.
 */
import { measureText, type Weight } from '../fonts/fontsource.ts';

/** Characters set one per unit: CJK ideographs and their punctuation, full-width forms. */
const CJK = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]/u;
/** Marks that belong to the character before them. */
const CLOSING = new Set([...'，。、；：？！）」』】》〉”’,.;:?!)]}%']);
/** Marks that belong to the character after them. */
const OPENING = new Set([...'（「『【《〈“‘([{']);

interface Unit {
  readonly text: string;
  /** A space separates it from the unit before (dropped where a line breaks). */
  readonly spaced: boolean;
}

/** The text as unbreakable units: a Latin word, or one CJK character, punctuation attached. */
function units(text: string): Unit[] {
  const out: { text: string; spaced: boolean }[] = [];
  let spaced = false;
  let open = '';
  let word = '';
  const push = (piece: string) => {
    out.push({ text: open + piece, spaced });
    open = '';
    spaced = false;
  };
  const flushWord = () => {
    if (word) push(word);
    word = '';
  };
  for (const ch of text) {
    if (/\s/u.test(ch)) {
      flushWord();
      if (!open) spaced = out.length > 0;
      continue;
    }
    if (CLOSING.has(ch) && !word && !open && out.length > 0 && !spaced) {
      // A closing mark right after a unit joins it.
      const last = out.pop()!;
      out.push({ text: last.text + ch, spaced: last.spaced });
      continue;
    }
    if (CLOSING.has(ch) && word) {
      word += ch;
      continue;
    }
    if (OPENING.has(ch)) {
      flushWord();
      open += ch;
      continue;
    }
    if (CJK.test(ch)) {
      flushWord();
      push(ch);
      continue;
    }
    word += ch;
  }
  flushWord();
  if (open) out.push({ text: open, spaced });
  return out;
}

/** A unit wider than the whole line, cut between characters (a very long name or address). */
function split(unit: Unit, maxWidth: number, width: (s: string) => number): Unit[] {
  const parts: Unit[] = [];
  let piece = '';
  for (const ch of unit.text) {
    if (piece && width(piece + ch) > maxWidth) {
      // A closing mark takes the character before it along to the next piece, as it would a line.
      const chars = [...piece];
      const carry = CLOSING.has(ch) && chars.length > 1 ? chars.pop()! : '';
      parts.push({ text: chars.join(''), spaced: parts.length === 0 && unit.spaced });
      piece = carry;
    }
    piece += ch;
  }
  parts.push({ text: piece, spaced: parts.length === 0 && unit.spaced });
  return parts;
}

/**
 * `text` in lines no wider than `maxWidth` px at `fontSize` (greedy: each line takes as many units as
 * fit). Every line is measured whole, so what the measurement says is what prints.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, weight: Weight = 400): string[] {
  const width = (s: string) => measureText(s, fontSize, weight);
  const lines: string[] = [];
  let line = '';
  for (const unit of units(text).flatMap((u) => (width(u.text) > maxWidth ? split(u, maxWidth, width) : [u]))) {
    const candidate = line ? `${line}${unit.spaced ? ' ' : ''}${unit.text}` : unit.text;
    if (line && width(candidate) > maxWidth) {
      lines.push(line);
      line = unit.text;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The same number of lines as `wrapText` at `maxWidth`, but as even as they can be: the narrowest
 * width that still needs no more lines. A last line of one word or character ("SONiC", "心") is
 * avoided where the text allows.
 */
export function wrapBalanced(text: string, maxWidth: number, fontSize: number, weight: Weight = 400): string[] {
  const lines = wrapText(text, maxWidth, fontSize, weight);
  if (lines.length < 2) return lines;
  let [low, high] = [0, Math.floor(maxWidth)]; // wrapText(text, high) has lines.length lines; low is too narrow
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (wrapText(text, mid, fontSize, weight).length <= lines.length) high = mid;
    else low = mid;
  }
  return wrapText(text, high, fontSize, weight);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` cut to `maxWidth` px at `fontSize` with an ellipsis, or `text` itself when it fits: for a
 * label that must stay on one line (a bar's name). Cut between user-perceived characters, so an
 * emoji sequence or a letter with its accent is never split.
 */
export function fitWidth(text: string, maxWidth: number, fontSize: number, weight: Weight = 400): string {
  const width = (s: string) => measureText(s, fontSize, weight);
  if (width(text) <= maxWidth) return text;
  const parts = [...graphemes.segment(text)].map((s) => s.segment);
  const cut = (n: number) => `${parts.slice(0, n).join('').trimEnd()}…`;
  let [fits, over] = [0, parts.length]; // cut(fits) fits (or is the bare ellipsis); cut(over) does not
  while (over - fits > 1) {
    const mid = Math.floor((fits + over) / 2);
    if (width(cut(mid)) <= maxWidth) fits = mid;
    else over = mid;
  }
  return cut(fits);
}
