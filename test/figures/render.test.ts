import { describe, expect, it } from 'vitest';
import { countryNames } from '../../src/base/countries.ts';
import { createTranslator } from '../../src/base/i18n.ts';
import { NARROW_WIDTH, renderFigures } from '../../src/figures/render.ts';
import { measureText } from '../../src/fonts/fontsource.ts';
import { metricsWith, realBundle } from '../helpers/fixtures.ts';
import { editionFigures } from '../../src/figures/definitions.ts';
import { bundle, edition, figureNumbers, sampleMetrics } from '../chapters/fixtures.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

const metrics = metricsWith([['US', 525794, 14], ['CN', 506775, 18], ['DE', 151435, 13], ['GB', 137826, 25], ['IN', 122982, 15]]);

async function figure(locale: 'zh' | 'en') {
  const bundle = await realBundle(locale);
  const [fig] = await renderFigures(await figureNumbers([['papers-by-country', 3]]), metrics, createTranslator(bundle, DEFINITIONS_2023), countryNames(locale, bundle.namespaces.countries));
  return fig!;
}

describe('figure "papers by country"', () => {
  it('draws one bar and one value label per country, from the metrics', async () => {
    const fig = await figure('en');
    expect(fig.svg.match(/aria-roledescription="bar"/g)).toHaveLength(5);
    expect(fig.svg.match(/aria-roledescription="text mark"/g)).toHaveLength(5);
    expect(fig.svg).toContain('aria-label="Papers: 525,794; country: United States"');
    expect(fig.svg).toContain('United States');
    expect(fig.label).toBe('Figure 3');
    expect(fig.notes).toEqual(['Note: papers published from 2012 to 2021.', 'Source: AMiner.']);
  });

  it('gives screen readers a title and a description', async () => {
    const fig = await figure('zh');
    expect(fig.svg).toMatch(/^<svg[^>]*role="img" aria-labelledby="fig-papers-by-country-svg-title fig-papers-by-country-svg-desc"/);
    expect(fig.svg).toContain('<title id="fig-papers-by-country-svg-title">各国论文数量（前 5 位）</title>');
    expect(fig.svg).toContain('美国 525,794；中国 506,775');
    expect(fig.label).toBe('图 3');
  });

  it('is the same SVG every time', async () => {
    expect((await figure('zh')).svg).toBe((await figure('zh')).svg);
  });
});

describe('text measurement', () => {
  it('measures with the embedded font: a CJK character is one em, Latin narrower', () => {
    expect(measureText('美国', 10)).toBeCloseTo(20, 5);
    const latin = measureText('United States', 10);
    expect(latin).toBeGreaterThan(50);
    expect(latin).toBeLessThan(0.8 * 10 * 'United States'.length); // vega's estimate would be 104
    expect(measureText('United States', 10, 700)).toBeGreaterThan(latin);
  });
});

describe('every figure of the 2023 edition', () => {
  it('renders from the sample metrics in both locales, with a caption, a source note and readable labels', async () => {
    const metrics = await sampleMetrics();
    const FIGURES = editionFigures((await edition()).figures);
    expect(FIGURES.length).toBeGreaterThan(30);
    for (const locale of ['zh', 'en'] as const) {
      const b = await bundle(locale);
      const figs = await renderFigures(await figureNumbers(FIGURES.map((f, i) => [f.id, i + 1])), metrics, createTranslator(b, DEFINITIONS_2023), countryNames(locale, b.namespaces.countries));
      expect(figs).toHaveLength(FIGURES.length);
      for (const fig of figs) {
        expect(fig.caption, fig.id).not.toBe('');
        // Figures of the data name its source; a timeline of editorial content states its time range.
        const timeline = FIGURES.find((f) => f.id === fig.id)!.scope === 'timeline';
        expect(fig.notes.at(-1), fig.id).toMatch(timeline ? (locale === 'zh' ? /^说明：时间范围为 / : /^Note: events from /) : locale === 'zh' ? /^数据来源：/ : /^Source: /);
        // Labels are never cut short with an ellipsis.
        expect(fig.svg, fig.id).not.toContain('…');
        expect(fig.svg, fig.id).toMatch(/<svg[^>]*role="img"/);
        // The CSV: the data behind the chart, headed in the locale's words, numbers rounded.
        const lines = fig.download.csv.replace(/^\ufeff/, '').trimEnd().split('\r\n');
        expect(lines.length, fig.id).toBeGreaterThan(1);
        const header = lines[0]!.split(',');
        for (const h of header) expect(h, `${fig.id}: ${lines[0]}`).not.toMatch(/^[a-z_]+$/);
        if (locale === 'zh') for (const h of header) expect(h, `${fig.id}: ${lines[0]}`).toMatch(/[\u4e00-\u9fff]/);
        expect(fig.download.csv, fig.id).not.toMatch(/\d\.\d{3,}/);
        expect(fig.download.csv, fig.id).not.toMatch(/,(true|false)(,|\r)/);
        // Drawn again for a phone: no wider than its screen (unless it scrolls, a map), no text under 11 px.
        const narrow = fig.narrow;
        const sizes = (svg: string) => [...svg.matchAll(/font-size="([0-9.]+)px"/g)].map((m) => Number(m[1]));
        const width = (svg: string) => Number(/^<svg[^>]*?\swidth="([0-9.]+)"/.exec(svg)?.[1]);
        if ('svg' in narrow) {
          expect(width(narrow.svg), fig.id).toBeLessThanOrEqual(NARROW_WIDTH);
          expect(Math.min(...sizes(narrow.svg)), fig.id).toBeGreaterThanOrEqual(11);
          expect(narrow.svg, fig.id).toContain(`id="fig-${fig.id}-svg-narrow-title"`);
        } else {
          // Shown enlarged (and scrolling): its smallest text at 11 px.
          expect(fig.id).toMatch(/map/);
          expect(Math.min(...sizes(fig.svg)) * (narrow.scrollWidth / width(fig.svg)), fig.id).toBeGreaterThanOrEqual(11);
        }
      }
    }
  });
});

describe('a figure the data cannot make', () => {
  it('fails naming the figure, not as an internal error', async () => {
    const metrics = structuredClone(await sampleMetrics());
    delete (metrics as unknown as { talent?: unknown }).talent;
    const b = await bundle('en');
    const talent = { id: 'talent-countries' };
    const error = (await renderFigures(await figureNumbers([[talent.id, 1]]), metrics, createTranslator(b, DEFINITIONS_2023), countryNames('en', b.namespaces.countries)).catch((e: Error) => e)) as Error;
    expect(error.name).toBe('ReportError');
    expect(error.message).toContain(`figure "${talent.id}"`);
  });
});
