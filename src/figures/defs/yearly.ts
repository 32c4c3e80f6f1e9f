/** Yearly figures comparing countries: the home country against its rival, or the leading five. */
import { orderBy, seriesOf } from '../../chapters/facts.ts';
import { yearlyLines, type YearRow } from '../charts.ts';
import type { BuiltFigure, FigureContext, FigureDefinition, Scope } from '../types.ts';
import { description, family, texts } from './common.ts';
import { modelledLookup } from '../../tables/modelled.ts';

type Rows = readonly Readonly<Record<string, unknown>>[];

function lines(ctx: FigureContext, id: string, path: string, list: Rows, field: string, countries: readonly string[], years: readonly [number, number]): BuiltFigure {
  const series = countries.map((c) => ctx.names.label(c));
  const modelled = modelledLookup(ctx.metrics);
  const rows: YearRow[] = countries.flatMap((c, i) =>
    seriesOf(list, c, field, years[0], years[1]).map((p) => ({ year: p.year, series: series[i]!, value: p.value, modelled: modelled([path, { country: c, year: p.year }, field]) })),
  );
  // Captions name the countries as running text does ("the United States"); the legend labels them.
  const x = texts(ctx, id, { a: ctx.names.name(countries[0]!), b: countries[1] ? ctx.names.name(countries[1]) : '', n: countries.length, from: years[0], to: years[1] });
  const last = rows.filter((r) => r.year === years[1]).map((r) => ({ label: `${r.series} ${r.year}`, value: r.value }));
  const list2 = last.map((r) => `${r.label} ${r.value}`).join(ctx.t.locale === 'zh' ? '；' : '; ');
  return { spec: yearlyLines(rows, x.axis(), series), caption: x.caption, title: x.title, description: description(ctx, x.title, list2), modelled: rows.some((r) => r.modelled) };
}

function homeRival(id: string, scope: Scope, pick: (ctx: FigureContext) => { path: string; list: Rows; field: string; years: readonly [number, number] }): FigureDefinition {
  return {
    id,
    scope,
    build(ctx) {
      const { path, list, field, years } = pick(ctx);
      return lines(ctx, id, path, list, field, [ctx.focus.home, ctx.focus.rival], years);
    },
  };
}

export const papersYearly = homeRival('papers-yearly', 'papers', ({ metrics }) => ({ path: 'papers.by_year_country', list: metrics.papers.by_year_country, field: 'papers', years: metrics.provenance.manifest.paper_years }));
export const top1Yearly = homeRival('top1-yearly', 'papers', ({ metrics }) => ({ path: 'papers.by_year_country', list: metrics.papers.by_year_country, field: 'top1', years: metrics.provenance.manifest.paper_years }));
export const patentsYearly = homeRival('patents-yearly', 'patents', ({ metrics }) => ({
  path: 'patents.by_year_country',
  list: family(metrics.patents, 'patents').by_year_country,
  field: 'patents',
  years: metrics.provenance.manifest.patent_years,
}));

/** Yearly high-value patents of the five countries with the most. */
export const highValueYearly: FigureDefinition = {
  id: 'high-value-yearly',
  scope: 'high-value',
  build(ctx) {
    const patents = family(ctx.metrics.patents, 'patents');
    const five = (orderBy(patents.by_country as never, 'high_value') as unknown as { country: string }[]).slice(0, 5).map((r) => r.country);
    return lines(ctx, 'high-value-yearly', 'patents.by_year_country', patents.by_year_country, 'high_value', five, ctx.metrics.provenance.manifest.patent_years);
  },
};

/** Yearly top 1% papers co-authored by the home country and its rival. */
export const collaborationYearly: FigureDefinition = {
  id: 'collaboration-yearly',
  scope: 'collaboration',
  build(ctx) {
    const [a, b] = [ctx.focus.home, ctx.focus.rival].sort();
    const [from, to] = ctx.metrics.provenance.manifest.paper_years;
    const list = ctx.metrics.collaboration.pairs_by_year.filter((p) => p.a === a && p.b === b).map((p) => ({ year: p.year, country: 'pair', n: p.top1_papers }));
    const x = texts(ctx, 'collaboration-yearly', { a: ctx.names.name(ctx.focus.home), b: ctx.names.name(ctx.focus.rival), from, to });
    const label = x.axis('series');
    const modelled = modelledLookup(ctx.metrics);
    const rows = seriesOf(list, 'pair', 'n', from, to).map((p) => ({ year: p.year, series: label, value: p.value, modelled: modelled(['collaboration.pairs_by_year', { a: a!, b: b!, year: p.year }, 'top1_papers']) }));
    return { spec: yearlyLines(rows, x.axis(), [label]), caption: x.caption, title: x.title, description: description(ctx, x.title, rows.map((r) => `${r.year} ${r.value}`).join(', ')), modelled: rows.some((r) => r.modelled) };
  },
};
