/**
 * A chart shown twice (a key point's figure again in its chapter) is drawn once per thread
 * (vega.ts keeps drawings by spec): each use must still carry its own name, description and ids,
 * and the drawing must be the one the spec gives, whatever was drawn in between.
 */
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { renderSvg } from '../../src/figures/vega.ts';

const bars = (values: number[]): TopLevelSpec => ({
  data: { values: values.map((v, i) => ({ k: `k${i}`, v })) },
  mark: 'bar',
  encoding: { y: { field: 'k', type: 'nominal' }, x: { field: 'v', type: 'quantitative' } },
});

const body = (svg: string) => svg.replace(/^<svg[^>]*>/, '').replace(/<title[^>]*>.*?<\/title><desc[^>]*>.*?<\/desc>/, '');

describe('a spec drawn again under another name', () => {
  it('is named and described for its own use, over the same drawing', async () => {
    const first = await renderSvg(bars([1, 2]), { id: 'fig-a-svg', title: 'A', description: 'first use' });
    const other = await renderSvg(bars([3, 1, 2]), { id: 'fig-b-svg', title: 'B', description: 'another chart' });
    const again = await renderSvg(bars([1, 2]), { id: 'fig-c-svg', title: 'C & D', description: 'second use' });
    expect(again).toContain('aria-labelledby="fig-c-svg-title fig-c-svg-desc"');
    expect(again).toContain('<title id="fig-c-svg-title">C &amp; D</title><desc id="fig-c-svg-desc">second use</desc>');
    expect(again).not.toContain('fig-a-svg');
    expect(first).not.toContain('fig-c-svg');
    expect(body(again)).toBe(body(first));
    expect(body(other)).not.toBe(body(first));
  });

  it('is drawn from the spec as it is now, not as it was when first drawn', async () => {
    const spec = bars([5, 6]);
    const before = await renderSvg(spec, { id: 'fig-e-svg', title: 'E', description: '' });
    (spec.data as { values: { v: number }[] }).values[0]!.v = 50;
    const after = await renderSvg(spec, { id: 'fig-e-svg', title: 'E', description: '' });
    expect(after).not.toBe(before);
  });
});
