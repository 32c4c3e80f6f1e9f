import { describe, expect, it } from 'vitest';
import { build } from './helpers.ts';

describe('preset diverging-bars', () => {
  it('draws inflow right and outflow left, the signed net at the edge, labels from a message with a fallback', () => {
    const fig = build(`figures:
  - { id: f, scope: flows-cities, preset: diverging-bars, rows: { from: flows.by_city, sort: total }, label: { message: "ns:cities.{city}", fallback: city } }
`, { flows: { by_city: [{ city: 'Oslo', inflow: 1, outflow: 4, net: -3, total: 5 }, { city: 'Rome', inflow: 7, outflow: 1, net: 6, total: 8 }] } });
    const layers = (fig.spec as { layer: { data: { values: Record<string, unknown>[] } }[] }).layer;
    expect(layers[0]!.data.values.map((r) => [r.label, r.value])).toEqual([['Rome', 7], ['Rome', -1], ['Oslo', 1], ['Oslo', -4]]);
    expect(layers[1]!.data.values.map((r) => r.net)).toEqual(['figures.f.net {"net":"+6"}', 'figures.f.net {"net":"\u22123"}']);
    expect(fig.description).toContain('Rome +7 −1; Oslo +1 −4');
  });
});
