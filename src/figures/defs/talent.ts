/** Talent figures (the key points; Chapter 3 shows them in full): by country, by province, flows. */
import { divergingBars, groupedBars, type PairRow } from '../charts.ts';
import type { FigureDefinition } from '../types.ts';
import { TOP, description, family, texts } from './common.ts';
import * as fmt from '../../chapters/format.ts';
import { modelledLookup } from '../../tables/modelled.ts';

function allAndHigh(id: string, path: string, rows: { label: string; key: Record<string, string>; scholars: number; high_level: number }[], ctx: Parameters<FigureDefinition['build']>[0]) {
  const x = texts(ctx, id, { n: rows.length, country: ctx.names.name(ctx.focus.home) });
  const series = [x.axis('series_all'), x.axis('series_high')];
  const modelled = modelledLookup(ctx.metrics);
  const data: PairRow[] = rows.flatMap((r) => [
    { label: r.label, series: series[0]!, value: r.scholars, modelled: modelled([path, r.key, 'scholars']) },
    { label: r.label, series: series[1]!, value: r.high_level, modelled: modelled([path, r.key, 'high_level']) },
  ]);
  const list = rows.map((r) => `${r.label} ${fmt.integer(r.scholars)} / ${fmt.integer(r.high_level)}`).join(ctx.t.locale === 'zh' ? '；' : '; ');
  return { spec: groupedBars(data, x.axis(), series), caption: x.caption, title: x.title, description: description(ctx, x.title, list), modelled: data.some((r) => r.modelled) };
}

export const talentCountries: FigureDefinition = {
  id: 'talent-countries',
  scope: 'talent',
  build(ctx) {
    const rows = family(ctx.metrics.talent, 'talent').by_country.slice(0, TOP).map((r) => ({ label: ctx.names.label(r.country), key: { country: r.country }, scholars: r.scholars, high_level: r.high_level }));
    return allAndHigh('talent-countries', 'talent.by_country', rows, ctx);
  },
};

export const talentProvinces: FigureDefinition = {
  id: 'talent-provinces',
  scope: 'talent',
  build(ctx) {
    const rows = family(ctx.metrics.talent, 'talent').by_province.slice(0, TOP).map((r) => ({ label: ctx.t.text(`regions:${r.province}`), key: { province: r.province }, scholars: r.scholars, high_level: r.high_level }));
    return allAndHigh('talent-provinces', 'talent.by_province', rows, ctx);
  },
};

export const flowsCountries: FigureDefinition = {
  id: 'flows-countries',
  scope: 'flows',
  build(ctx) {
    const flows = family(ctx.metrics.flows, 'flows');
    const modelled = modelledLookup(ctx.metrics);
    const rows = flows.by_country.slice(0, TOP).map((r) => ({
      label: ctx.names.label(r.country),
      inflow: r.inflow,
      outflow: r.outflow,
      net: r.net,
      modelled: modelled(['flows.by_country', { country: r.country }, 'net']) || modelled(['flows.by_country', { country: r.country }, 'total']),
    }));
    const x = texts(ctx, 'flows-countries', { n: rows.length });
    const spec = divergingBars(rows, x.axis(), { inflow: x.axis('inflow'), outflow: x.axis('outflow') }, (n) => ctx.t.text('figures.flows-countries.net', { net: `${n > 0 ? '+' : n < 0 ? '\u2212' : ''}${fmt.integer(Math.abs(n))}` }));
    const list = rows.map((r) => `${r.label} +${r.inflow} −${r.outflow}`).join(ctx.t.locale === 'zh' ? '；' : '; ');
    return { spec, caption: x.caption, title: x.title, description: description(ctx, x.title, list), modelled: rows.some((r) => r.modelled) };
  },
};
