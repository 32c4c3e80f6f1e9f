/**
 * Chapter 3's own figures: moves in and out of cities, and the pairs of countries that co-author the
 * most top papers. Their texts are in the chapter's namespace: `talent:figures.<id>.*`.
 */
import { describe, divergingBars, rankedBars } from '../charts.ts';
import type { FigureContext, FigureDefinition } from '../types.ts';
import { TOP, description, family } from './common.ts';
import * as fmt from '../../chapters/format.ts';
import { modelledLookup } from '../../tables/modelled.ts';

/** Messages of a Chapter 3 figure: as `texts` in common.ts, under the "talent" namespace. */
function talentTexts(ctx: FigureContext, id: string, values: Record<string, unknown>) {
  const key = `talent:figures.${id}`;
  return {
    caption: ctx.t.t(`${key}.caption`, values),
    title: ctx.t.text(`${key}.title`, values),
    axis: (name = 'axis') => ctx.t.text(`${key}.${name}`, values),
  };
}

/** A city's name in the locale; the English name the data carry when the locale has none. */
export function cityName(ctx: FigureContext, city: string): string {
  return ctx.t.text(`talent:city_names.${city}`, { defaultValue: city });
}

export const flowsCities: FigureDefinition = {
  id: 'ch3-flows-cities',
  // Not 'flows': its note defines a move between countries.
  scope: 'flows-cities',
  build(ctx) {
    const flows = family(ctx.metrics.flows, 'flows');
    const modelled = modelledLookup(ctx.metrics);
    const rows = [...flows.by_city]
      .sort((a, b) => b.total - a.total)
      .slice(0, TOP)
      .map((r) => ({
        label: cityName(ctx, r.city),
        inflow: r.inflow,
        outflow: r.outflow,
        net: r.net,
        modelled: modelled(['flows.by_city', { city: r.city }, 'net']) || modelled(['flows.by_city', { city: r.city }, 'total']),
      }));
    const x = talentTexts(ctx, 'ch3-flows-cities', { n: rows.length });
    const spec = divergingBars(rows, x.axis(), { inflow: x.axis('inflow'), outflow: x.axis('outflow') }, (n) => ctx.t.text('talent:figures.ch3-flows-cities.net', { net: `${n > 0 ? '+' : n < 0 ? '\u2212' : ''}${fmt.integer(Math.abs(n))}` }));
    const list = rows.map((r) => `${r.label} +${r.inflow} −${r.outflow}`).join(ctx.t.locale === 'zh' ? '；' : '; ');
    return { spec, caption: x.caption, title: x.title, description: description(ctx, x.title, list), modelled: rows.some((r) => r.modelled) };
  },
};

export const collaborationPairs: FigureDefinition = {
  id: 'ch3-collaboration-pairs',
  scope: 'collaboration',
  build(ctx) {
    const modelled = modelledLookup(ctx.metrics);
    const [from, to] = ctx.metrics.provenance.manifest.paper_years;
    const data = ctx.metrics.collaboration.pairs.slice(0, TOP).map((p) => ({
      label: `${ctx.names.label(p.a)}–${ctx.names.label(p.b)}`,
      value: p.top1_papers,
      modelled: modelled(['collaboration.pairs', { a: p.a, b: p.b }, 'top1_papers']),
    }));
    const x = talentTexts(ctx, 'ch3-collaboration-pairs', { n: data.length, from, to });
    const spec = rankedBars(data, x.axis());
    return { spec, caption: x.caption, title: x.title, description: description(ctx, x.title, describe(ctx.t.locale, data)), modelled: data.some((r) => r.modelled) };
  },
};
