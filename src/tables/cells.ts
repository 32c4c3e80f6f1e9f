/**
 * The cell kinds a table column may use. Each turns a row's field into the text of one cell,
 * formatted for the locale, and records what it prints in the trace (numbers with their value, names
 * from the data without), so that `report check` can trace every number on the page. A modelled
 * value (see modelled.ts) gets its mark after the text; the trace records the text without it.
 */
import * as fmt from '../base/format.ts';
import { rankBy } from '../base/facts.ts';
import { ReportError } from '../errors.ts';
import type { ColumnDefinition } from './definitions.ts';
import { MODELLED_MARK, type Where } from '../base/modelled.ts';
import type { TableContext } from './types.ts';

type Row = Readonly<Record<string, unknown>>;

/** One cell's row, its place in the table and the lists it is ranked among. */
export interface CellInput {
  readonly row: Row;
  /** 0-based position of the row in the table. */
  readonly index: number;
  /** The rows the table's `where` keeps, before sorting and `top`: what a rank counts among. */
  readonly among: readonly Row[];
  /** The rows the table shows: a column's decimals follow what it prints (columnDigits). */
  readonly shown?: readonly Row[];
  /** The metrics path the rows come from, and the field that names a row (for modelled values). */
  readonly path?: string;
  readonly key?: string;
  /** Names the table and column in an error. */
  readonly owner: string;
}

/** A value a cell cannot show: names the table's column (tables.yaml:line:column), the row and the field. */
function bad(col: ColumnDefinition, input: CellInput, expected: string): never {
  const field = col.field ?? col.by ?? '';
  const v = input.row[field];
  throw ReportError.of('table.cell', { at: col.at, owner: input.owner, row: input.index + 1, field, expected, got: v === undefined ? 'nothing' : JSON.stringify(v) });
}

function number(col: ColumnDefinition, input: CellInput): number | null {
  const v = input.row[col.field!];
  if (v === null && col.optional) return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) bad(col, input, col.optional ? 'a number or null' : 'a number');
  return v;
}

function text(col: ColumnDefinition, input: CellInput, value: unknown): string {
  if (typeof value !== 'string') bad(col, input, 'a text');
  return value;
}

/** A number's cell: traced with its value, marked when the published edition did not print it. */
function numeric(ctx: TableContext, col: ColumnDefinition, input: CellInput, format: (n: number) => string): string {
  const n = number(col, input);
  if (n === null) return '–';
  const printed = ctx.trace.add(format(n), n, 'table');
  const key = input.key !== undefined ? input.row[input.key] : undefined;
  if (input.path === undefined || (typeof key !== 'string' && typeof key !== 'number')) return printed;
  const where: Where = [input.path, { [input.key!]: key }, col.field!];
  return ctx.modelled?.(where) ? `${printed}${MODELLED_MARK}` : printed;
}

/**
 * A column's decimals: its own, or none when every value it draws from would print a fraction of
 * zeros ("18", not "18.0": the published tables print whole averages whole). Decided per column, so
 * that a column with one fractional value keeps its digits in every row and stays aligned.
 */
function columnDigits(col: ColumnDefinition, input: CellInput): number {
  const digits = col.digits!;
  const whole = (v: unknown) => typeof v !== 'number' || !Number.isFinite(v) || /^-?\d+(\.0*)?$/.test(v.toFixed(digits));
  return (input.shown ?? [input.row]).every((r) => whole(r[col.field!])) && whole(input.row[col.field!]) ? 0 : digits;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function cellText(ctx: TableContext, col: ColumnDefinition, input: CellInput): string {
  const locale = ctx.t.locale;
  switch (col.kind) {
    case 'position':
      return ctx.trace.add(String(input.index + 1), input.index + 1, 'table');
    case 'rank': {
      // Ties share the better rank, as the chapters' rankOf does.
      if (input.key === undefined) throw ReportError.of('table.cell', { at: col.at, owner: input.owner, row: input.index + 1, field: 'key', expected: 'the table\'s key: the field that names a row', got: 'nothing' });
      if (!input.among.every((r) => typeof r[col.by!] === 'number')) bad(col, input, 'a number in every row');
      const r = rankBy(input.among, input.key, input.row[input.key], col.by!);
      return ctx.trace.add(String(r), r, 'table');
    }
    case 'integer':
      return numeric(ctx, col, input, fmt.integer);
    case 'decimal':
      return numeric(ctx, col, input, (n) => fmt.decimal(n, columnDigits(col, input)));
    case 'fixed':
      // Without a thousands separator: a year reads 2019.4, not 2,019.4.
      return numeric(ctx, col, input, (n) => n.toFixed(columnDigits(col, input)));
    case 'name': {
      // A zh/en pair: the field itself ({zh, en}) or two fields, <field>_zh and <field>_en.
      const pair = input.row[col.field!];
      const name = typeof pair === 'object' && pair !== null ? (pair as Record<string, unknown>)[locale] : input.row[`${col.field!}_${locale}`];
      if (typeof name !== 'string') bad(col, input, `a name in ${locale} (${col.field!}.${locale} or ${col.field!}_${locale})`);
      return ctx.trace.add(col.capitalise ? capitalise(name) : name, null, 'table');
    }
    case 'country':
      return ctx.trace.add(ctx.names.label(text(col, input, input.row[col.field!])), null, 'table');
    case 'text':
      // Editorial text as written (not from the dataset): nothing to trace.
      return text(col, input, input.row[col.field!]);
    case 'terms': {
      // A list of terms per locale, not a sentence: "、" in Chinese, commas in English, no "and".
      const lists = input.row[col.field!] as Record<string, unknown> | undefined;
      const terms = lists?.[locale];
      if (!Array.isArray(terms) || !terms.every((x) => typeof x === 'string')) bad(col, input, `a list of terms in ${locale}`);
      return ctx.trace.add((terms as string[]).join(locale === 'zh' ? '、' : ', '), null, 'table');
    }
  }
}
