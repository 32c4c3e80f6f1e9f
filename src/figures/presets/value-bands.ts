/**
 * `value-bands`: each country's patents by value band as shares of its own patents, one group of
 * bars per band (bands in the rows' order, `skip` left out), one bar per country. `rows` selects
 * the value-band rows (`band`, `country`, `patents`).
 */
import { pairData } from '../data.ts';
import type { Selector, Term } from '../../base/select.ts';
import { bandLabel } from '../../base/bands.ts';
import * as fmt from '../../base/format.ts';
import { modelledLookup } from '../../base/modelled.ts';
import { groupedBars, type PairRow } from '../charts.ts';
import type { BuiltFigure, FigureBuildContext } from '../types.ts';
import { description, fieldNames, figureTexts, has, listSeparator, readTexts, resolve, rowsOf, selector, terms, type TextsBinding } from './bindings.ts';
import { definePreset } from './preset.ts';

export interface ValueBandsBindings {
  readonly rows: Selector;
  readonly countries: readonly Term[];
  readonly skip: readonly string[];
  readonly at: string;
  readonly texts: TextsBinding;
}

type BandRow = { readonly band: string; readonly country: string; readonly patents: number };

export function buildValueBands(b: ValueBandsBindings, ctx: FigureBuildContext, id: string): BuiltFigure {
  const selection = rowsOf(b.rows, ctx, id);
  const list = selection.rows as readonly BandRow[];
  const countries = b.countries.map((c) => String(resolve(c, ctx, b.at, id)));
  const series = countries.map((c) => ctx.names.label(c));
  const modelled = modelledLookup(ctx.metrics);
  const bands = [...new Set(list.map((r) => r.band))].filter((band) => !b.skip.includes(band));
  const rows: PairRow[] = [];
  countries.forEach((c, i) => {
    const own = list.filter((r) => r.country === c);
    const total = own.reduce((s, r) => s + r.patents, 0);
    for (const band of bands) {
      const value = total ? (own.find((r) => r.band === band)?.patents ?? 0) / total : 0;
      rows.push({ label: bandLabel(ctx.t, band), series: series[i]!, value, modelled: modelled([selection.path, { band, country: c }, 'patents']) });
    }
  });
  const x = figureTexts(ctx, b.texts, id, {});
  const listText = rows.map((r) => `${r.series} ${r.label} ${fmt.percentShown(r.value)}`).join(listSeparator(ctx));
  return { spec: groupedBars(rows, x.text(), series, { percent: true }), caption: x.caption, title: x.title, description: description(ctx, x.title, listText), modelled: rows.some((r) => r.modelled), data: pairData(ctx.t, rows, x.text(), { percent: true, labelColumn: 'band' }) };
}

export const valueBandsPreset = definePreset<ValueBandsBindings>({
  name: 'value-bands',
  keys: ['rows', 'countries', 'skip'],
  read: (b) => ({
    rows: selector(b, 'rows'),
    countries: terms(b, 'countries'),
    skip: has(b, 'skip') ? fieldNames(b, 'skip') : [],
    at: b.source.where([...b.path, 'countries']),
    texts: readTexts(b),
  }),
  build: buildValueBands,
});
