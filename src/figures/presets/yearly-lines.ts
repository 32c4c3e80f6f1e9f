/**
 * `yearly-lines`: one line per series over `years` (a `[from, to]` variable such as
 * `$paper_years`), every year drawn (a year without a row counts 0). `rows` selects the yearly rows
 * (`year` and the `value` field), and `series` is either countries (`{ countries: [$home, $rival] }`
 * or a selector of country codes; rows matched on `country`) or one line (`{ one: <message name> }`,
 * named by that message of the figure's texts). Texts get `from`/`to` and, for countries, `a`/`b`
 * (the first two countries' names) and `n`. The description lists the last year's values (countries)
 * or every year's (one line).
 */
import { countryPair } from '../../base/country-pair.ts';
import { yearData } from '../data.ts';
import { readTerm, type Selector, type Term } from '../../base/select.ts';
import { seriesOf } from '../../base/facts.ts';
import { modelledLookup, unpublishedLookup } from '../../base/modelled.ts';
import { yearlyLines, type YearRow } from '../charts.ts';
import type { BuiltFigure, FigureBuildContext } from '../types.ts';
import { description, fail, fieldName, figureTexts, isMapping, readTexts, resolve, rowsOf, selector, terms, valueAt, type BindingSource, type TextsBinding } from './bindings.ts';
import { definePreset } from './preset.ts';
import { ReportError } from '../../errors.ts';

export type YearlySeries =
  | { readonly countries: readonly Term[] | Selector; readonly at: string }
  | { readonly one: string };

export interface YearlyLinesBindings {
  readonly rows: Selector;
  readonly value: string;
  /** `[from, to]`, written or a variable such as `$paper_years`. */
  readonly years: Term | readonly [number, number];
  readonly series: YearlySeries;
  readonly texts: TextsBinding;
  /**
   * `modelled: unpublished`: every value the calibration does not record as published is marked (a
   * series the published edition described but never printed); by default only the values the
   * calibration records as modelled are.
   */
  readonly modelled?: 'unpublished';
}

function yearRange(v: unknown, id: string, at: string): readonly [number, number] {
  if (!Array.isArray(v) || v.length !== 2 || !v.every((y) => Number.isInteger(y))) throw ReportError.of('figure.binding', { at, id, detail: `years: expected [from, to], got ${JSON.stringify(v)}` });
  return v as unknown as readonly [number, number];
}

export function buildYearlyLines(b: YearlyLinesBindings, ctx: FigureBuildContext, id: string): BuiltFigure {
  const selection = rowsOf(b.rows, ctx, id);
  const list = selection.rows as readonly Record<string, unknown>[];
  const [from, to] = yearRange(Array.isArray(b.years) ? b.years : resolve(b.years as Term, ctx, b.rows.at, id), id, b.rows.at);
  const lookup = b.modelled === 'unpublished' ? unpublishedLookup(ctx.metrics) : modelledLookup(ctx.metrics);
  // A value's place in the metrics: the selector's where (e.g. the pair a, b), the country, the year.
  const fixed: Record<string, string | number> = {};
  for (const w of b.rows.where) fixed[w.field] = resolve(w.value, ctx, b.rows.at, id) as string | number;
  const modelled = (key: Record<string, string | number>) => lookup([selection.path, { ...fixed, ...key }, b.value]);
  if ('one' in b.series) {
    const x = figureTexts(ctx, b.texts, id, { from, to });
    const label = x.text(b.series.one);
    const series = seriesOf(list.map((r) => ({ ...r, country: '' })), '', b.value, from, to);
    const rows = series.map((p) => ({ year: p.year, series: label, value: p.value, modelled: modelled({ year: p.year }) }));
    return { spec: yearlyLines(rows, x.text(), [label]), caption: x.caption, title: x.title, description: description(ctx, x.title, rows.map((r) => `${r.year} ${r.value}`).join(', ')), modelled: rows.some((r) => r.modelled), modelledMark: 'hollow', data: yearData(ctx.t, rows, x.text()) };
  }
  const spec = b.series.countries;
  const countries = (Array.isArray(spec) ? (spec as readonly Term[]).map((c) => resolve(c, ctx, (b.series as { at: string }).at, id)) : rowsOf(spec as Selector, ctx, id).rows).map(String);
  const labels = countries.map((c) => ctx.names.label(c));
  const rows: YearRow[] = countries.flatMap((c, i) =>
    seriesOf(list, c, b.value, from, to).map((p) => ({ year: p.year, series: labels[i]!, value: p.value, modelled: modelled({ country: c, year: p.year }) })),
  );
  // Captions name the countries as running text does ("the United States"); the legend labels them.
  const x = figureTexts(ctx, b.texts, id, { a: ctx.names.name(countries[0]!), b: countries[1] ? ctx.names.name(countries[1]) : '', pair: countries[1] ? countryPair(ctx.t, ctx.names, countries[0]!, countries[1]) : '', n: countries.length, from, to });
  const last = rows.filter((r) => r.year === to).map((r) => `${r.series} ${r.year} ${r.value}`);
  // The home country's line is drawn over the others.
  const home = (ctx.vars as Record<string, unknown>).home;
  const front = typeof home === 'string' && countries.includes(home) ? ctx.names.label(home) : undefined;
  return { spec: yearlyLines(rows, x.text(), labels, { front }), caption: x.caption, title: x.title, description: description(ctx, x.title, last.join(ctx.t.locale === 'zh' ? '；' : '; ')), modelled: rows.some((r) => r.modelled), modelledMark: 'hollow', data: yearData(ctx.t, rows, x.text()) };
}

export const yearlyLinesPreset = definePreset<YearlyLinesBindings>({
  name: 'yearly-lines',
  keys: ['rows', 'value', 'years', 'series', 'modelled'],
  read(b) {
    const path = [...b.path, 'series'];
    const v = valueAt(b.source, path);
    const inner = { ...b, path };
    let series: YearlySeries;
    if (isMapping(v) && 'one' in v) series = { one: fieldName(inner, 'one') };
    else if (isMapping(v) && 'countries' in v) series = { countries: Array.isArray(v.countries) ? terms(inner, 'countries') : selector(inner, 'countries'), at: b.source.where([...path, 'countries']) };
    else return fail(b.source, path, 'series: { countries: [...] | <selector> } or { one: <message name> }', v);
    const modelled = valueAt(b.source, [...b.path, 'modelled']);
    if (modelled !== undefined && modelled !== 'unpublished') fail(b.source, [...b.path, 'modelled'], 'modelled: unpublished', modelled);
    return { rows: selector(b, 'rows'), value: fieldName(b, 'value'), years: readYears(b), series, texts: readTexts(b), ...(modelled === 'unpublished' ? { modelled } : {}) };
  },
  build: buildYearlyLines,
});

function readYears(b: BindingSource): Term | readonly [number, number] {
  const path = [...b.path, 'years'];
  const v = valueAt(b.source, path);
  if (Array.isArray(v)) {
    if (v.length !== 2 || !v.every((y) => Number.isInteger(y)) || v[0] > v[1]) fail(b.source, path, 'two years [from, to], or a variable such as $paper_years', v);
    return [v[0], v[1]] as const;
  }
  return readTerm(b.source, path);
}
