import { describe, expect, it } from 'vitest';
import * as p from '../../src/base/predicates.ts';

const pairs = (rows: [number, number, number][]) => rows.map(([year, a, b]) => ({ year, a, b }));

describe('claim predicates', () => {
  it('compare two values, frozen, saying what they compared', () => {
    const c = p.more(3, 2);
    expect(c).toEqual({ predicate: 'more', values: { a: 3, b: 2 }, holds: true });
    expect(Object.isFrozen(c)).toBe(true);
    expect(p.more(0, 0).holds).toBe(false);
    expect(p.fewer(1, 2).holds).toBe(true);
    expect(p.same(2, 2).holds).toBe(true);
    expect(p.positive(0).holds).toBe(false);
    expect(() => p.more(Number.NaN, 1)).toThrow(/expected a number/);
  });

  it('leads, isMax and distinctAt refuse ties', () => {
    const list = [{ country: 'A', n: 10 }, { country: 'B', n: 10 }, { country: 'C', n: 5 }, { country: 'D', n: 5 }];
    expect(p.leads(list, 'n').holds).toBe(false);
    expect(p.leads(list.slice(1), 'n').holds).toBe(true);
    expect(p.tiedLead(list, 'n').holds).toBe(true);
    expect(p.isMax(list, 'n', list[0]!).holds).toBe(false);
    expect(p.isMax(list.slice(1), 'n', list[1]!).holds).toBe(true);
    // "A, followed by B and C" cuts the tie of C and D.
    expect(p.distinctAt(list, 'n', 3).holds).toBe(false);
    expect(p.distinctAt(list, 'n', 2).holds).toBe(true);
    expect(p.distinctAt(list, 'n', 4).holds).toBe(true);
    expect(p.strictlyOrdered(list.slice(1), 'n', 2).holds).toBe(false);
  });

  it('every year, crossings and spans are checked year by year', () => {
    // B ahead in 2012 and 2014, A in 2013: "B every year from 2012 to 2014, A ahead from 2015" is false.
    const s = pairs([[2012, 1, 2], [2013, 3, 2], [2014, 1, 2], [2015, 5, 2], [2016, 6, 2]]);
    expect(p.everyYear(s, 'behind', 2012, 2014)).toMatchObject({ holds: false, values: { failing: [2013] } });
    expect(p.crossed(s, 2015).holds).toBe(false);
    expect(p.aheadSince(s, 2015).holds).toBe(true);
    expect(p.crossed(pairs([[2012, 1, 2], [2013, 1, 2], [2014, 3, 2]]), 2014).holds).toBe(true);
    // Ahead from the first year: no crossing observed.
    expect(p.crossed(pairs([[2012, 3, 2], [2013, 3, 2]]), 2012).holds).toBe(false);
    expect(p.everyYear(s, 'ahead', 2015, 2016).holds).toBe(true);
    expect(p.span(2012, 2012).holds).toBe(false);
  });

  it('sets, trends, gaps and switches', () => {
    const ten = [{ country: 'A' }, { country: 'B' }, { country: 'C' }];
    expect(p.setEquals([ten[2]!, ten[0]!, ten[1]!], ten, 'country').holds).toBe(true);
    expect(p.setEquals([ten[0]!, ten[0]!, ten[1]!], ten, 'country').holds).toBe(false);
    const series = [{ year: 1, value: 3 }, { year: 2, value: 1 }, { year: 3, value: 4 }];
    expect(p.grows(series).holds).toBe(true);
    expect(p.falls(series).holds).toBe(false);
    expect(p.grows(series.slice(0, 1)).holds).toBe(false);
    expect(p.gapWidens(pairs([[1, 3, 2], [2, 9, 2]])).holds).toBe(true);
    expect(p.gapWidens(pairs([[1, 9, 2], [2, 3, 2]])).holds).toBe(false);
    const bands = [{ a: 10, b: 22 }, { a: 8, b: 3 }, { a: 1, b: 5 }];
    // The home country is behind in the lowest band: no clean switch at 2.
    expect(p.switchesAt(bands, 2).holds).toBe(false);
    expect(p.behindFrom(bands, 2).holds).toBe(true);
    expect(p.switchesAt(bands.slice(1), 1).holds).toBe(true);
  });

  it('combine', () => {
    expect(p.all(p.more(2, 1), p.more(1, 2)).holds).toBe(false);
    expect(p.any(p.more(2, 1), p.more(1, 2)).holds).toBe(true);
    expect(p.not(p.more(1, 2))).toMatchObject({ predicate: 'not(more)', holds: true });
  });
});

