import { describe, expect, it } from 'vitest';
import * as f from '../../src/base/facts.ts';

const series = (values: number[], from = 2012) => values.map((value, i) => ({ year: from + i, value }));

describe('facts', () => {
  const list = [
    { id: 'a', n: 5 },
    { id: 'b', n: 9 },
    { id: 'c', n: 5 },
    { id: 'd', n: 1 },
  ];

  it('ranks by a field, ties sharing the better rank', () => {
    expect(f.rankBy(list, 'id', 'b', 'n')).toBe(1);
    expect(f.rankBy(list, 'id', 'a', 'n')).toBe(2);
    expect(f.rankBy(list, 'id', 'c', 'n')).toBe(2);
    expect(f.rankBy(list, 'id', 'd', 'n')).toBe(4);
    expect(() => f.rankBy(list, 'id', 'z', 'n')).toThrow('no item with id = z');
  });

  it('orders and takes the first n, stable on ties, nulls last', () => {
    expect(f.topBy(list, 'n', 3).map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(f.orderBy([{ v: null }, { v: 2 }, { v: 3 }], 'v').map((x) => x.v)).toEqual([3, 2, null]);
  });

  it('computes ratios and shares, refusing a zero denominator', () => {
    expect(f.ratioOf(387989, 133789)).toBeCloseTo(2.9, 1);
    expect(f.shareOf(1650, 12859)).toBeCloseTo(0.128, 3);
    expect(() => f.ratioOf(1, 0)).toThrow('ratio of 1 to 0');
  });

  it('counts list members by a field, most first', () => {
    expect(f.countBy([{ c: 'CN' }, { c: 'US' }, { c: 'CN' }], 'c')).toEqual([{ value: 'CN', n: 2 }, { value: 'US', n: 1 }]);
    expect(f.countAbove(list, 'n', 5)).toBe(1);
    expect(f.sumOf(list, 'n')).toBe(20);
  });

  it('builds a yearly series with every year, 0 where a country has no row', () => {
    const rows = [{ year: 2020, country: 'CN', papers: 3 }, { year: 2021, country: 'CN', papers: 4 }, { year: 2021, country: 'US', papers: 9 }];
    expect(f.seriesOf(rows, 'US', 'papers', 2020, 2021)).toEqual([{ year: 2020, value: 0 }, { year: 2021, value: 9 }]);
  });

  it('finds the first year A exceeds B and stays ahead', () => {
    const pair = (a: number[], b: number[]) => f.pairSeries(series(a), series(b));
    expect(f.crossingYear(pair([1, 2, 5, 6], [3, 3, 3, 3]))).toBe(2014);
    // Ahead once, behind again, then ahead for good: the later year counts.
    expect(f.crossingYear(pair([4, 2, 5, 6], [3, 3, 3, 3]))).toBe(2014);
    expect(f.crossingYear(pair([4, 4, 4], [3, 3, 3]))).toBe(2012);
    expect(f.crossingYear(pair([4, 4, 2], [3, 3, 3]))).toBeNull();
    // Level is not ahead.
    expect(f.crossingYear(pair([1, 3, 4], [3, 3, 3]))).toBe(2014);
    expect(f.behindYears(pair([1, 2, 5], [3, 3, 3]), 2014)).toEqual({ from: 2012, to: 2013 });
  });

  it('computes growth, peaks and trends', () => {
    const s = series([100, 150, 150, 120]);
    expect(f.growthIn(s, 2013)).toBeCloseTo(0.5);
    expect(f.growthIn(s, 2015)).toBeCloseTo(-0.2);
    expect(f.growthIn(series([0, 5]), 2013)).toBeNull();
    expect(f.peakOf(s)).toEqual({ year: 2013, value: 150 });
    expect(f.trendOf(s)).toBe('up');
    expect(f.trendOf(series([5, 9, 3]))).toBe('down');
    expect(f.howMany([true, true])).toBe('all');
    expect(f.howMany([true, false])).toBe('some');
  });

  it('finds the year growth starts slowing for good (two years at least)', () => {
    // Growth: +100%, +50%, +20%, -10%: slowing since 2014.
    expect(f.slowingSince(series([10, 20, 30, 36, 32.4]))).toBe(2014);
    // A single fall in the last year is not a trend.
    expect(f.slowingSince(series([10, 20, 40, 60]))).toBeNull();
    expect(f.slowingSince(series([10, 11, 13, 17]))).toBeNull();
  });

  it('finds where B overtakes A along ordered bands', () => {
    expect(f.switchIndex([{ a: 9, b: 1 }, { a: 5, b: 2 }, { a: 1, b: 3 }, { a: 0, b: 2 }])).toBe(2);
    expect(f.switchIndex([{ a: 9, b: 1 }])).toBeNull();
  });
  it('sets two countries side by side per band, by the field asked for', () => {
    const bands = [
      { country: 'AA', band: 'low', patents: 5, papers: 1 },
      { country: 'BB', band: 'low', patents: 2, papers: 7 },
      { country: 'AA', band: 'high', patents: 3, papers: 0 },
      { country: 'AA', band: 'unknown', patents: 9, papers: 9 },
    ];
    expect(f.bandPairs(bands, 'patents', 'AA', 'BB')).toEqual([{ band: 'low', a: 5, b: 2 }, { band: 'high', a: 3, b: 0 }]);
    expect(f.bandPairs(bands, 'papers', 'BB', 'AA')).toEqual([{ band: 'low', a: 7, b: 1 }, { band: 'high', a: 0, b: 0 }]);
  });
  it("gives a country pair's yearly series of a field, in either order of the two", () => {
    const pairs = [
      { a: 'AA', b: 'BB', year: 2001, n: 4, m: 1 },
      { a: 'AA', b: 'BB', year: 2002, n: 6, m: 2 },
      { a: 'AA', b: 'CC', year: 2001, n: 9, m: 9 },
    ];
    expect(f.pairYears(pairs, 'n', 'BB', 'AA', 2001, 2002)).toEqual(f.pairYears(pairs, 'n', 'AA', 'BB', 2001, 2002));
    expect(f.pairYears(pairs, 'm', 'AA', 'BB', 2001, 2002).map((x) => x.value)).toEqual([1, 2]);
  });
});
