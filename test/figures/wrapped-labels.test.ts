import { describe, expect, it } from 'vitest';
import { groupedBars } from '../../src/figures/charts.ts';
import { FIGURE_WIDTH } from '../../src/figures/types.ts';
import { renderSvg } from '../../src/figures/vega.ts';

const TOPICS = ['Biological big data', 'Immersive extended-reality entertainment platforms', 'Mobile edge computing networks', 'Explainable AI'];

describe('long category labels of grouped bars (en Figs. 27/28)', () => {
  it('wrap onto two lines, and the plot keeps more than half the figure', async () => {
    const rows = TOPICS.flatMap((label, i) => ['China', 'United States'].map((series, j) => ({ label, series, value: 10 * (i + 1) + j })));
    const spec = groupedBars(rows, 'Top papers', ['China', 'United States']) as { width: number; encoding: { y: { axis: { labelExpr?: string } } } };
    expect(spec.width).toBeGreaterThan(FIGURE_WIDTH / 2);
    expect(spec.encoding.y.axis.labelExpr).toContain('["Immersive extended-reality", "entertainment platforms"]');
    const svg = await renderSvg(spec as never, { id: 't', title: 't', description: 'd' });
    // Both lines print; nothing is cut.
    expect(svg).toContain('>Immersive extended-reality<');
    expect(svg).toContain('>entertainment platforms<');
    expect(svg).not.toContain('…');
  });
});
