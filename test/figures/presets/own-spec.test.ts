import { describe, expect, it } from 'vitest';
import { build, values } from './helpers.ts';

describe('a figure\'s own spec', () => {
  it('is the written Vega-Lite with the selected rows as its data', () => {
    const fig = build(`figures:
  - id: own
    scope: papers
    data: { from: papers.by_country, top: 1 }
    describe: { label: country, value: papers }
    spec:
      mark: point
      encoding: { x: { field: papers, type: quantitative } }
`, { papers: { by_country: [{ country: 'A', papers: 3 }, { country: 'B', papers: 1 }] } });
    expect(values(fig.spec)).toEqual([{ country: 'A', papers: 3 }]);
    expect((fig.spec as { mark: string }).mark).toBe('point');
    expect(fig.description).toContain('A 3');
  });
});
