import { describe, expect, it } from 'vitest';
import { decimal, integer, magnitude, month, monthShort, ordinal, percent, yearMonth } from '../../src/chapters/format.ts';

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
