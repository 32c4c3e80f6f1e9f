/**
 * Modelled values (not printed by the published edition) have one treatment (src/figures/modelled-marks.ts):
 * bars and areas hatched with the SVG's own pattern, points on lines hollow, a key under each chart that
 * has one, and no note under the figure, no `*`, no paler bars.
 */
import { describe, expect, it } from 'vitest';
import { countryNames } from '../../src/base/countries.ts';
import { createTranslator } from '../../src/base/i18n.ts';
import { renderFigures, type RenderedFigure } from '../../src/figures/render.ts';
import { figureHtml } from '../../src/html/document.ts';
import { metricsWith, realBundle } from '../helpers/fixtures.ts';
import { figureNumbers } from '../chapters/fixtures.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

/** The hatched marks of an SVG (modelled-marks.ts): the clip ids of their groups, each defined inside its group. */
const hatchFills = (svg: string) =>
  [...svg.matchAll(/<g class="modelled-hatch"[^>]*clip-path="url\(#([^)]+)\)"[^>]*><clipPath id="([^"]+)">/g)].map((m) => (m[1] === m[2] ? m[1]!.replace(/-\d+$/, '') : `mismatch ${m[1]} ${m[2]}`));
/** What is left of SVG patterns or unresolved hatch fills (none: Chromium prints patterns huge). */
const patterns = (svg: string) => [...svg.matchAll(/<pattern id="([^"]+)"|url\(#modelled-hatch\)/g)].map((m) => m[0]);

/** What a figure shows of the old treatments: a note about modelled values, a `*` label, paler marks. */
function oldTreatments(fig: RenderedFigure): string[] {
  const found: string[] = [];
  if (fig.notes.some((n) => /modelled|模型取值|published edition|原报告未刊印|&#42;/i.test(n))) found.push('note');
  if (/\*<\/text>|&#42;<\/text>/.test(fig.svg)) found.push('mark');
  if (/\sopacity="0\.45"/.test(fig.svg)) found.push('paler');
  return found;
}

describe('modelled values in figures', () => {
  it('are hatched bars with lines clipped to the bar, with a key and no note, `*` or paler bar', async () => {
    const base = metricsWith([['US', 525794, 14], ['CN', 506775, 18], ['JP', 108400, 10]]);
    const calibration = [
      { path: 'papers.by_country', key: { country: 'US' }, field: 'papers', value: 525794, assumed: false },
      { path: 'papers.by_country', key: { country: 'JP' }, field: 'papers', value: 108400, assumed: true },
    ];
    const metrics = { ...base, provenance: { ...base.provenance, calibration } } as typeof base;
    const bundle = await realBundle('en');
    const [fig] = await renderFigures(await figureNumbers([['papers-by-country', 1]]), metrics, createTranslator(bundle, DEFINITIONS_2023), countryNames('en', bundle.namespaces.countries));
    // One modelled value (JP): one hatched bar, pointing at the pattern its own SVG defines.
    expect(hatchFills(fig!.svg)).toEqual(['fig-papers-by-country-svg-hatch']);
    expect(patterns(fig!.svg)).toEqual([]);
    if ('svg' in fig!.narrow) expect(hatchFills(fig!.narrow.svg)).toEqual(['fig-papers-by-country-svg-narrow-hatch']);
    expect(fig!.svg).toContain('>108,400</text>');
    expect(oldTreatments(fig!)).toEqual([]);
    expect(fig!.modelledKey).toMatch(/^<p class="modelled-key" data-modelled="hatch">.*Hatched: a value not printed in the published edition<\/span><\/p>$/);
    // The key is printed under the chart, before the caption.
    expect(figureHtml(fig!)).toMatch(/<\/div><p class="modelled-key"[^]*<figcaption>/);
  });

  it('are not marked when the data are real records', async () => {
    const bundle = await realBundle('en');
    const [fig] = await renderFigures(await figureNumbers([['papers-by-country', 1]]), metricsWith([['US', 5, 1], ['CN', 4, 1]]), createTranslator(bundle, DEFINITIONS_2023), countryNames('en', bundle.namespaces.countries));
    expect(hatchFills(fig!.svg)).toEqual([]);
    expect(patterns(fig!.svg)).toEqual([]);
    expect(fig!.modelledKey).toBeUndefined();
    expect(fig!.notes).toEqual(['Note: papers published from 2012 to 2021.', 'Source: AMiner.']);
    expect(figureHtml(fig!)).not.toContain('modelled-key');
  });

  it('on a map are hatched areas, with the key', async () => {
    const { bundle: readBundle, sampleMetrics } = await import('../chapters/fixtures.ts');
    const base = await sampleMetrics();
    const { province, scholars } = base.talent!.by_province[0]!;
    // A mark needs the place and the calibrated value both.
    const calibration = [{ path: 'talent.by_province', key: { province }, field: 'scholars', value: scholars, assumed: true }];
    const metrics = { ...base, provenance: { ...base.provenance, calibration } } as typeof base;
    const bundle = await readBundle('zh');
    const [fig] = await renderFigures(await figureNumbers([['ch3-talent-provinces-map', 1]]), metrics, createTranslator(bundle, DEFINITIONS_2023), countryNames('zh', bundle.namespaces.countries));
    expect(hatchFills(fig!.svg)).toEqual(['fig-ch3-talent-provinces-map-svg-hatch']);
    expect(oldTreatments(fig!)).toEqual([]);
    expect(fig!.modelledKey).toContain('斜线填充');
  });

  it('on lines are hollow points with their key: every year of a series the edition never printed (Fig. 18)', async () => {
    const { bundle: readBundle, sampleMetrics } = await import('../chapters/fixtures.ts');
    const base = await sampleMetrics();
    // A reconstructed dataset whose calibration holds no value of the high-value series, one of its papers.
    const calibration = [{ path: 'papers', field: 'total', value: base.papers.total, assumed: false }];
    const metrics = { ...base, provenance: { ...base.provenance, calibration } } as typeof base;
    const bundle = await readBundle('en');
    const t = createTranslator(bundle, DEFINITIONS_2023);
    const names = countryNames('en', bundle.namespaces.countries);
    const [fig] = await renderFigures(await figureNumbers([['high-value-yearly', 1]]), metrics, t, names);
    expect(fig!.modelledKey).toMatch(/data-modelled="hollow"/);
    expect(oldTreatments(fig!)).toEqual([]);
    expect(hatchFills(fig!.svg)).toEqual([]);
    // Every point hollow (white), none filled in a series colour.
    const symbols = [...fig!.svg.matchAll(/<g class="mark-symbol role-mark[^"]*"[^>]*>([^]*?)<\/g>/g)].map((m) => [...m[1]!.matchAll(/fill="([^"]+)"/g)].map((f) => f[1]));
    expect(symbols.flat().length).toBeGreaterThanOrEqual(10);
    expect(new Set(symbols.flat())).toEqual(new Set(['white']));
    // Without the edition's `modelled: unpublished`, the same figure of another kind marks nothing: papers-yearly.
    const [papers] = await renderFigures(await figureNumbers([['papers-yearly', 1]]), metrics, t, names);
    expect(papers!.modelledKey).toBeUndefined();
  });
});
