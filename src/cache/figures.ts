/**
 * Figures from the cache: drawing an SVG (vega-lite compile, layout, text measuring) is the costly
 * part of the figures stage, so it is what is cached, keyed by the whole spec. Building the spec from
 * the metrics stays uncached: it is cheap, and it is how a data change reaches the key.
 */
import { renderSvg, type SvgOptions } from '../figures/vega.ts';
import { svgKey } from './keys.ts';
import type { Cache } from './store.ts';

export interface CacheCounts {
  hits: number;
  misses: number;
}

export function cachedSvg(cache: Cache, counts: CacheCounts, draw: typeof renderSvg = renderSvg): typeof renderSvg {
  return async (spec, options: SvgOptions) => {
    const key = svgKey(spec, options);
    const known = await cache.get('svg', key);
    if (known) {
      counts.hits++;
      return Buffer.from(known).toString('utf8');
    }
    counts.misses++;
    const svg = await draw(spec, options);
    await cache.put('svg', key, svg);
    return svg;
  };
}
