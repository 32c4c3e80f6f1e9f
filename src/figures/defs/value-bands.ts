/** The value distribution of the home country's and the rival's patents: each band's share of the country's patents. */
import { bandLabel } from '../../chapters/bands.ts';
import { groupedBars, type PairRow } from '../charts.ts';
import type { FigureDefinition } from '../types.ts';
import { description, family, texts } from './common.ts';
import * as fmt from '../../chapters/format.ts';
import { modelledLookup } from '../../tables/modelled.ts';

const valueBands: FigureDefinition = {
  id: 'value-bands',
  scope: 'patents',
  build(ctx) {
    const patents = family(ctx.metrics.patents, 'patents');
    const countries = [ctx.focus.home, ctx.focus.rival];
    const series = countries.map((c) => ctx.names.label(c));
    const rows: PairRow[] = [];
    const modelled = modelledLookup(ctx.metrics);
    const bands = [...new Set(patents.value_bands.map((b) => b.band))].filter((b) => b !== 'unknown');
    countries.forEach((c, i) => {
      const own = patents.value_bands.filter((b) => b.country === c);
      const total = own.reduce((s, b) => s + b.patents, 0);
      for (const band of bands) {
        const value = total ? (own.find((b) => b.band === band)?.patents ?? 0) / total : 0;
        rows.push({ label: bandLabel(ctx.t, band), series: series[i]!, value, modelled: modelled(['patents.value_bands', { band, country: c }, 'patents']) });
      }
    });
    const x = texts(ctx, 'value-bands', { a: ctx.names.name(countries[0]!), b: ctx.names.name(countries[1]!) });
    const list = rows.map((r) => `${r.series} ${r.label} ${fmt.percent(r.value)}`).join(ctx.t.locale === 'zh' ? '；' : '; ');
    return { spec: groupedBars(rows, x.axis(), series, { percent: true }), caption: x.caption, title: x.title, description: description(ctx, x.title, list), modelled: rows.some((r) => r.modelled) };
  },
};
export default valueBands;
