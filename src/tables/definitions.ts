/**
 * An edition's numbered tables, `templates/<edition>/tables.yaml`, validated from `unknown` into
 * frozen definitions. The list of tables, their rows, captions and columns are the edition's; the
 * cell kinds a column may use are the engine's (cells.ts). Every field that breaks the contract is
 * reported as `file:line:column`.
 *
 * ```yaml
 * papers-countries:
 *   scope: papers                     # the notes under the table (src/base/notes.ts)
 *   caption: { key: tables.papers-countries.caption, values: { n: row-count } }
 *   rows: { from: papers.by_country, top: 10 }   # a selector (src/base/select.ts)
 *   key: country                      # the field that names a row in the metrics (modelled marks)
 *   columns:
 *     - { head: tables.columns.rank, kind: rank, by: papers }
 *     - { head: tables.columns.papers, kind: integer, field: papers }
 * ch3-papers-countries: { same-as: papers-countries }
 * ```
 */
import { readSelector, type Selector } from '../base/select.ts';
import { ReportError } from '../errors.ts';
import type { YamlSource } from '../base/yaml.ts';
import type { Scope } from '../base/notes.ts';

/** The cell kinds the engine provides (cells.ts formats each). */
export const CELL_KINDS = ['position', 'rank', 'integer', 'decimal', 'fixed', 'name', 'country', 'text', 'terms'] as const;
export type CellKind = (typeof CELL_KINDS)[number];

/** Kinds whose cells are numbers: right-aligned, and their values traced with the number. */
export const NUMERIC_KINDS: ReadonlySet<CellKind> = new Set(['position', 'rank', 'integer', 'decimal', 'fixed']);

export interface ColumnDefinition {
  /** The locale key of the column head (`tables.columns.rank`). */
  readonly head: string;
  readonly kind: CellKind;
  /** The row's field the cell shows (all kinds but `position` and `rank`). */
  readonly field?: string;
  /** `rank`: the number field ranked, largest first, over the rows the table's `where` keeps. */
  readonly by?: string;
  /** `decimal`, `fixed`: digits after the point. */
  readonly digits?: number;
  /** Numbers: a null value prints a dash instead of failing. */
  readonly optional?: boolean;
  /** `name`: the first letter upper-case (a name that reads mid-sentence in lower case). */
  readonly capitalise?: boolean;
  /** `file:line:column` of the column in tables.yaml. */
  readonly at: string;
}

/** What a caption's message is given: the row count (as a number or in words) or a focus country's name. */
export const CAPTION_VALUES = ['row-count', 'row-count-words', 'home-country', 'rival-country'] as const;
export type CaptionValue = (typeof CAPTION_VALUES)[number];

/** Rows of a locale message object (editorial content written in the locale, e.g. `content:<name>`), in key order. */
export interface MessageRows {
  readonly messages: string;
  readonly at: string;
}

export interface TableDefinition {
  readonly id: string;
  readonly scope: Scope;
  readonly caption: { readonly key: string; readonly values: Readonly<Record<string, CaptionValue>> };
  readonly rows: Selector | MessageRows;
  /** The field that identifies a row of `rows.from` (modelled values are looked up by it). */
  readonly key?: string;
  readonly columns: readonly ColumnDefinition[];
  /** `file:line:column` of the table in tables.yaml. */
  readonly at: string;
}

const SCOPES: readonly Scope[] = ['papers', 'patents', 'high-value', 'talent', 'flows', 'flows-cities', 'collaboration', 'editorial', 'scope', 'timeline'];
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEY = /^(?:[a-z0-9_-]+:)?[A-Za-z0-9_.-]+$/;
const TABLE_KEYS = new Set(['scope', 'caption', 'rows', 'key', 'columns', 'same-as']);
const COLUMN_KEYS = new Set(['head', 'kind', 'field', 'by', 'digits', 'optional', 'capitalise']);

type Path = readonly (string | number)[];

const cache = new WeakMap<YamlSource, readonly TableDefinition[]>();

/** The edition's tables (`edition.tables`, its parsed tables.yaml; validated once per source); none without one. */
export function editionTables(source: YamlSource | undefined): readonly TableDefinition[] {
  if (!source) return [];
  let tables = cache.get(source);
  if (!tables) {
    tables = parseTables(source);
    cache.set(source, tables);
  }
  return tables;
}

