/**
 * The bindings presets share, read from a figure's YAML (validated from `unknown`, errors at
 * `file:line:column`) and applied at build time: texts, labels, modelled marks, selectors.
 */
import { readSelector, readTerm, resolveTerm, select, type Selection, type Selector, type Term, type Variables } from '../../base/select.ts';
import { ReportError } from '../../errors.ts';
import type { YamlSource } from '../../base/yaml.ts';
import { modelledLookup } from '../../base/modelled.ts';
import type { FigureBuildContext } from '../types.ts';

export type Path = readonly (string | number)[];
type Item = Readonly<Record<string, unknown>>;

/** What a preset reads its bindings from: the figure's YAML and the path of its definition. */
export interface BindingSource {
  readonly source: YamlSource;
  readonly path: Path;
  readonly id: string;
}

export function valueAt(source: YamlSource, path: Path): unknown {
  let v: unknown = source.value;
  for (const key of path) v = (v as Record<string | number, unknown> | undefined)?.[key];
  return v;
}

export function fail(source: YamlSource, path: Path, expected: string, got: unknown): never {
  throw ReportError.of('input.field', { file: source.where(path), path: path.join('.'), expected, got: got === undefined ? 'nothing' : JSON.stringify(got) });
}

/** Whether the figure's definition writes `key`. */
export function has(b: BindingSource, key: string): boolean {
  return valueAt(b.source, [...b.path, key]) !== undefined;
}

export function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A field name of the metrics' rows. */
export function fieldName(b: BindingSource, key: string | Path): string {
  const path = [...b.path, ...(typeof key === 'string' ? [key] : key)];
  const v = valueAt(b.source, path);
  if (typeof v !== 'string' || !NAME.test(v)) fail(b.source, path, 'a field name', v);
  return v;
}

export function fieldNames(b: BindingSource, key: string | Path): string[] {
  const path = [...b.path, ...(typeof key === 'string' ? [key] : key)];
  const v = valueAt(b.source, path);
  if (!Array.isArray(v) || v.length === 0) fail(b.source, path, 'a list of field names', v);
  return v.map((_, i) => fieldName(b, [...path.slice(b.path.length), i]));
}

export function text(b: BindingSource, key: string, fallback?: string): string {
  const path = [...b.path, key];
  const v = valueAt(b.source, path);
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'string' || v.trim() === '') fail(b.source, path, 'a non-empty text', v);
  return v;
}

/** A list of non-empty texts (ids such as `CN-SCS`). */
export function textList(b: BindingSource, key: string): string[] {
  const path = [...b.path, key];
  const v = valueAt(b.source, path);
  if (!Array.isArray(v) || v.length === 0) fail(b.source, path, 'a list of texts', v);
  return v.map((x, i) => (typeof x === 'string' && x.trim() !== '' ? x : fail(b.source, [...path, i], 'a non-empty text', x)));
}

export function oneOf<T extends string>(b: BindingSource, key: string, allowed: readonly T[], fallback?: T): T {
  const path = [...b.path, key];
  const v = valueAt(b.source, path);
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) fail(b.source, path, `one of ${allowed.join(', ')}`, v);
  return v as T;
}

/** A list of values or $variables. */
export function terms(b: BindingSource, key: string | Path): Term[] {
  const path = [...b.path, ...(typeof key === 'string' ? [key] : key)];
  const v = valueAt(b.source, path);
  if (!Array.isArray(v) || v.length === 0) fail(b.source, path, 'a list of values or $variables', v);
  return v.map((_, i) => readTerm(b.source, [...path, i]));
}

export function selector(b: BindingSource, key: string | Path): Selector {
  return readSelector(b.source, [...b.path, ...(typeof key === 'string' ? [key] : key)]);
}

/** The rows a selector picks, errors naming this figure. */
export function rowsOf(sel: Selector, ctx: FigureBuildContext, id: string): Selection {
  return select(sel, ctx.metrics, ctx.vars, `figure "${id}"`);
}

export function resolve(term: Term, ctx: FigureBuildContext, at: string, id: string, vars: Variables = ctx.vars): unknown {
  return resolveTerm(term, vars, at, `figure "${id}"`);
}

/**
 * `texts: { key, values }`: the locale key of the figure's messages (`<key>.caption`, `.title`,
 * `.axis` …; default `figures.<id>`) and values passed to them beside the preset's own (`n` …).
 * A written `texts: <key>` is the key alone.
 */
export interface TextsBinding {
  readonly key: string;
  readonly values: readonly (readonly [string, Term])[];
  readonly at: string;
}

export function readTexts(b: BindingSource): TextsBinding {
  const path = [...b.path, 'texts'];
  const v = valueAt(b.source, path);
  const at = b.source.where(path);
  if (v === undefined) return { key: `figures.${b.id}`, values: [], at };
  if (typeof v === 'string') return { key: text(b, 'texts'), values: [], at };
  if (!isMapping(v)) fail(b.source, path, 'a locale key, or { key, values }', v);
  const inner: BindingSource = { ...b, path };
  const values: [string, Term][] = [];
  const raw = v.values;
  if (raw !== undefined) {
    if (!isMapping(raw)) fail(b.source, [...path, 'values'], 'a mapping of name: value or $variable', raw);
    for (const name of Object.keys(raw)) values.push([name, readTerm(b.source, [...path, 'values', name])]);
  }
  return Object.freeze({ key: text(inner, 'key', `figures.${b.id}`), values: Object.freeze(values), at });
}

