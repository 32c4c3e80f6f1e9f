/**
 * One notation for "these rows of the metrics document", written in an edition's YAML (figures,
 * tables) and validated here from `unknown`:
 *
 * ```yaml
 * rows: { from: patents.by_assignee, where: { country: $home }, sort: high_value, top: 10 }
 * rows: { from: topics, where: { group: $hot.group }, index: 0, field: top1_by_country }
 * ```
 *
 * Steps, in this order: `from` (a dotted path to a list), `where` (rows whose fields equal the
 * values), `sort` (by a number, largest first; stable, so ties keep the document's order, nulls
 * last; `{ by, then }` breaks ties by a text field A→Z), `index` (one row, 0-based), `field` (of that
 * row: a `{code: n}` map becomes entries `{key, value}`, largest first then key A→Z; of every row:
 * the values), `top` (the first n). A value written `$name` is an edition variable (`$home`,
 * `$hot.group`, `$paper_years` …), given by the caller.
 */
import { ReportError } from '../errors.ts';
import type { YamlSource } from './yaml.ts';

type Item = Readonly<Record<string, unknown>>;
export type Literal = string | number | boolean | null;

/** A value in a selector: written, or an edition variable (`$home`). */
export type Term = { readonly literal: Literal } | { readonly variable: string };

export interface SortKey {
  /** A number field, largest first. */
  readonly by: string;
  /** A text field that orders ties A→Z (otherwise ties keep the document's order). */
  readonly then?: string;
}

export interface Selector {
  readonly from: string;
  readonly where: readonly { readonly field: string; readonly value: Term }[];
  readonly sort?: SortKey;
  readonly index?: number;
  readonly field?: string;
  readonly top?: number;
  /** `file:line:column` of the selector in its YAML file. */
  readonly at: string;
}

/** The edition's variables by name without `$`: `home`, `rival`, `hot.group`, `paper_years` … */
export type Variables = Readonly<Record<string, unknown>>;

export interface Selection {
  /** The rows (or, after `field` over a list, the values; after `field` of a map, its entries). */
  readonly rows: readonly unknown[];
  /** The document path the rows come from (`from`). */
  readonly path: string;
  /** The row `index` picked, when the selector picks one. */
  readonly row?: Item;
}

type Path = readonly (string | number)[];

