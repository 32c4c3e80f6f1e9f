/**
 * The data behind a figure, as its CSV download carries it: the values the chart is drawn from (every
 * series, flows in and out as well as the net, a map's every column), under column headers in the
 * locale's words, numbers rounded as the report prints them. A preset builds it beside its spec
 * (BuiltFigure.data); a figure without it (an edition's own spec) gets its spec's rows, headed by the
 * engine's column words where it has them.
 */
import type { CsvValue } from '../base/escape.ts';
import type { Translator } from '../base/i18n.ts';
import { MODELLED_MARK } from '../base/modelled.ts';

export interface FigureData {
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvValue[])[];
}

/**
 * A column's header: the engine's word for a field (`document:csv_columns.<field>`, e.g. `country` →
 * "国家" / "Country"), or the field's name when the vocabulary has none.
 */
export function columnHeader(t: Translator, field: string): string {
  const key = `document:csv_columns.${field}`;
  return /^[A-Za-z0-9_]+$/.test(field) && t.has(key) ? t.text(key) : field;
}

/** A number as the CSV carries it: whole numbers as they are, others rounded to `digits` decimals. */
export function rounded(n: number, digits = 2): number {
  if (Number.isInteger(n)) return n;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** A share (0…1) as a percentage rounded to `digits` decimals: 0.123456 → 12.3. */
export const percentOf = (share: number, digits = 1): number => rounded(share * 100, digits);

/** Rows of objects (a spec's data): the columns are the keys in first-seen order, headed by columnHeader. */
export function recordsData(t: Translator, records: readonly Readonly<Record<string, unknown>>[]): FigureData {
  const keys: string[] = [];
  for (const r of records) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  const cell = (v: unknown): CsvValue => (typeof v === 'number' ? rounded(v) : v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean' ? v : JSON.stringify(v));
  return { header: keys.map((k) => columnHeader(t, k)), rows: records.map((r) => keys.map((k) => cell(r[k]))) };
}

/** The modelled mark column (`*` where the published edition did not print the value), only when any value is modelled. */
export function modelledColumn(t: Translator, marks: readonly string[]): { header: string[]; cell: (i: number) => string[] } {
  if (!marks.some(Boolean)) return { header: [], cell: () => [] };
  return { header: [columnHeader(t, 'modelled')], cell: (i) => [marks[i] ?? ''] };
}

type Marked = { readonly modelled?: boolean };

/** Grouped bars: one row per bar (label, series, value), the value column headed by the axis title. */
export function pairData(t: Translator, rows: readonly ({ label: string; series: string; value: number } & Marked)[], axisTitle: string, options: { percent?: boolean; labelColumn?: string } = {}): FigureData {
  const marks = modelledColumn(t, rows.map((r) => (r.modelled ? MODELLED_MARK : '')));
  const valueHeader = options.percent ? t.text('document:csv_percent', { title: axisTitle }) : axisTitle;
  return {
    header: [columnHeader(t, options.labelColumn ?? 'label'), columnHeader(t, 'series'), valueHeader, ...marks.header],
    rows: rows.map((r, i) => [r.label, r.series, options.percent ? percentOf(r.value) : rounded(r.value), ...marks.cell(i)]),
  };
}

/** Yearly lines: one row per point (year, series, value). */
export function yearData(t: Translator, rows: readonly ({ year: number; series: string; value: number } & Marked)[], axisTitle: string): FigureData {
  const marks = modelledColumn(t, rows.map((r) => (r.modelled ? MODELLED_MARK : '')));
  return {
    header: [columnHeader(t, 'year'), columnHeader(t, 'series'), axisTitle, ...marks.header],
    rows: rows.map((r, i) => [r.year, r.series, rounded(r.value), ...marks.cell(i)]),
  };
}

/** The CSV column a chart's label binding names: countries are headed "country", anything else "label". */
export function labelColumnOf(label: object): string {
  return 'country' in label ? 'country' : 'label';
}