export function parseTables(source: YamlSource): readonly TableDefinition[] {
  const fail = (path: Path, expected: string, got: unknown): never => {
    throw ReportError.of('input.field', { file: source.where(path), path: path.join('.') || '(document)', expected, got: got === undefined ? 'nothing' : JSON.stringify(got) });
  };
  const at = (path: Path): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], source.value);
  const mapping = (path: Path, what: string): Record<string, unknown> => {
    const v = at(path);
    if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Date) fail(path, what, v);
    return v as Record<string, unknown>;
  };
  const matching = (path: Path, pattern: RegExp, what: string): string => {
    const v = at(path);
    if (typeof v !== 'string' || !pattern.test(v)) fail(path, what, v);
    return v as string;
  };
  const oneOf = <T extends string>(path: Path, values: readonly T[]): T => {
    const v = at(path);
    if (!values.includes(v as T)) fail(path, `one of ${values.join(', ')}`, v);
    return v as T;
  };
  const onlyKeys = (path: Path, keys: ReadonlySet<string>) => {
    for (const k of Object.keys(mapping(path, 'a mapping'))) if (!keys.has(k)) fail([...path, k], `one of ${[...keys].join(', ')}`, k);
  };

  const column = (path: Path): ColumnDefinition => {
    mapping(path, 'a column { head, kind, field … }');
    onlyKeys(path, COLUMN_KEYS);
    const kind = oneOf([...path, 'kind'], CELL_KINDS);
    const head = matching([...path, 'head'], KEY, 'a locale key such as tables.columns.rank');
    const needs = (name: string, yes: boolean) => {
      if (yes && at([...path, name]) === undefined) fail([...path, name], `a ${name} for a ${kind} column`, undefined);
      if (!yes && at([...path, name]) !== undefined) fail([...path, name], `no ${name} for a ${kind} column`, at([...path, name]));
    };
    needs('field', kind !== 'position' && kind !== 'rank');
    needs('by', kind === 'rank');
    needs('digits', kind === 'decimal' || kind === 'fixed');
    if (at([...path, 'optional']) !== undefined) needs('optional', kind === 'integer' || kind === 'decimal' || kind === 'fixed');
    if (at([...path, 'capitalise']) !== undefined) needs('capitalise', kind === 'name');
    const flag = (name: string) => {
      const v = at([...path, name]);
      if (v !== undefined && typeof v !== 'boolean') fail([...path, name], 'true or false', v);
      return v === true;
    };
    const digits = at([...path, 'digits']);
    if (digits !== undefined && (typeof digits !== 'number' || !Number.isInteger(digits) || digits < 0 || digits > 6)) fail([...path, 'digits'], 'a whole number from 0 to 6', digits);
    return Object.freeze({
      head,
      kind,
      ...(at([...path, 'field']) !== undefined ? { field: matching([...path, 'field'], FIELD, 'a field name') } : {}),
      ...(kind === 'rank' ? { by: matching([...path, 'by'], FIELD, 'a field name') } : {}),
      ...(digits !== undefined ? { digits: digits as number } : {}),
      ...(flag('optional') ? { optional: true } : {}),
      ...(flag('capitalise') ? { capitalise: true } : {}),
      at: source.where(path),
    });
  };

  const table = (id: string): Omit<TableDefinition, 'id'> => {
    const path = [id];
    onlyKeys(path, TABLE_KEYS);
    const scope = oneOf([...path, 'scope'], SCOPES);
    mapping([...path, 'caption'], 'a caption { key, values? }');
    onlyKeys([...path, 'caption'], new Set(['key', 'values']));
    const key = matching([...path, 'caption', 'key'], KEY, 'a locale key such as tables.<id>.caption');
    const values: Record<string, CaptionValue> = {};
    if (at([...path, 'caption', 'values']) !== undefined) {
      for (const name of Object.keys(mapping([...path, 'caption', 'values'], 'a mapping of message value: what it is'))) {
        if (!FIELD.test(name)) fail([...path, 'caption', 'values', name], 'a message value name', name);
        values[name] = oneOf([...path, 'caption', 'values', name], CAPTION_VALUES);
      }
    }
    const rowsValue = mapping([...path, 'rows'], 'a selector { from, where?, sort?, top? } or { messages: <locale key> }');
    const rows: Selector | MessageRows =
      'messages' in rowsValue
        ? (onlyKeys([...path, 'rows'], new Set(['messages'])), Object.freeze({ messages: matching([...path, 'rows', 'messages'], KEY, 'a locale key of editorial rows (namespace:key)'), at: source.where([...path, 'rows']) }))
        : readSelector(source, [...path, 'rows']);
    if ('from' in rows && (rows.index !== undefined || rows.field !== undefined)) fail([...path, 'rows'], 'a selector of rows (from, where, sort, top): a table shows whole rows', at([...path, 'rows']));
    const rowKey = at([...path, 'key']) !== undefined ? matching([...path, 'key'], FIELD, 'the field that names a row') : undefined;
    const list = at([...path, 'columns']);
    if (!Array.isArray(list) || list.length === 0) fail([...path, 'columns'], 'a list of at least one column', list);
    const columns = (list as unknown[]).map((_, i) => column([...path, 'columns', i]));
    if ('from' in rows && !rowKey && columns.some((c) => c.kind === 'integer' || c.kind === 'decimal' || c.kind === 'fixed')) {
      fail([...path, 'key'], 'the field that names a row (its numbers are checked for modelled values by it)', undefined);
    }
    return { scope, caption: Object.freeze({ key, values: Object.freeze(values) }), rows, ...(rowKey ? { key: rowKey } : {}), columns: Object.freeze(columns), at: source.where(path) };
  };

  const doc = mapping([], 'a mapping of table id: table');
  const ids = Object.keys(doc);
  const own = new Map<string, Omit<TableDefinition, 'id'>>();
  for (const id of ids) {
    if (!ID.test(id)) fail([id], 'a table id of lower-case letters, digits and hyphens', id);
    mapping([id], 'a table { scope, caption, rows, columns } or { same-as: <id> }');
    if (at([id, 'same-as']) === undefined) own.set(id, table(id));
  }
  // `same-as`: the same table placed again under another id (numbered on its own), never a chain.
  return Object.freeze(
    ids.map((id) => {
      if (own.has(id)) return Object.freeze({ id, ...own.get(id)! });
      onlyKeys([id], new Set(['same-as']));
      const other = matching([id, 'same-as'], ID, 'the id of a table defined in this file');
      const base = own.get(other);
      if (!base) fail([id, 'same-as'], `the id of a table defined in this file (${[...own.keys()].join(', ')})`, other);
      return Object.freeze({ id, ...base!, at: source.where([id]) });
    }),
  );
}
