/** The map of all researchers (Fig. 21 of 2023) does not carry the high-level researchers' definition. */
import { describe, expect, it } from 'vitest';
import { countryNames } from '../../src/base/countries.ts';
import { createTranslator } from '../../src/base/i18n.ts';
import { renderFigures } from '../../src/figures/render.ts';
import { bundle, figureNumbers, sampleMetrics } from '../chapters/fixtures.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

describe('the map of researchers by province', () => {
  it('has a source note and no high-level definition, in both locales; the bars of high-level researchers keep theirs', async () => {
    for (const locale of ['zh', 'en'] as const) {
      const b = await bundle(locale);
      const t = createTranslator(b, DEFINITIONS_2023);
      const [bars, map] = await renderFigures(await figureNumbers([['ch3-talent-provinces', 1], ['ch3-talent-provinces-map', 2]]), await sampleMetrics(), t, countryNames(locale, b.namespaces.countries));
      const definition = locale === 'zh' ? '高层次人才指' : 'high-level researchers are those';
      expect(map!.notes.join('\n')).not.toContain(definition);
      expect(map!.notes.at(-1)).toMatch(locale === 'zh' ? /^数据来源：/ : /^Source: /);
      expect(bars!.notes.join('\n')).toContain(definition);
    }
  });
});
