/**
 * `grouped-bars`: one group of bars per row (in the selector's order), one bar per series. The
 * series are either fields of the row (`series: { fields: [a, b], texts: [<key>, <key>] }`, each
 * named by a message of the figure's texts) or countries (`series: { countries: [$home, $rival],
 * field: <a {code: n} map of the row> }`, each named by the locale's short country name; a country
 * absent from the map counts 0). Texts get `n` (groups drawn).
 */
import type { Selector, Term } from '../../base/select.ts';
import * as fmt from '../../base/format.ts';
import { groupedBars, type PairRow } from '../charts.ts';
import type { BuiltFigure, FigureBuildContext } from '../types.ts';
import {
  description, fail, fieldName, fieldNames, figureTexts, has, isMapping, labelOf, listSeparator, modelledCheck, numberOf, readLabel, readModelled, readTexts, resolve, rowsOf, selector, terms, valueAt,
  type LabelBinding, type ModelledBinding, type TextsBinding,
} from './bindings.ts';
import { labelColumnOf, pairData } from '../data.ts';
import { definePreset } from './preset.ts';
import { ReportError } from '../../errors.ts';

export type GroupedSeries =
  | { readonly fields: readonly string[]; readonly texts: readonly string[] }
  | { readonly countries: readonly Term[]; readonly field: string; readonly at: string };

export interface GroupedBarsBindings {
  readonly rows: Selector;
  readonly label: LabelBinding;
  readonly series: GroupedSeries;
  readonly modelled?: ModelledBinding;
  readonly texts: TextsBinding;
}

export function buildGroupedBars(b: GroupedBarsBindings, ctx: FigureBuildContext, id: string): BuiltFigure {
  const selection = rowsOf(b.rows, ctx, id);
  const modelled = modelledCheck(ctx, b.modelled, selection);
  const items = selection.rows as readonly Record<string, unknown>[];
  const x = figureTexts(ctx, b.texts, id, { n: items.length });
  const rows: PairRow[] = [];
  let list: string;
  if ('fields' in b.series) {
    const { fields } = b.series;
    const series = b.series.texts.map((name) => x.text(name));
    for (const item of items) {
      const label = labelOf(b.label, item, ctx);
      fields.forEach((f, i) => rows.push({ label, series: series[i]!, value: numberOf(item, f, b.rows.at, id, selection.path), modelled: modelled(item, f) }));
    }
    list = items.map((item) => `${labelOf(b.label, item, ctx)} ${fields.map((f) => fmt.integer(item[f] as number)).join(' / ')}`).join(listSeparator(ctx));
    return { spec: groupedBars(rows, x.text(), series), caption: x.caption, title: x.title, description: description(ctx, x.title, list), modelled: rows.some((r) => r.modelled), data: pairData(ctx.t, rows, x.text(), { labelColumn: labelColumnOf(b.label) }) };
  }
  const { field, at } = b.series;
  const countries = b.series.countries.map((c) => String(resolve(c, ctx, at, id)));
  const series = countries.map((c) => ctx.names.label(c));
  for (const item of items) {
    const counts = item[field];
    if (!isMapping(counts)) throw ReportError.of('figure.binding', { at, id, detail: `${selection.path}.${field} is not a {code: n} map (series: countries draws the countries' counts in such a map)` });
    const label = labelOf(b.label, item, ctx);
    countries.forEach((c, i) => rows.push({ label, series: series[i]!, value: (counts[c] as number | undefined) ?? 0, modelled: modelled(item, field) }));
  }
  list = rows.map((r) => `${r.label} ${r.series} ${fmt.integer(r.value)}`).join(listSeparator(ctx));
  return { spec: groupedBars(rows, x.text(), series), caption: x.caption, title: x.title, description: description(ctx, x.title, list), modelled: rows.some((r) => r.modelled), data: pairData(ctx.t, rows, x.text(), { labelColumn: labelColumnOf(b.label) }) };
}

export const groupedBarsPreset = definePreset<GroupedBarsBindings>({
  name: 'grouped-bars',
  keys: ['rows', 'label', 'series', 'modelled'],
  read(b) {
    const path = [...b.path, 'series'];
    const v = valueAt(b.source, path);
    const inner = { ...b, path };
    let series: GroupedSeries;
    if (isMapping(v) && 'fields' in v) {
      const fields = fieldNames(inner, 'fields');
      const texts = fieldNames(inner, 'texts');
      if (texts.length !== fields.length) fail(b.source, [...path, 'texts'], `one message name per field (${fields.length})`, v.texts);
      series = { fields, texts };
    } else if (isMapping(v) && 'countries' in v) {
      series = { countries: terms(inner, 'countries'), field: fieldName(inner, 'field'), at: b.source.where([...path, 'countries']) };
    } else return fail(b.source, path, 'series: { fields: [...], texts: [...] } or { countries: [...], field: <map field> }', v);
    return { rows: selector(b, 'rows'), label: readLabel(b), series, ...(has(b, 'modelled') ? { modelled: readModelled(b)! } : {}), texts: readTexts(b) };
  },
  build: buildGroupedBars,
});
