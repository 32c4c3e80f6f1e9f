import { describe, expect, it } from 'vitest';
import { bandBounds, bandLabel } from '../../src/base/bands.ts';
import { cardinal, money, numeral, share } from '../../src/base/format.ts';
import { createTranslator } from '../../src/base/i18n.ts';
import { bundle } from '../chapters/fixtures.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

describe('money and counts in words', () => {
  it('writes dollar amounts the way each language does', () => {
    expect(money('zh', 1_000_000)).toBe('100 万美元');
    expect(money('zh', 300_000)).toBe('30 万美元');
    expect(money('zh', 20_000_000)).toBe('2,000 万美元');
    expect(money('en', 1_000_000)).toBe('USD 1 million');
    expect(money('en', 300_000)).toBe('USD 300,000');
  });

  it('spells out small counts in English, digits in Chinese; heading numerals', () => {
    expect(cardinal('en', 7)).toBe('seven');
    expect(cardinal('en', 12)).toBe('12');
    expect(cardinal('zh', 7)).toBe('7');
    expect(numeral('zh', 10)).toBe('十');
    expect(numeral('en', 10)).toBe('10');
  });

  it('gives small shares two decimals, others one', () => {
    expect(share(0.0042)).toBe('0.42%');
    expect(share(0.128)).toBe('12.8%');
  });
});

describe('value bands', () => {
  it('reads bounds from the band names the metrics use', () => {
    expect(bandBounds('30k-300k')).toEqual([30_000, 300_000]);
    expect(bandBounds('600k-3M')).toEqual([600_000, 3_000_000]);
    expect(bandBounds('20M+')).toEqual([20_000_000, null]);
    expect(bandBounds('unknown')).toBeNull();
    expect(() => bandBounds('cheap')).toThrow('not a value band: cheap');
  });

  it('labels them in each language, amounts formatted, none typed', async () => {
    const zh = createTranslator(await bundle('zh'), DEFINITIONS_2023);
    const en = createTranslator(await bundle('en'), DEFINITIONS_2023);
    expect(bandLabel(zh, '10k-30k')).toBe('1 万–3 万美元');
    expect(bandLabel(en, '10k-30k')).toBe('USD 10,000–30,000');
    expect(bandLabel(en, '600k-3M')).toBe('USD 600,000–3 million');
    expect(bandLabel(zh, '0-10k')).toBe('1 万美元以下');
    expect(bandLabel(en, '20M+')).toBe('USD 20 million and above');
    expect(bandLabel(zh, 'unknown')).toBe('价值未知');
  });
});
