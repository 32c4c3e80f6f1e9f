/**
 * A map's screen-reader description (its SVG <desc>) says in words which areas' values the published
 * edition did not print, from the locale's messages, as the rest of the modelled-value treatment does
 * (test/figures/modelled.test.ts): no `*` after a value.
 */
import { describe, expect, it } from 'vitest';
import { countryNames } from '../../src/base/countries.ts';
import { createTranslator } from '../../src/base/i18n.ts';
import { renderFigures } from '../../src/figures/render.ts';
import { bundle as readBundle, figureNumbers, sampleMetrics } from '../chapters/fixtures.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

const desc = (svg: string) => /<desc id="[^"]*">([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';

describe('the map description', () => {
  for (const locale of ['zh', 'en'] as const) {
    it(`names the areas with modelled values in words, with no mark (${locale})`, async () => {
      const base = await sampleMetrics();
      const { province, scholars } = base.talent!.by_province[0]!;
      const calibration = [{ path: 'talent.by_province', key: { province }, field: 'scholars', value: scholars, assumed: true }];
      const metrics = { ...base, provenance: { ...base.provenance, calibration } } as typeof base;
      const b = await readBundle(locale);
      const [fig] = await renderFigures(await figureNumbers([['ch3-talent-provinces-map', 1]]), metrics, createTranslator(b, DEFINITIONS_2023), countryNames(locale, b.namespaces.countries));
      const text = desc(fig!.svg);
      expect(text).not.toContain('*');
      const words = locale === 'zh' ? '图中斜线填充的是原报告未刊印的数值：' : 'Hatched on the map, as the published edition did not print them: ';
      expect(text).toContain(words);
      // One area named after the words: the one whose value the calibration says was not printed.
      const named = text.slice(text.indexOf(words) + words.length).replace(/[。.]$/, '');
      expect(named.split(locale === 'zh' ? '、' : ', ')).toHaveLength(1);
      expect(text.split(named).length).toBeGreaterThan(2); // in the list of values too
    });
  }

  it('has no such sentence when every value was printed', async () => {
    const base = await sampleMetrics();
    const metrics = { ...base, provenance: { ...base.provenance, calibration: [] } } as typeof base;
    const b = await readBundle('en');
    const [fig] = await renderFigures(await figureNumbers([['ch3-talent-provinces-map', 1]]), metrics, createTranslator(b, DEFINITIONS_2023), countryNames('en', b.namespaces.countries));
    expect(desc(fig!.svg)).not.toContain('published edition');
    expect(desc(fig!.svg)).not.toContain('*');
  });
});
