/**
 * Chapter 3's maps: researchers across the home country's provinces, and the net flow of researchers
 * by country. The bars beside them rank the top ten; the maps show every area. Both locales draw the
 * same geometry (src/figures/geo); texts are under `talent:figures.<id>.*` and `talent:map_classes.*`.
 */
import type { BuiltFigure, FigureContext, FigureDefinition } from '../types.ts';
import { chinaProvinces, worldCountries } from '../geo/shapes.ts';
import { choropleth, divergingClasses, sequentialClasses, type MapRow } from '../maps.ts';
import { description, family } from './common.ts';
import * as fmt from '../../chapters/format.ts';
import { MODELLED_MARK, modelledLookup, type Where } from '../../tables/modelled.ts';

const MINUS = '\u2212';

/** A whole number as a map legend prints it; `signed` puts + before gains and a real minus before losses. */
function num(n: number, signed: boolean): string {
  if (n < 0) return `${MINUS}${fmt.integer(-n)}`;
  return signed && n > 0 ? `+${fmt.integer(n)}` : fmt.integer(n);
}

/**
 * The legend's label of each class of a threshold scale over whole numbers: class i holds
 * domain[i-1] ≤ v < domain[i], so its largest value is domain[i] − 1.
 */
export function classLabels(ctx: FigureContext, domain: readonly number[], signed: boolean): string[] {
  const key = 'talent:map_classes';
  const labels: string[] = [];
  for (let i = 0; i <= domain.length; i++) {
    const from = i === 0 ? null : domain[i - 1]!;
    const to = i === domain.length ? null : domain[i]! - 1;
    if (from === null && to === null) labels.push(ctx.t.text(`${key}.all`));
    else if (from === null) labels.push(to! < 0 ? ctx.t.text(`${key}.at_most`, { to: num(to!, signed) }) : ctx.t.text(`${key}.below`, { to: num(to! + 1, signed) }));
    else if (to === null) labels.push(ctx.t.text(`${key}.at_least`, { from: num(from, signed) }));
    else if (from === to) labels.push(num(from, signed));
    else labels.push(ctx.t.text(`${key}.between`, { from: num(from, signed), to: num(to, signed) }));
  }
  return labels;
}

function texts(ctx: FigureContext, id: string, values: Record<string, unknown> = {}) {
  const key = `talent:figures.${id}`;
  return {
    caption: ctx.t.t(`${key}.caption`, values),
    title: ctx.t.text(`${key}.title`, values),
    text: (name: string) => ctx.t.text(`${key}.${name}`, values),
  };
}

/** The mark after a modelled value in the figure's CSV and description (the map cannot show it). */
function marker(ctx: FigureContext) {
  const modelled = modelledLookup(ctx.metrics);
  return (where: Where) => (modelled(where) ? MODELLED_MARK : '');
}

export const talentProvincesMap: FigureDefinition = {
  id: 'ch3-talent-provinces-map',
  scope: 'talent',
  build(ctx): BuiltFigure {
    const mark = marker(ctx);
    const provinces = [...family(ctx.metrics.talent, 'talent').by_province].sort((a, b) => b.scholars - a.scholars || a.province.localeCompare(b.province));
    const rows: MapRow[] = provinces.map((r) => ({
      id: r.province,
      name: ctx.t.text(`regions:${r.province}`),
      scholars: r.scholars,
      high_level: r.high_level,
      modelled: mark(['talent.by_province', { province: r.province }, 'scholars']) || mark(['talent.by_province', { province: r.province }, 'high_level']),
    }));
    const anyModelled = rows.some((r) => r.modelled);
    const data = anyModelled ? rows : rows.map(({ modelled: _, ...r }) => r);
    const classes = sequentialClasses(rows.map((r) => r.scholars as number));
    const x = texts(ctx, 'ch3-talent-provinces-map', { country: ctx.names.name(ctx.focus.home) });
    const spec = choropleth(data, 'scholars', { ...classes, labels: classLabels(ctx, classes.domain, false) }, {
      shapes: chinaProvinces(),
      legendTitle: x.text('legend'),
      noData: x.text('no_data'),
      legendOrient: 'bottom-left',
      outlined: ['CN-SCS'],
    });
    const list = rows.map((r) => `${r.name} ${fmt.integer(r.scholars as number)}${r.modelled}`).join(ctx.t.locale === 'zh' ? '；' : '; ');
    return { spec, caption: x.caption, title: x.title, description: description(ctx, x.title, list), modelled: anyModelled, modelledNote: 'notes.modelled_map' };
  },
};

export const flowsCountriesMap: FigureDefinition = {
  id: 'ch3-flows-countries-map',
  scope: 'flows',
  build(ctx): BuiltFigure {
    const mark = marker(ctx);
    const countries = [...family(ctx.metrics.flows, 'flows').by_country].sort((a, b) => b.net - a.net || a.country.localeCompare(b.country));
    const rows: MapRow[] = countries.map((r) => ({
      id: r.country,
      name: ctx.names.label(r.country),
      inflow: r.inflow,
      outflow: r.outflow,
      net: r.net,
      modelled: mark(['flows.by_country', { country: r.country }, 'net']) || mark(['flows.by_country', { country: r.country }, 'total']),
    }));
    const anyModelled = rows.some((r) => r.modelled);
    const data = anyModelled ? rows : rows.map(({ modelled: _, ...r }) => r);
    const classes = divergingClasses(rows.map((r) => r.net as number));
    const x = texts(ctx, 'ch3-flows-countries-map');
    const spec = choropleth(data, 'net', { ...classes, labels: classLabels(ctx, classes.domain, true) }, {
      shapes: worldCountries(),
      legendTitle: x.text('legend'),
      noData: x.text('no_data'),
      legendOrient: 'bottom',
    });
    const list = rows.map((r) => `${r.name} ${num(r.net as number, true)}${r.modelled}`).join(ctx.t.locale === 'zh' ? '；' : '; ');
    return { spec, caption: x.caption, title: x.title, description: description(ctx, x.title, list), modelled: anyModelled, modelledNote: 'notes.modelled_map' };
  },
};
