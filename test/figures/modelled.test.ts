import { describe, expect, it } from 'vitest';
import { countryNames } from '../../src/base/countries.ts';
import { createTranslator } from '../../src/base/i18n.ts';
import { renderFigures } from '../../src/figures/render.ts';
import { metricsWith, realBundle } from '../helpers/fixtures.ts';
import { figureNumbers } from '../chapters/fixtures.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

describe('modelled values in ranked figures', () => {
  it('are drawn paler, labelled with the mark, and explained in a note', async () => {
    const base = metricsWith([['US', 525794, 14], ['CN', 506775, 18], ['JP', 108400, 10]]);
    const calibration = [
      { path: 'papers.by_country', key: { country: 'US' }, field: 'papers', value: 525794, assumed: false },
      { path: 'papers.by_country', key: { country: 'JP' }, field: 'papers', value: 108400, assumed: true },
    ];
    const metrics = { ...base, provenance: { ...base.provenance, calibration } } as typeof base;
    const bundle = await realBundle('en');
    const [fig] = await renderFigures(await figureNumbers([['papers-by-country', 1]]), metrics, createTranslator(bundle, DEFINITIONS_2023), countryNames('en', bundle.namespaces.countries));
    expect(fig!.svg).toContain('>108,400*</text>');
    expect(fig!.svg).toContain('>525,794</text>');
    expect(fig!.svg).toMatch(/opacity="0\.45"/);
    expect(fig!.notes[0]).toMatch(/^Paler bars, hollow points and values marked &#42; are modelled: not printed in the published edition/);
  });

  it('are not marked when the data are real records', async () => {
    const bundle = await realBundle('en');
    const [fig] = await renderFigures(await figureNumbers([['papers-by-country', 1]]), metricsWith([['US', 5, 1], ['CN', 4, 1]]), createTranslator(bundle, DEFINITIONS_2023), countryNames('en', bundle.namespaces.countries));
    expect(fig!.svg).not.toContain('*</text>');
    // Only the scope and source notes: no note about modelled values (in any case of the word).
    expect(fig!.notes).toEqual(['Note: papers published from 2012 to 2021.', 'Source: AMiner.']);
    expect(fig!.notes.some((n) => /modelled/i.test(n))).toBe(false);
  });

  it('on a map are the areas marked, and the note says so (not bars or points)', async () => {
    const { bundle: readBundle, sampleMetrics } = await import('../chapters/fixtures.ts');
    const base = await sampleMetrics();
    const { province, scholars } = base.talent!.by_province[0]!;
    // A mark needs the place and the calibrated value both.
    const calibration = [{ path: 'talent.by_province', key: { province }, field: 'scholars', value: scholars, assumed: true }];
    const metrics = { ...base, provenance: { ...base.provenance, calibration } } as typeof base;
    const bundle = await readBundle('en');
    const [fig] = await renderFigures(await figureNumbers([['ch3-talent-provinces-map', 1]]), metrics, createTranslator(bundle, DEFINITIONS_2023), countryNames('en', bundle.namespaces.countries));
    expect(fig!.notes[0]).toMatch(/^Areas marked &#42; have modelled values/);
  });
});
