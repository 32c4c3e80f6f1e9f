/**
 * Every figure of the report: its data, drawn from the metrics document, and its Vega-Lite spec.
 * Text (caption, axis titles, description for screen readers) comes from the locale.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CountryNames } from '../chapters/countries.ts';
import * as fmt from '../chapters/format.ts';
import type { Translator } from '../chapters/i18n.ts';
import type { MetricsDocument } from '../metrics/document.ts';

export interface FigureContext {
  readonly metrics: MetricsDocument;
  readonly t: Translator;
  readonly names: CountryNames;
}

export interface FigureDefinition {
  readonly id: string;
  /** Which scope note goes under the figure. */
  readonly scope: 'papers';
  /** caption: markup (escaped for markdown); title and description: plain text for screen readers. */
  build(ctx: FigureContext): { spec: TopLevelSpec; caption: string; title: string; description: string };
}

/** Page area width at A4 with the report's margins, in CSS px: figures are drawn to fit it. */
export const FIGURE_WIDTH = 600;

const papersByCountry: FigureDefinition = {
  id: 'papers-by-country',
  scope: 'papers',
  build({ metrics, t, names }) {
    const rows = metrics.papers.by_country.slice(0, 10).map((r) => ({ country: names.label(r.country), papers: r.papers }));
    const n = rows.length;
    const key = 'figures.papers-by-country';
    const spec: TopLevelSpec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: FIGURE_WIDTH - 150,
      height: { step: 22 },
      data: { values: rows },
      encoding: {
        y: { field: 'country', type: 'nominal', sort: null, title: null, axis: { ticks: false, domain: false, labelPadding: 6 } },
        x: { field: 'papers', type: 'quantitative', title: t.t(`${key}.axis_papers`), axis: { format: ',d', tickCount: 5 } },
      },
      layer: [
        { mark: { type: 'bar', height: { band: 0.7 } } },
        { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'papers', type: 'quantitative', format: ',d' } } },
      ],
    };
    const list = rows.map((r) => `${r.country} ${fmt.integer(r.papers)}`).join(t.locale === 'zh' ? '；' : '; ');
    return {
      spec,
      caption: t.t(`${key}.caption`, { n }),
      title: t.text(`${key}.title`, { n }),
      description: t.text(`${key}.description`, { n, list }),
    };
  },
};

export const FIGURES: readonly FigureDefinition[] = [papersByCountry];