describe('titles, slowing growth, peaks, counts and declarations', () => {
  const series = (rows: [number, number][]) => rows.map(([year, value]) => ({ year, value }));

  it('ranked: the list is ordered largest first (ties allowed) and, given the whole list, is its head', () => {
    const whole = [{ country: 'A', n: 9 }, { country: 'B', n: 5 }, { country: 'C', n: 5 }, { country: 'D', n: 1 }];
    expect(p.ranked(whole, 'n').holds).toBe(true);
    expect(p.ranked(whole.slice(0, 2), 'n', whole).holds).toBe(true);
    expect(p.ranked([whole[1]!, whole[0]!], 'n')).toMatchObject({ holds: false, values: { out_of_order: [1] } });
    // Showing A and D leaves out B and C, which have more than D.
    expect(p.ranked([whole[0]!, whole[3]!], 'n', whole)).toMatchObject({ holds: false, values: { left_out_above: 2 } });
    // Items without ids (pairs of countries) are counted, not matched; blank values may only close the list.
    const pairs = [{ a: 'X', b: 'Y', n: 3 }, { a: 'X', b: 'Z', n: 2 }, { a: 'Y', b: 'Z', n: null }];
    expect(p.ranked(pairs.slice(0, 2).map((x) => ({ ...x })), 'n', pairs).holds).toBe(true);
    expect(p.ranked([pairs[1]!], 'n', pairs).holds).toBe(false);
    expect(p.ranked(pairs, 'n').holds).toBe(true);
    expect(p.ranked([pairs[2]!, pairs[0]!], 'n').holds).toBe(false);
    expect(p.ranked([], 'n').holds).toBe(false);
    // An empty list is the head of an empty one ("no country gained researchers"), not of a full one.
    expect(p.ranked([], 'n', []).holds).toBe(true);
    expect(p.ranked([], 'n', whole).holds).toBe(false);
  });

  it('slowing: the growth rate falls every year from `since` to the last year, two years at least', () => {
    // Rates: 2021 +100 %, 2022 +50 %, 2023 +10 %.
    const s = series([[2020, 10], [2021, 20], [2022, 30], [2023, 33]]);
    expect(p.slowing(s, 2022).holds).toBe(true);
    // One fall is not "every year since".
    expect(p.slowing(s, 2023).holds).toBe(false);
    // 2021 has no rate before it to be lower than.
    expect(p.slowing(s, 2021).holds).toBe(false);
    // The rate rises in 2023: not slowing since 2022.
    const up = series([[2020, 10], [2021, 20], [2022, 30], [2023, 60]]);
    expect(p.slowing(up, 2022)).toMatchObject({ holds: false, values: { failing: [2023] } });
  });

  it('peakAt: the year is strictly the highest', () => {
    const s = series([[2020, 1], [2021, 5], [2022, 3]]);
    expect(p.peakAt(s, 2021).holds).toBe(true);
    expect(p.peakAt(s, 2022).holds).toBe(false);
    expect(p.peakAt(series([[2020, 5], [2021, 5]]), 2021).holds).toBe(false);
    expect(p.peakAt(s, 1999).holds).toBe(false);
  });

  it('countIs: exactly k of the flags hold', () => {
    expect(p.countIs([true, false, true], 2).holds).toBe(true);
    expect(p.countIs([true, false, true], 3)).toMatchObject({ holds: false, values: { k: 3, counted: 2, of: 3 } });
    expect(p.countIs([], 0).holds).toBe(true);
  });

  it('declarations always hold and say what they are; an unknown kind is refused', () => {
    for (const kind of p.DECLARATIONS) expect(p.declared(kind)).toEqual({ predicate: kind, values: null, holds: true });
    expect(() => p.declared('opinion' as never)).toThrow(/expected one of/);
  });
});
