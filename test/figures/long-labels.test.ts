/**
 * A 5,000-character name in the data: the chart draws it cut with an ellipsis to a fixed width (the
 * SVG keeps the figure's width), the CSV download and the description keep it whole, and the build
 * log names it in one warning line. Before, three SVGs were 30,146 px wide.
 */
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';
import { describe, expect, it } from 'vitest';
import { countryNames } from '../../src/base/countries.ts';
import { createTranslator } from '../../src/base/i18n.ts';
import { divergingBars, groupedBars, LABEL_MAX_WIDTH, rankedBars } from '../../src/figures/charts.ts';
import { renderFigures } from '../../src/figures/render.ts';
import { FIGURE_WIDTH } from '../../src/figures/types.ts';
import { renderSvg } from '../../src/figures/vega.ts';
import { measureText } from '../../src/fonts/fontsource.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { bundle, figureNumbers, sampleMetrics } from '../chapters/fixtures.ts';

const LONG = `Institute "of" <Very> Long Names \u00e9\u4e2d ${'x'.repeat(5000)}`;
const svgWidth = (svg: string) => Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(svg)![1]);
/** The text of every <text> element of an SVG, unescaped; a text of several lines (<tspan>s) as its lines joined by a space. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>((?:[^<]|<\/?tspan[^>]*>)*)<\/text>/g)].map((m) =>
    m[1]!.replace(/<\/tspan><tspan[^>]*>/g, ' ').replace(/<\/?tspan[^>]*>/g, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
  );
const draw = (spec: Parameters<typeof renderSvg>[0]) => renderSvg(spec, { id: 'f', title: 't', description: 'd' });

describe('over-long labels in the three charts with a label axis', () => {
  const specs = {
    ranked: rankedBars([{ label: LONG, value: 10 }, { label: 'Short', value: 5 }], 'Papers'),
    grouped: groupedBars([{ label: LONG, series: 'a', value: 3 }, { label: LONG, series: 'b', value: 4 }, { label: 'Short', series: 'a', value: 1 }], 'Papers', ['a', 'b']),
    diverging: divergingBars([{ label: LONG, inflow: 5, outflow: 3, net: 2 }, { label: 'Short', inflow: 1, outflow: 2, net: -1 }], 'People', { inflow: 'in', outflow: 'out' }, (n) => String(n)),
  };

  for (const [name, spec] of Object.entries(specs)) {
    it(`${name}: draws the label cut to the maximum width and keeps the figure's width`, async () => {
      const svg = await draw(spec);
      expect(svgWidth(svg)).toBeLessThanOrEqual(FIGURE_WIDTH + 20);
      const cut = texts(svg).find((t) => t.startsWith('Institute "of" <Very>'))!;
      expect(cut).toMatch(/x…$/);
      // Grouped bars set a long name on two lines (the second cut), each narrower than one line of the others.
      if (name === 'grouped') {
        const element = /<text[^>]*>((?:[^<]|<\/?tspan[^>]*>)*Institute(?:[^<]|<\/?tspan[^>]*>)*)<\/text>/.exec(svg)![1]!;
        const lines = [...element.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
        expect(lines).toHaveLength(2);
        for (const line of lines) expect(measureText(line, 11)).toBeLessThanOrEqual(LABEL_MAX_WIDTH);
      } else expect(measureText(cut, 11)).toBeLessThanOrEqual(LABEL_MAX_WIDTH);
      expect(texts(svg)).toContain('Short');
      // what is drawn is cut; screen readers' aria-labels keep the full name, like the description
      expect(texts(svg).filter((t) => t.includes('x'.repeat(100))).length).toBe(0);
      // the data (what the CSV download is made of) keeps the full text
      expect(JSON.stringify(spec)).toContain(JSON.stringify(LONG).slice(1, -1));
      expect((spec as { usermeta?: unknown }).usermeta).toEqual({ cutLabels: [{ label: LONG, shown: cut }] });
    });
  }

  it('leaves a chart whose labels fit as it was: no label expression, no usermeta', () => {
    const spec = rankedBars([{ label: 'Short', value: 5 }], 'Papers') as unknown as { usermeta?: unknown; encoding: { y: { axis: Record<string, unknown> } } };
    expect(spec.usermeta).toBeUndefined();
    expect(spec.encoding.y.axis).not.toHaveProperty('labelExpr');
  });
});

describe('a figure with an over-long institution name', () => {
  it('keeps the name whole in its CSV and description, and names the cut in one warning line', async () => {
    const metrics = structuredClone(await sampleMetrics()) as MetricsDocument;
    (metrics.papers.by_institution[0] as { name_en: string }).name_en = LONG;
    const b = await bundle('en');
    const warnings: string[] = [];
    const [fig] = await renderFigures(await figureNumbers([['institutions-papers', 4]]), metrics, createTranslator(b, DEFINITIONS_2023), countryNames('en', b.namespaces.countries), renderSvg, (line) => warnings.push(line));
    expect(svgWidth(fig!.svg)).toBeLessThanOrEqual(FIGURE_WIDTH + 20);
    expect(fig!.download.csv.includes('x'.repeat(5000))).toBe(true);
    expect(/<desc[^>]*>[^<]*x{5000}/.test(fig!.svg)).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^en figure 4 \(institutions-papers\): the label "Institute \\"of\\" <Very> Long Names .*x…" \(5\d{3} characters\) is cut to fit the chart/);
  });
});

describe('controls in a name', () => {
  it('never reach the SVG: Vega escapes markup but not controls, and one makes an SVG unparseable alone', async () => {
    const svg = await draw({
      data: { values: [{ name: 'Lab\u0000\u0001\u001f one', v: 3 }] },
      mark: 'bar',
      encoding: { y: { field: 'name', type: 'nominal' }, x: { field: 'v', type: 'quantitative' } },
    } as Parameters<typeof renderSvg>[0]);
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(svg).toContain('Lab\ufffd\ufffd\ufffd one');
  });
});
