/** The South China Sea islands in an inset box at the lower right of the map of China, as on the standard map. */
import { describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { chinaProvinces } from '../../src/figures/geo/shapes.ts';
import { choropleth } from '../../src/figures/maps.ts';

describe('the map of China', () => {
  it('draws the South China Sea islands inside a box at its lower right, clear of every province, and frames it', () => {
    const shapes = chinaProvinces();
    const [x0, y0, x1, y1] = shapes.inset!;
    expect(x1).toBeLessThanOrEqual(shapes.width);
    expect(y1).toBeLessThanOrEqual(shapes.height);
    expect(x0).toBeGreaterThan(shapes.width * 0.7);
    expect(y0).toBeGreaterThan(shapes.height * 0.6);
    const fc = feature(shapes.topology as never, (shapes.topology as { objects: Record<string, unknown> }).objects[shapes.object] as never) as unknown as FeatureCollection<MultiPolygon>;
    const inBox = ([x, y]: number[]) => x! >= x0 && x! <= x1 && y! >= y0 && y! <= y1;
    for (const f of fc.features) {
      const points = f.geometry.coordinates.flat(2);
      if (f.id === 'CN-SCS') expect(points.every(inBox), 'CN-SCS').toBe(true);
      else expect(points.some(inBox), String(f.id)).toBe(false);
    }
    const spec = choropleth([], 'v', { domain: [], range: ['#6baed6'], labels: ['all'] }, { shapes, legendTitle: 't', noData: 'n', legendOrient: 'bottom-left' }) as { layer: { mark: { type: string; x?: number } }[] };
    expect(spec.layer.some((l) => l.mark.type === 'rect' && l.mark.x === x0)).toBe(true);
  });
});