const KEYS = new Set(['from', 'where', 'sort', 'index', 'field', 'top']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function fail(source: YamlSource, path: Path, expected: string, got: unknown): never {
  throw ReportError.of('input.field', { file: source.where(path), path: path.join('.') || '(document)', expected, got: got === undefined ? 'nothing' : JSON.stringify(got) });
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function valueAt(source: YamlSource, path: Path): unknown {
  let v: unknown = source.value;
  for (const key of path) v = (v as Record<string | number, unknown> | undefined)?.[key];
  return v;
}

/** A written value, or `$name` for an edition variable. */
export function readTerm(source: YamlSource, path: Path): Term {
  const v = valueAt(source, path);
  if (typeof v === 'string' && v.startsWith('$')) {
    if (!DOTTED.test(v.slice(1))) fail(source, path, 'a variable name after $ (such as $home or $hot.group)', v);
    return Object.freeze({ variable: v.slice(1) });
  }
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return Object.freeze({ literal: v });
  return fail(source, path, 'a text, number, true/false or $variable', v);
}

function name(source: YamlSource, path: Path, dotted = false): string {
  const v = valueAt(source, path);
  if (typeof v !== 'string' || !(dotted ? DOTTED : NAME).test(v)) fail(source, path, dotted ? 'a path such as patents.by_country' : 'a field name', v);
  return v;
}

function count(source: YamlSource, path: Path, min: number): number | undefined {
  const v = valueAt(source, path);
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) fail(source, path, `a whole number ≥ ${min}`, v);
  return v;
}

/** The selector written at `path` of a YAML file: `{ from, where?, sort?, index?, field?, top? }`. */
export function readSelector(source: YamlSource, path: Path): Selector {
  const v = valueAt(source, path);
  if (!isMapping(v)) return fail(source, path, 'a selector { from: <path>, where?, sort?, index?, field?, top? }', v);
  for (const key of Object.keys(v).sort()) if (!KEYS.has(key)) fail(source, [...path, key], `one of ${[...KEYS].join(', ')}`, key);
  const from = name(source, [...path, 'from'], true);
  const where: { field: string; value: Term }[] = [];
  if (v.where !== undefined) {
    if (!isMapping(v.where)) fail(source, [...path, 'where'], 'a mapping of field: value', v.where);
    for (const field of Object.keys(v.where)) {
      if (!NAME.test(field)) fail(source, [...path, 'where', field], 'a field name', field);
      where.push(Object.freeze({ field, value: readTerm(source, [...path, 'where', field]) }));
    }
  }
  let sort: SortKey | undefined;
  if (typeof v.sort === 'string') sort = { by: name(source, [...path, 'sort']) };
  else if (isMapping(v.sort)) {
    for (const key of Object.keys(v.sort)) if (key !== 'by' && key !== 'then') fail(source, [...path, 'sort', key], 'by or then', key);
    sort = { by: name(source, [...path, 'sort', 'by']), ...(v.sort.then !== undefined ? { then: name(source, [...path, 'sort', 'then']) } : {}) };
  } else if (v.sort !== undefined) fail(source, [...path, 'sort'], 'a field name, or { by: <field>, then: <field> }', v.sort);
  const index = count(source, [...path, 'index'], 0);
  const top = count(source, [...path, 'top'], 1);
  const field = v.field === undefined ? undefined : name(source, [...path, 'field']);
  return Object.freeze({
    from,
    where: Object.freeze(where),
    ...(sort ? { sort: Object.freeze(sort) } : {}),
    ...(index !== undefined ? { index } : {}),
    ...(field !== undefined ? { field } : {}),
    ...(top !== undefined ? { top } : {}),
    at: source.where(path),
  });
}

/** The value of a term: a written value, or the variable's (an error naming the selector when unknown). */
export function resolveTerm(term: Term, vars: Variables, at: string, owner: string): unknown {
  if ('literal' in term) return term.literal;
  if (!(term.variable in vars)) throw ReportError.of('select.unknown-variable', { at, owner, name: term.variable, known: Object.keys(vars).sort() });
  return vars[term.variable];
}

function missing(sel: Selector, owner: string, path: string, detail: string): never {
  throw ReportError.of('select.missing', { at: sel.at, owner, path, detail });
}

function sortKey(item: Item, by: string, sel: Selector, owner: string): number {
  const v = item[by];
  if (v === null) return -Infinity;
  if (typeof v !== 'number' || !Number.isFinite(v)) missing(sel, owner, `${sel.from}.${by}`, `: expected a number in every row, got ${v === undefined ? 'nothing' : JSON.stringify(v)}`);
  return v;
}

/** The rows a selector picks from the metrics document (or any JSON value). `owner` names who asked, for errors ("figure \"x\""). */
export function select(sel: Selector, doc: unknown, vars: Variables, owner: string): Selection {
  let value: unknown = doc;
  const walked: string[] = [];
  for (const part of sel.from.split('.')) {
    walked.push(part);
    if (!isMapping(value) || !(part in value) || value[part] === undefined) missing(sel, owner, walked.join('.'), '');
    value = value[part];
  }
  if (!Array.isArray(value)) missing(sel, owner, sel.from, ' as a list');
  let rows = value as Item[];
  for (const w of sel.where) {
    const wanted = resolveTerm(w.value, vars, sel.at, owner);
    rows = rows.filter((r) => r[w.field] === wanted);
  }
  if (sel.sort) {
    const { by, then } = sel.sort;
    rows = [...rows].sort((a, b) => {
      const ka = sortKey(a, by, sel, owner);
      const kb = sortKey(b, by, sel, owner);
      if (ka !== kb) return kb > ka ? 1 : -1;
      return then === undefined ? 0 : String(a[then]).localeCompare(String(b[then]));
    });
  }
  let picked: Item | undefined;
  let out: readonly unknown[] = rows;
  if (sel.index !== undefined) {
    picked = rows[sel.index];
    if (!picked) missing(sel, owner, sel.from, ` row ${sel.index} (0-based) of ${rows.length}${sel.where.length ? ' matching the where' : ''}`);
    out = [picked];
  }
  if (sel.field !== undefined) {
    const f = sel.field;
    if (picked) {
      const v = picked[f];
      if (Array.isArray(v)) out = v;
      else if (isMapping(v)) out = Object.entries(v as Record<string, number>).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([key, n]) => Object.freeze({ key, value: n }));
      else if (v === undefined) missing(sel, owner, `${sel.from}.${f}`, '');
      else out = [v];
    } else {
      out = rows.map((r) => {
        if (!(f in r)) missing(sel, owner, `${sel.from}.${f}`, '');
        return r[f];
      });
    }
  }
  if (sel.top !== undefined) out = out.slice(0, sel.top);
  return Object.freeze({ rows: Object.freeze([...out]), path: sel.from, ...(picked ? { row: picked } : {}) });
}
