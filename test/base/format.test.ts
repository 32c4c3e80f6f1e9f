import { describe, expect, it } from 'vitest';
import { countWord, decimal, integer, magnitude, month, monthShort, ordinal, percent, percentShown, roman, yearMonth } from '../../src/base/format.ts';

describe('locale formatting', () => {
  it('groups thousands the same way in both locales', () => {
    expect(integer(506775)).toBe('506,775');
    expect(integer(2204950.4)).toBe('2,204,950');
  });
  it('writes magnitudes the way each language counts', () => {
    expect(magnitude('zh', 128000)).toBe('12.8 万');
    expect(magnitude('en', 128000)).toBe('128 thousand');
    expect(magnitude('zh', 320_000_000)).toBe('3.2 亿');
    expect(magnitude('en', 2_204_950)).toBe('2.2 million');
    expect(magnitude('en', 950)).toBe('950');
    // From 100 million, whole millions: the platform's 1.4 亿 scholars are 140 million, not 140.0 million.
    expect(magnitude('en', 140_000_000)).toBe('140 million');
    expect(magnitude('zh', 140_000_000)).toBe('1.4 亿');
    expect(magnitude('en', 12_800_000)).toBe('12.8 million');
    expect(magnitude('en', 1_400_000_000)).toBe('1.4 billion');
  });
  it('prints a positive share too small for its digits as "<0.1%", never "0.0%"', () => {
    expect(percentShown(0.0004)).toBe('<0.1%');
    expect(percentShown(0.0004, 2)).toBe('0.04%');
    expect(percentShown(0.0005)).toBe('0.1%');
    expect(percentShown(0)).toBe('0.0%');
    expect(percentShown(0.123)).toBe(percent(0.123));
  });
  it('numbers appendices with Roman numerals', () => {
    expect([1, 2, 3, 4, 9, 14, 40].map(roman)).toEqual(['I', 'II', 'III', 'IV', 'IX', 'XIV', 'XL']);
    expect(() => roman(0)).toThrow(/Roman numeral/);
    expect(() => roman(1.5)).toThrow(/Roman numeral/);
  });
  it('formats ordinals', () => {
    expect(ordinal('zh', 3)).toBe('第三');
    expect(ordinal('en', 3)).toBe('third');
    expect(ordinal('en', 11)).toBe('11th');
    expect(ordinal('en', 22)).toBe('22nd');
    expect(ordinal('zh', 12)).toBe('第 12');
  });
  it('formats decimals and percentages', () => {
    expect(decimal(2.94, 1)).toBe('2.9');
    expect(percent(0.9638)).toBe('96.4%');
  });
  it('names months in running text, with a year, and on a time axis', () => {
    expect([month('zh', 2), month('en', 2)]).toEqual(['2 月', 'February']);
    expect([yearMonth('zh', 2022, 12), yearMonth('en', 2022, 12)]).toEqual(['2022 年 12 月', 'December 2022']);
    expect([monthShort('zh', 9), monthShort('en', 9)]).toEqual(['9月', 'Sep']);
    expect(() => month('en', 13)).toThrow('expected a month 1 … 12, got 13');
  });
});

describe('countWord (a count before a measure word)', () => {
  it('writes Chinese numerals up to ten, 两 for two, and English words', () => {
    expect([1, 2, 6, 10, 11].map((n) => countWord('zh', n))).toEqual(['一', '两', '六', '十', '11']);
    expect([2, 6, 11].map((n) => countWord('en', n))).toEqual(['two', 'six', '11']);
  });
});

describe('joinList in Chinese', () => {
  it('joins with 、 and 和, keeping a space between Chinese and Latin text', async () => {
    const { joinList } = await import('../../src/chapters/helpers.ts');
    expect(joinList('zh', ['北京', '上海', '广东'])).toBe('北京、上海和广东');
    expect(joinList('zh', ['新一代无线通信', 'XR 技术'])).toBe('新一代无线通信和 XR 技术');
    expect(joinList('zh', ['谷歌', 'IBM', '微软'])).toBe('谷歌、IBM 和微软');
    expect(joinList('en', ['Beijing', 'Shanghai', 'Guangdong'])).toBe('Beijing, Shanghai and Guangdong');
  });
});

describe('figures in running text (no ".0" where a whole number is meant)', () => {
  it('drops a fraction of zeros and keeps every other', async () => {
    const { proseDecimal, withoutZeroFraction } = await import('../../src/base/format.ts');
    expect([8.00003, 1.9895, 2.94, 116.04, 50].map((n) => proseDecimal(n, 1))).toEqual(['8', '2', '2.9', '116', '50']);
    expect(proseDecimal(0.9, 2)).toBe('0.90'); // a fraction with a digit keeps its precision
    expect(withoutZeroFraction('25.0%')).toBe('25%');
    expect(withoutZeroFraction('2017.0 年；12.80%；1.05 倍')).toBe('2017 年；12.80%；1.05 倍');
  });

  it('reaches the chapters\' helpers: ratios, counts with decimals, percentages, years', async () => {
    const Handlebars = (await import('handlebars')).default;
    const { registerHelpers } = await import('../../src/chapters/helpers.ts');
    const hb = Handlebars.create();
    const t = { locale: 'en', t: (key: string, o: Record<string, unknown>) => `${String(o.x ?? o.n)} ${key}`, text: (k: string) => k, object: () => ({}) };
    registerHelpers(hb as never, t as never, { name: (c: string) => c, label: (c: string) => c } as never);
    const render = (src: string) => hb.compile(src)({});
    expect(render('{{ratio 263569 32946}}')).toBe('8 units.times');
    expect(render('{{ratio 29 10}}')).toBe('2.9 units.times');
    expect(render('{{count 50 "citations_per_paper" 1}}')).toBe('50 units.citations_per_paper');
    expect(render('{{pct 0.25}} {{pct 0.2698}} {{pct 0.128}}')).toBe('25% 27% 12.8%');
    expect(render('{{fixed 2017.02 1}} {{fixed 2018.6 0}}')).toBe('2017 2019');
  });
});
