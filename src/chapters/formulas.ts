/**
 * Display formulas, as MathML (Chromium lays it out: fraction bars, sub- and superscripts). A formula
 * is placed with `{{formula "id"}}`; its words (such as "frontier index") come from the locale, its
 * symbols are the ones the surrounding text names (`C_total`, `T`, `S_trend`: docs/data-contract.md).
 * Identifiers are set upright-then-italic by the stylesheet, not by MathML's automatic italics, which
 * would map them to mathematical alphanumerics the report's font does not have.
 */
import { ReportError } from '../errors.ts';
import { escapeHtml } from './markup.ts';
import type { Translator } from './i18n.ts';

const mi = (name: string) => `<mi mathvariant="normal">${escapeHtml(name)}</mi>`;
const mo = (op: string) => `<mo>${escapeHtml(op)}</mo>`;
const sub = (base: string, index: string) => `<msub>${mi(base)}<mtext>${escapeHtml(index)}</mtext></msub>`;
const frac = (num: string, den: string) => `<mfrac><mrow>${num}</mrow><mrow>${den}</mrow></mfrac>`;
const row = (...parts: string[]) => `<mrow>${parts.join('')}</mrow>`;

/**
 * The formulas' symbols in running text, so that a term list names them as the formula shows them:
 * `{{t "…" C=(symbol "c-total")}}`.
 */
const SYMBOLS: Readonly<Record<string, string>> = {
  r: mi('R'),
  t: mi('T'),
  'c-total': sub('C', 'total'),
  's-trend': sub('S', 'trend'),
  // C_total / T, the citation velocity
  velocity: row(sub('C', 'total'), mo('/'), mi('T')),
  // e^(S_trend), the trend's factor
  growth: `<msup>${mi('e')}${sub('S', 'trend')}</msup>`,
  'max-r': row('<mi>max</mi>', mo('('), mi('R'), mo(')')),
};

const FORMULAS: Readonly<Record<string, (t: Translator) => string[]>> = {
  // R = (C_total / T) · e^(S_trend), frontier index = R / max(R)
  'frontier-index': (t) => [
    row(mi('R'), mo('='), frac(sub('C', 'total'), mi('T')), mo('×'), `<msup>${mi('e')}${sub('S', 'trend')}</msup>`),
    row(`<mtext>${escapeHtml(t.text('trends:method.formula_index'))}</mtext>`, mo('='), frac(mi('R'), SYMBOLS['max-r']!)),
  ],
};

/**
 * The formula as a block, one display `<math>` per line (no id: a formula may be shown in two chapters).
 * `lead`, the paragraph that introduces it ("… computed as follows:"), goes inside the block, which
 * the print keeps whole: a lead-in is never left at a page foot with its formula overleaf.
 */
export function formulaHtml(id: string, t: Translator, lead = ''): string {
  const lines = FORMULAS[id];
  if (!lines) throw ReportError.of('formula.unknown', { kind: 'formula', id, known: Object.keys(FORMULAS) });
  return `<div class="formula">${lead}${lines(t).map((l) => `<math display="block">${l}</math>`).join('')}</div>`;
}

/** The marker a formula leaves in the markdown; the chapter stage puts the formula there. */
export const FORMULA_SLOT = /<p>@@formula:([a-z0-9-]+)@@<\/p>/g;

/** A formula's marker with the paragraph just before it: its lead-in. */
export const FORMULA_WITH_LEAD = /(<p>(?:(?!<\/?p>)[\s\S])*<\/p>)\s*<p>@@formula:([a-z0-9-]+)@@<\/p>/g;

/** A symbol inline (text-size MathML). */
export function symbolHtml(id: string): string {
  const symbol = SYMBOLS[id];
  if (symbol === undefined) throw ReportError.of('formula.unknown', { kind: 'symbol', id, known: Object.keys(SYMBOLS) });
  return `<math class="symbol">${symbol}</math>`;
}

/** The marker a symbol leaves in a sentence: markdown passes it through as text. */
export const symbolSlot = (id: string) => `@@symbol:${id}@@`;
export const SYMBOL_SLOT = /@@symbol:([a-z0-9-]+)@@/g;
