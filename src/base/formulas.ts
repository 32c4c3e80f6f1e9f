/**
 * Display formulas, as MathML (Chromium lays it out: fraction bars, sub- and superscripts). An
 * edition writes its formulas' structure in `templates/<edition>/formulas.yaml` (read and validated
 * here); this module turns it into MathML. A formula is placed with `{{formula "id"}}`; its words
 * (such as "frontier index") come from the locale, its symbols are the ones the surrounding text
 * names (`{{t "…" C=(symbol "c-total")}}`). Identifiers are set upright-then-italic by the
 * stylesheet, not by MathML's automatic italics, which would map them to mathematical alphanumerics
 * the report's font does not have.
 *
 * ```yaml
 * symbols:
 *   c-total: { sub: [C, { text: total }] }          # C with the index "total"
 *   max-r: [{ fn: max }, { op: "(" }, R, { op: ")" }]
 * formulas:
 *   frontier-index:                                  # one display line per list item
 *     - [R, { op: "=" }, { frac: [{ symbol: c-total }, T] }]
 *     - [{ message: "trends:method.formula_index" }, { op: "=" }, { frac: [R, { symbol: max-r }] }]
 * ```
 *
 * A term is an identifier (a plain string: `R`), `{ op }` an operator, `{ text }` upright text,
 * `{ message }` a locale message's text, `{ fn }` a function name (`max`), `{ symbol }` one of the
 * symbols, `{ sub: [base, index] }`, `{ sup: [base, exponent] }`, `{ frac: [numerator, denominator] }`,
 * or a list of terms (a row).
 */
import { join } from 'node:path';
import type { FileSystem } from '../effects.ts';
import { ReportError } from '../errors.ts';
import { parseYaml, type YamlSource } from './yaml.ts';
import { escapeHtml } from './markup.ts';
import type { Translator } from './i18n.ts';

export type Term =
  | { readonly mi: string }
  | { readonly op: string }
  | { readonly text: string }
  | { readonly message: string }
  | { readonly fn: string }
  | { readonly symbol: string }
  | { readonly sub: readonly [Term, Term] }
  | { readonly sup: readonly [Term, Term] }
  | { readonly frac: readonly [Term, Term] }
  | { readonly row: readonly Term[] };

export interface Formulas {
  /** Symbols by id, for formulas and for sentences (`(symbol "id")`). */
  readonly symbols: Readonly<Record<string, Term>>;
  /** Formulas by id: one display line per term. */
  readonly formulas: Readonly<Record<string, readonly Term[]>>;
}

export const NO_FORMULAS: Formulas = Object.freeze({ symbols: Object.freeze({}), formulas: Object.freeze({}) });

type Path = readonly (string | number)[];
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PAIRS = ['sub', 'sup', 'frac'] as const;
const LEAVES = ['op', 'text', 'message', 'fn', 'symbol'] as const;

/** The edition's formulas, or none when it has no formulas.yaml. */
export async function readFormulas(fs: FileSystem, editionDir: string): Promise<Formulas> {
  const file = join(editionDir, 'formulas.yaml');
  if (!(await fs.exists(file))) return NO_FORMULAS;
  return parseFormulas(parseYaml(file, await fs.readText(file)));
}

