/** Map classes a reader can tell apart: neighbouring classes at least ΔE 10 (CIE 1976) apart. */
import { describe, expect, it } from 'vitest';
import { divergingClasses, sequentialClasses } from '../../src/figures/maps.ts';

function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const [x, y, z] = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]!));

function neighbours(range: readonly string[]): number[] {
  return range.slice(1).map((c, i) => deltaE(range[i]!, c));
}

describe('map palettes', () => {
  it('keep neighbouring classes of a sequential map apart, for every number of classes', () => {
    // Spread from 2 to 6 classes: values over 1 to 5 orders of magnitude.
    for (const [values, classes] of [[[10, 30], 2], [[10, 1000], 3], [[313, 24049], 5], [[1, 100000], 6], [[1, 100000], 4]] as const) {
      const c = sequentialClasses([...values], classes);
      expect(c.range.length, `${values} in ${classes}`).toBe(c.domain.length + 1);
      for (const d of neighbours(c.range)) expect(d, `${c.range}`).toBeGreaterThanOrEqual(10);
    }
  });

  it('keep neighbouring classes of a diverging map apart, zero included', () => {
    const c = divergingClasses([-684, -100, -26, -2, 40, 835]);
    for (const d of neighbours(c.range)) expect(d, `${c.range}`).toBeGreaterThanOrEqual(10);
  });
});
