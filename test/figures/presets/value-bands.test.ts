import { describe, expect, it } from 'vitest';
import { build, values } from './helpers.ts';

describe('preset value-bands', () => {
  it('draws each band as a share of the country\'s own patents, the skipped band left out', () => {
    const fig = build(`figures:
  - { id: f, scope: patents, preset: value-bands, rows: { from: patents.value_bands }, countries: [$home, $rival], skip: [unknown] }
`, { patents: { value_bands: [
      { country: 'H', band: '0-10k', patents: 3 }, { country: 'H', band: '10k-30k', patents: 1 },
      { country: 'R', band: '10k-30k', patents: 2 }, { country: 'R', band: 'unknown', patents: 8 },
    ] } }, { home: 'H', rival: 'R' });
    expect(values(fig.spec).map((r) => [r.series, r.value])).toEqual([['[H]', 0.75], ['[H]', 0.25], ['[R]', 0], ['[R]', 0.2]]);
  });
});
