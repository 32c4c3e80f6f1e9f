import { describe, expect, it } from 'vitest';
import { groupedBars, yearlyLines, CHART_MIN_FONT } from '../../src/figures/charts.ts';
import { niceTop, spreadLabels } from '../../src/figures/end-labels.ts';
import { renderSvg } from '../../src/figures/vega.ts';

describe('end labels of yearly lines', () => {
  it('picks the axis top Vega would: 1, 2 or 5 times a power of ten per step', () => {
    expect(niceTop(2851)).toBe(3000);
    expect(niceTop(92)).toBe(100);
    expect(niceTop(0)).toBe(1);
  });

  it('keeps labels a line apart, moving each the least, inside the plot', () => {
    const at = spreadLabels([13, 92, 28, 17, 13], 3000, 240, 12);
    const px = at.map((v) => 240 * (1 - v / 3000)).sort((a, b) => a - b);
    for (let i = 1; i < px.length; i++) expect(px[i]! - px[i - 1]!).toBeGreaterThanOrEqual(12 - 1e-9);
    for (const y of px) expect(y).toBeGreaterThanOrEqual(0), expect(y).toBeLessThanOrEqual(240);
    // Kept off the axis when asked: the lowest no lower than 235 px.
    expect(Math.max(...spreadLabels([0, 1], 3000, 240, 12, 235).map((v) => 240 * (1 - v / 3000)))).toBeCloseTo(235, 6);
    // Labels far apart stay on their value.
    expect(spreadLabels([100, 2000], 3000, 240, 12)).toEqual([100, 2000]);
  });

  it('prints the last values of lines that end together apart, and draws the front series last', async () => {
    const rows = ['A', 'B', 'C'].flatMap((series, i) => [2020, 2021].map((year) => ({ year, series, value: year === 2021 ? 13 + i : 1000 * (i + 1) })));
    const spec = yearlyLines(rows, 'n', ['A', 'B', 'C'], { front: 'B' }) as unknown as { layer: { transform?: { filter?: unknown }[] }[] };
    expect(JSON.stringify(spec.layer.at(-2)!.transform)).toContain('"equal":"B"');
    const svg = await renderSvg(spec as never, { id: 't', title: 't', description: 'd' });
    const ys = [...svg.matchAll(/aria-roledescription="text mark"[^>]*transform="translate\([0-9.]+,([0-9.]+)\)"/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
    expect(ys).toHaveLength(3);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(CHART_MIN_FONT);
  });
});

describe('shares', () => {
  it('prints a share under 0.05% as "<0.1%", not "0.0%"', async () => {
    const spec = groupedBars([{ label: 'x', series: 'A', value: 0.0002 }, { label: 'y', series: 'A', value: 0.5 }, { label: 'z', series: 'A', value: 0 }], 'share', ['A'], { percent: true });
    const svg = await renderSvg(spec, { id: 't', title: 't', description: 'd' });
    expect(svg).toContain('>&lt;0.1%<');
    expect(svg).toContain('>50.0%<');
    expect(svg).toContain('>0.0%<');
  });
});
