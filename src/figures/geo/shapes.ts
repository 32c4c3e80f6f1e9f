/**
 * The map geometries the report draws, pre-simplified TopoJSON made by scripts/make-maps.ts from
 * pinned npm packages (see its header for the sources and what was added to them). Read once,
 * checked, frozen: a figure gets the topology to hand to Vega and the ids it can colour.
 */
import { readFileSync } from 'node:fs';

export interface MapShapes {
  /** The file, for error messages. */
  readonly file: string;
  /** The TopoJSON document, as Vega reads it (`format: {type: 'topojson', feature: object}`). */
  readonly topology: Readonly<Record<string, unknown>>;
  /** The object in the topology whose geometries are the map's areas. */
  readonly object: string;
  /** The id of every area (ISO codes), sorted; areas without an id (disputed regions) are not listed. */
  readonly ids: readonly string[];
  /** The map's size in CSS pixels: the geometry is projected already (Vega draws it with the identity projection). */
  readonly width: number;
  readonly height: number;
  /** A box drawn in a smaller scale ([x0, y0, x1, y1] px): the South China Sea's on the map of China. */
  readonly inset?: readonly [number, number, number, number];
}

function load(file: string, object: string): MapShapes {
  const url = new URL(`./${file}`, import.meta.url);
  const doc = JSON.parse(readFileSync(url, 'utf8')) as { type?: unknown; arcs?: unknown; bbox?: unknown; inset?: unknown; objects?: Record<string, { type?: unknown; geometries?: { id?: unknown }[] }> };
  const collection = doc.objects?.[object];
  const box = doc.bbox;
  const sized = Array.isArray(box) && box.length === 4 && box.every((v) => typeof v === 'number') && box[0] === 0 && box[1] === 0;
  if (doc.type !== 'Topology' || !Array.isArray(doc.arcs) || !sized || collection?.type !== 'GeometryCollection' || !Array.isArray(collection.geometries)) {
    throw new Error(`${file}: expected a projected TopoJSON topology (bbox [0, 0, width, height]) with a geometry collection "${object}" (run: npx tsx scripts/make-maps.ts)`);
  }
  const ids = [...new Set(collection.geometries.map((g) => g.id).filter((id): id is string => typeof id === 'string'))].sort();
  const [width, height] = [box[2] as number, box[3] as number];
  const inset = Array.isArray(doc.inset) && doc.inset.length === 4 && doc.inset.every((v) => typeof v === 'number') ? (Object.freeze([...doc.inset]) as unknown as readonly [number, number, number, number]) : undefined;
  return Object.freeze({ file, topology: Object.freeze(doc) as Readonly<Record<string, unknown>>, object, ids: Object.freeze(ids), width, height, ...(inset ? { inset } : {}) });
}

const cache = new Map<string, MapShapes>();
function once(file: string, object: string): MapShapes {
  let shapes = cache.get(file);
  if (!shapes) cache.set(file, (shapes = load(file, object)));
  return shapes;
}

/** China's province-level divisions (ids CN-BJ …, CN-TW, CN-HK, CN-MO) and CN-SCS, the South China Sea islands. */
export const chinaProvinces = (): MapShapes => once('china-provinces.topo.json', 'provinces');

/** The world's countries and regions, ids ISO 3166-1 alpha-2, China's boundaries as on China's standard map. */
export const worldCountries = (): MapShapes => once('world.topo.json', 'countries');

/**
 * Codes a dataset may list as countries that the world geometry draws as part of China (its
 * boundaries are China's standard map's): their values have no area of their own on the map.
 */
export const DRAWN_AS_PART_OF_CHINA: readonly string[] = Object.freeze(['HK', 'MO', 'TW']);
