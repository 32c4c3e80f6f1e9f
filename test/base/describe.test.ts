import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src/base/describe.ts';

describe('describeValue', () => {
  it('writes scalars as they are', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(12.5)).toBe('12.5');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(true)).toBe('true');
    expect(describeValue('206')).toBe('"206"');
  });

  it('cuts a long text to a preview and says how long it is', () => {
    expect(describeValue('x'.repeat(5000))).toBe(`"${'x'.repeat(60)}…" (5000 characters)`);
  });

  it('shows a small object or list as JSON', () => {
    expect(describeValue({ id: 'x', name: '甲' })).toBe('{"id":"x","name":"甲"}');
    expect(describeValue([3])).toBe('[3]');
    expect(describeValue([])).toBe('[]');
  });

  it('names a larger object by its size and first keys, a list by its length and first item', () => {
    const papers = { total: 1, top1_total: 2, top1_thresholds: [], by_country: [], by_institution: [], by_year: [], extra: 'x'.repeat(80) };
    expect(describeValue(papers)).toBe('an object with 7 keys (total, top1_total, top1_thresholds, by_country, by_institution, …)');
    const rows = Array.from({ length: 20 }, (_, i) => ({ country: 'CN', papers: i }));
    expect(describeValue(rows)).toBe('a list of 20 items (the first: an object)');
    expect(describeValue(Array.from({ length: 100 }, (_, i) => i))).toBe('a list of 100 items (the first: 0)');
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    expect(describeValue(cycle)).toBe('an object with 2 keys (a, self)');
  });

  it('stays short for a large value', () => {
    const big = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`key${i}`, 'v'.repeat(100)]));
    expect(describeValue(big).length).toBeLessThan(100);
    expect(describeValue(Array.from({ length: 10000 }, () => big)).length).toBeLessThan(100);
  });
});