export function parseFormulas(source: YamlSource): Formulas {
  const fail = (path: Path, expected: string, got: unknown): never => {
    throw ReportError.of('input.field', { file: source.where(path), path: path.join('.') || '(document)', expected, got: got === undefined ? 'nothing' : JSON.stringify(got) });
  };
  const at = (path: Path): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], source.value);
  const mapping = (path: Path): Record<string, unknown> => {
    const v = at(path);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'a mapping', v);
    return v as Record<string, unknown>;
  };
  const TERM = `an identifier, a list of terms, or one of { ${[...LEAVES, ...PAIRS].join(', ')} }`;
  const term = (path: Path): Term => {
    const v = at(path);
    if (typeof v === 'string' && v.trim() !== '') return Object.freeze({ mi: v });
    if (Array.isArray(v)) {
      if (v.length === 0) fail(path, 'a row of at least one term', v);
      return Object.freeze({ row: Object.freeze(v.map((_, i) => term([...path, i]))) });
    }
    const keys = typeof v === 'object' && v !== null ? Object.keys(v) : [];
    if (keys.length !== 1) return fail(path, TERM, v);
    const kind = keys[0]!;
    const value = (v as Record<string, unknown>)[kind];
    if ((LEAVES as readonly string[]).includes(kind)) {
      if (typeof value !== 'string' || value === '') fail([...path, kind], 'a non-empty text', value);
      return Object.freeze({ [kind]: value } as Term);
    }
    if ((PAIRS as readonly string[]).includes(kind)) {
      if (!Array.isArray(value) || value.length !== 2) fail([...path, kind], kind === 'frac' ? '[numerator, denominator]' : `[base, ${kind === 'sub' ? 'index' : 'exponent'}]`, value);
      return Object.freeze({ [kind]: Object.freeze([term([...path, kind, 0]), term([...path, kind, 1])]) } as Term);
    }
    return fail([...path, kind], TERM, kind);
  };
  for (const key of Object.keys(mapping([]))) if (key !== 'symbols' && key !== 'formulas') fail([key], 'symbols or formulas', key);
  const symbols: Record<string, Term> = {};
  if (at(['symbols']) !== undefined) {
    for (const id of Object.keys(mapping(['symbols']))) {
      if (!ID.test(id)) fail(['symbols', id], 'a symbol id of lower-case letters, digits and hyphens', id);
      symbols[id] = term(['symbols', id]);
    }
  }
  const formulas: Record<string, readonly Term[]> = {};
  for (const id of Object.keys(mapping(['formulas']))) {
    if (!ID.test(id)) fail(['formulas', id], 'a formula id of lower-case letters, digits and hyphens', id);
    const lines = at(['formulas', id]);
    if (!Array.isArray(lines) || lines.length === 0) fail(['formulas', id], 'a list of display lines', lines);
    formulas[id] = Object.freeze((lines as unknown[]).map((_, i) => term(['formulas', id, i])));
  }
  // A symbol named in a term must exist (and must not name itself, directly or through another).
  const check = (t: Term, path: Path, seen: readonly string[]): void => {
    if ('symbol' in t) {
      if (!(t.symbol in symbols)) fail(path, `a symbol of this file (${Object.keys(symbols).join(', ')})`, t.symbol);
      if (seen.includes(t.symbol)) fail(path, 'a symbol that does not contain itself', t.symbol);
      check(symbols[t.symbol]!, path, [...seen, t.symbol]);
    } else if ('row' in t) t.row.forEach((x, i) => check(x, [...path, i], seen));
    else for (const kind of PAIRS) if (kind in t) (t as Record<string, readonly Term[]>)[kind]!.forEach((x, i) => check(x, [...path, kind, i], seen));
  };
  for (const [id, s] of Object.entries(symbols)) check(s, ['symbols', id], [id]);
  for (const [id, lines] of Object.entries(formulas)) lines.forEach((l, i) => check(l, ['formulas', id, i], []));
  return Object.freeze({ symbols: Object.freeze(symbols), formulas: Object.freeze(formulas) });
}

/** A term as MathML (a fraction's parts each in an <mrow>, a row as one). */
function mathml(term: Term, f: Formulas, t: Translator | null): string {
  if ('mi' in term) return `<mi mathvariant="normal">${escapeHtml(term.mi)}</mi>`;
  if ('op' in term) return `<mo>${escapeHtml(term.op)}</mo>`;
  if ('text' in term) return `<mtext>${escapeHtml(term.text)}</mtext>`;
  if ('fn' in term) return `<mi>${escapeHtml(term.fn)}</mi>`;
  if ('message' in term) {
    if (!t) throw new Error(`a symbol cannot hold a message ("${term.message}"): its words would not follow the locale`);
    return `<mtext>${escapeHtml(t.text(term.message))}</mtext>`;
  }
  if ('symbol' in term) return mathml(f.symbols[term.symbol]!, f, t);
  if ('row' in term) return `<mrow>${term.row.map((x) => mathml(x, f, t)).join('')}</mrow>`;
  if ('sub' in term) return `<msub>${mathml(term.sub[0], f, t)}${mathml(term.sub[1], f, t)}</msub>`;
  if ('sup' in term) return `<msup>${mathml(term.sup[0], f, t)}${mathml(term.sup[1], f, t)}</msup>`;
  return `<mfrac><mrow>${mathml(term.frac[0], f, t)}</mrow><mrow>${mathml(term.frac[1], f, t)}</mrow></mfrac>`;
}

/**
 * The formula as a block, one display `<math>` per line (no id: a formula may be shown in two chapters).
 * `lead`, the paragraph that introduces it ("… computed as follows:"), goes inside the block, which
 * the print keeps whole: a lead-in is never left at a page foot with its formula overleaf.
 */
export function formulaHtml(f: Formulas, id: string, t: Translator, lead = ''): string {
  const lines = f.formulas[id];
  if (!lines) throw ReportError.of('formula.unknown', { kind: 'formula', id, known: Object.keys(f.formulas) });
  return `<div class="formula">${lead}${lines.map((l) => `<math display="block">${mathml(l, f, t)}</math>`).join('')}</div>`;
}

/** The marker a formula leaves in the markdown; the chapter stage puts the formula there. */
export const FORMULA_SLOT = /<p>@@formula:([a-z0-9-]+)@@<\/p>/g;

/** A formula's marker with the paragraph just before it: its lead-in. */
export const FORMULA_WITH_LEAD = /(<p>(?:(?!<\/?p>)[\s\S])*<\/p>)\s*<p>@@formula:([a-z0-9-]+)@@<\/p>/g;

/** A symbol inline (text-size MathML). */
export function symbolHtml(f: Formulas, id: string): string {
  const symbol = f.symbols[id];
  if (symbol === undefined) throw ReportError.of('formula.unknown', { kind: 'symbol', id, known: Object.keys(f.symbols) });
  return `<math class="symbol">${mathml(symbol, f, null)}</math>`;
}

/** The marker a symbol leaves in a sentence: markdown passes it through as text. */
export const symbolSlot = (id: string) => `@@symbol:${id}@@`;
export const SYMBOL_SLOT = /@@symbol:([a-z0-9-]+)@@/g;
