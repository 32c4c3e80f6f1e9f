import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/base/i18n.ts';
import { columnHeader, pairData, percentOf, recordsData, rounded, yearData } from '../../src/figures/data.ts';
import { figureCsv } from '../../src/figures/render.ts';
import { bundle } from '../chapters/fixtures.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

const translator = async (locale: 'zh' | 'en') => createTranslator(await bundle(locale), DEFINITIONS_2023);

describe('the data behind a figure', () => {
  it('rounds what is not a whole number', () => {
    expect(rounded(0.10418852080857963)).toBe(0.1);
    expect(rounded(2016.6666)).toBe(2016.67);
    expect(rounded(42)).toBe(42);
    expect(percentOf(0.012369540007730962)).toBe(1.2);
  });

  it('heads columns in the locale\'s words, the field\'s name only when the vocabulary has none', async () => {
    const zh = await translator('zh');
    expect(columnHeader(zh, 'institution')).toBe('机构');
    expect(columnHeader(zh, 'year')).toBe('年份');
    expect(columnHeader(await translator('en'), 'modelled')).toBe('Modelled');
    expect(columnHeader(zh, 'some_field')).toBe('some_field');
  });

  it('gives grouped bars and lines one row a value, the modelled mark only when any is modelled', async () => {
    const en = await translator('en');
    expect(pairData(en, [{ label: 'China', series: 'All', value: 0.5 }], 'Share', { percent: true, labelColumn: 'country' })).toEqual({ header: ['Country', 'Series', 'Share (%)'], rows: [['China', 'All', 50]] });
    expect(yearData(en, [{ year: 2020, series: 'China', value: 3, modelled: true }, { year: 2021, series: 'China', value: 4 }], 'Papers')).toEqual({
      header: ['Year', 'Series', 'Papers', 'Modelled'],
      rows: [[2020, 'China', 3, '*'], [2021, 'China', 4, '']],
    });
  });

  it('falls back to the spec\'s rows for a figure without its own data, headed and rounded', async () => {
    const zh = await translator('zh');
    const csv = figureCsv({ spec: { data: { values: [{ country: '中国', value: 1 / 3 }] } } }, zh);
    expect(csv).toBe('\ufeff国家,数值\r\n中国,0.33\r\n');
    expect(recordsData(zh, []).rows).toEqual([]);
  });
});
