import { describe, expect, it } from 'vitest';
import { frontierRaw } from '../../../../data/2023/generator/topics.ts';
import { apportion, apportionSoft, pairKey, rng } from '../../../../data/2023/generator/util.ts';

describe('apportion', () => {
  it('splits a total exactly, in proportion, largest remainder first', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });
  it('never exceeds a cap and hands the excess to the others', () => {
    const parts = apportion(100, [10, 1, 1], [50, 100, 100]);
    expect(parts).toEqual([50, 25, 25]);
  });
  it('refuses a total above the caps, unless soft', () => {
    expect(() => apportion(10, [1, 1], [3, 3])).toThrow(/exceeds/);
    expect(apportionSoft(10, [1, 1], [3, 3])).toEqual([5, 5]);
  });
  it('gives equal parts when every weight is zero', () => {
    expect(apportion(4, [0, 0])).toEqual([2, 2]);
  });
});

describe('helpers', () => {
  it('seeded streams repeat', () => {
    const a = rng('x');
    const b = rng('x');
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
  it('writes pairs in alphabetical order', () => {
    expect(pairKey('US', 'CN')).toBe('CN-US');
  });
  it('computes the frontier raw value as docs/data-contract.md defines it', () => {
    // The contract's example: 6, 10, 9 → 25/3 · e^0.18 ≈ 9.977; 4, 7, 4 → 5.
    expect(frontierRaw([6, 10, 9]).raw).toBeCloseTo(9.977, 3);
    expect(frontierRaw([4, 7, 4]).raw).toBeCloseTo(5, 9);
  });
});