/** The figure's messages, given the preset's values and the written ones (which win). */
export function figureTexts(ctx: FigureBuildContext, texts: TextsBinding, id: string, computed: Record<string, unknown>, vars: Variables = ctx.vars) {
  const values: Record<string, unknown> = { ...computed };
  for (const [name, term] of texts.values) values[name] = resolve(term, ctx, texts.at, id, vars);
  const key = texts.key;
  return {
    caption: ctx.t.t(`${key}.caption`, values),
    title: ctx.t.text(`${key}.title`, values),
    text: (name = 'axis', extra?: Record<string, unknown>) => ctx.t.text(`${key}.${name}`, extra ?? values),
  };
}

/** The screen reader's description: the figure's title and its values as a list. */
export function description(ctx: FigureBuildContext, title: string, list: string): string {
  return ctx.t.text('figure.description', { title, list });
}

/** The locale's list separator in descriptions. */
export const listSeparator = (ctx: FigureBuildContext) => (ctx.t.locale === 'zh' ? '；' : '; ');

/**
 * How a row is named on the chart: `{ country: <field> }` (the locale's short country name),
 * `{ countries: [<a>, <b>] }` (a pair, "China–United States"), `{ name: <prefix> }` (the row's
 * `<prefix>_zh` / `<prefix>_en`), or `{ message: "ns:key.{field}", fallback: <field> }` (a locale
 * message named after a field, the field's value when the locale has none).
 */
export type LabelBinding =
  | { readonly country: string }
  | { readonly countries: readonly [string, string] }
  | { readonly name: string }
  | { readonly message: string; readonly fields: readonly string[]; readonly fallback?: string };

export function readLabel(b: BindingSource, key = 'label'): LabelBinding {
  const path = [...b.path, key];
  const v = valueAt(b.source, path);
  const inner: BindingSource = { ...b, path };
  if (!isMapping(v) || Object.keys(v).length === 0) fail(b.source, path, 'a label: { country: <field> }, { countries: [<a>, <b>] }, { name: <prefix> } or { message: "<key>.{field}" }', v);
  if ('country' in v) return { country: fieldName(inner, 'country') };
  if ('countries' in v) {
    const [a, c] = fieldNames(inner, 'countries');
    if (a === undefined || c === undefined) fail(b.source, [...path, 'countries'], 'two field names', v.countries);
    return { countries: [a, c] };
  }
  if ('name' in v) return { name: fieldName(inner, 'name') };
  if ('message' in v) {
    const message = text(inner, 'message');
    const fields = [...message.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]!);
    return { message, fields, ...(v.fallback !== undefined ? { fallback: fieldName(inner, 'fallback') } : {}) };
  }
  return fail(b.source, path, 'one of country, countries, name, message', Object.keys(v)[0]);
}

export function labelOf(label: LabelBinding, row: Item, ctx: FigureBuildContext): string {
  if ('country' in label) return ctx.names.label(String(row[label.country]));
  if ('countries' in label) return `${ctx.names.label(String(row[label.countries[0]]))}–${ctx.names.label(String(row[label.countries[1]]))}`;
  if ('name' in label) return String(row[`${label.name}_${ctx.t.locale}`]);
  const key = label.message.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, f: string) => String(row[f]));
  return label.fallback !== undefined ? ctx.t.text(key, { defaultValue: String(row[label.fallback]) }) : ctx.t.text(key);
}

/**
 * `modelled: { key: [<field> …], fields: [<field> …] }`: a drawn value is marked modelled when the
 * dataset's calibration says one of `fields` (default: the drawn field) of the row with that key
 * was not published. Key fields the row lacks are read from the row the selector picked (`index`).
 */
export interface ModelledBinding {
  readonly key: readonly string[];
  readonly fields?: readonly string[];
}

export function readModelled(b: BindingSource): ModelledBinding | undefined {
  const path = [...b.path, 'modelled'];
  const v = valueAt(b.source, path);
  if (v === undefined) return undefined;
  if (!isMapping(v)) fail(b.source, path, '{ key: [<field> …], fields?: [<field> …] }', v);
  const inner: BindingSource = { ...b, path };
  return Object.freeze({ key: fieldNames(inner, 'key'), ...(v.fields !== undefined ? { fields: fieldNames(inner, 'fields') } : {}) });
}

/** Whether `row`'s drawn `field` (or the binding's fields) was modelled. */
export function modelledCheck(ctx: FigureBuildContext, binding: ModelledBinding | undefined, selection: Selection) {
  const lookup = modelledLookup(ctx.metrics);
  return (row: Item, field: string, extraKey: Readonly<Record<string, string | number>> = {}): boolean => {
    if (!binding) return false;
    const key: Record<string, string | number> = {};
    for (const k of binding.key) key[k] = (row[k] ?? selection.row?.[k]) as string | number;
    Object.assign(key, extraKey);
    return (binding.fields ?? [field]).some((f) => lookup([selection.path, key, f]));
  };
}

/** A number field of a row, or an error naming the figure and the path. */
export function numberOf(row: Item, field: string, at: string, id: string, path: string): number {
  const v = row[field];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw ReportError.of('select.missing', { at, owner: `figure "${id}"`, path: `${path}.${field}`, detail: `: expected a number, got ${v === undefined ? 'nothing' : JSON.stringify(v)}` });
  return v;
}

/** The variables of a row the selector picked, for texts: `$row.name` (its localized name) and `$row.<field>`. */
export function rowVariables(ctx: FigureBuildContext, selection: Selection): Variables {
  const row = selection.row;
  if (!row) return ctx.vars;
  const vars: Record<string, unknown> = { ...ctx.vars };
  for (const [k, v] of Object.entries(row)) if (typeof v === 'string' || typeof v === 'number') vars[`row.${k}`] = v;
  if (`name_${ctx.t.locale}` in row) vars['row.name'] = row[`name_${ctx.t.locale}`];
  return vars;
}
