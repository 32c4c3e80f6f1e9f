/**
 * Choropleth maps as Vega-Lite specs. Areas are coloured by class (a threshold scale), so that a
 * reader of the printed page can match a colour to a range in the legend; areas without data are
 * grey, with their own legend entry. The spec's inline data are the rows the map colours (so the
 * figure's CSV is the data, not the geometry); each area looks its row up by id.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MapShapes } from './geo/shapes.ts';
import { HATCH_FILL } from './modelled-marks.ts';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Areas the data say nothing about. */
export const NO_DATA_COLOUR = '#d9d9d9';
/** Areas that are a line on the map, not a region (the South China Sea's dashes). */
const LINE_COLOUR = '#6e6e6e';

/**
 * Blues, light to dark, for a sequential map of 1 to 6 classes: ColorBrewer's scheme for that many
 * classes, so that neighbouring classes stay apart (CIE ΔE ≥ 10, test/figures/map-palette.test.ts).
 * One palette spread over fewer classes gave 5 classes two blues 7.7 apart that print alike.
 */
const SEQUENTIAL: Readonly<Record<number, readonly string[]>> = {
  1: ['#6baed6'],
  2: ['#bdd7e7', '#3182bd'],
  3: ['#deebf7', '#9ecae1', '#3182bd'],
  4: ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'],
  5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
  6: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
};
/**
 * Diverging, losses orange and gains blue (the flows bars' colours), up to 4 classes a side and a
 * neutral middle for exactly zero. Orange to blue stays apart for readers with red-green colour blindness.
 */
const LOSSES = ['#fee6ce', '#fdae6b', '#e6550d', '#a63603'];
const GAINS = ['#c6dbef', '#6baed6', '#3182bd', '#08519c'];
const NEUTRAL = '#f7f7f7';

/** Relative luminance (WCAG) of a #rrggbb colour: below about 0.35, white text reads better than black. */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The "nice" numbers a class boundary can be: 1, 2 and 5 times a power of ten. */
function niceNumbers(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let p = Math.floor(Math.log10(Math.max(lo, 1))) - 1; p <= Math.ceil(Math.log10(Math.max(hi, 1))) + 1; p++) {
    for (const m of [1, 2, 5]) out.push(m * 10 ** p);
  }
  return out.filter(Number.isInteger);
}

/**
 * Class boundaries for skewed counts: `count` points evenly spaced on a log scale strictly between
 * the smallest and largest value, each moved to the nearest nice number (1, 2, 5 × 10^k) on that
 * scale, without repeats. Computed from the data, so a new dataset gets its own classes.
 */
export function logBreaks(values: readonly number[], count: number): number[] {
  const positive = values.filter((v) => v > 0);
  if (positive.length < 2) return [];
  const lo = Math.min(...positive);
  const hi = Math.max(...positive);
  if (lo === hi) return [];
  const nice = niceNumbers(lo, hi);
  const breaks = new Set<number>();
  for (let i = 1; i <= count; i++) {
    const target = Math.log(lo) + ((Math.log(hi) - Math.log(lo)) * i) / (count + 1);
    const nearest = nice.reduce((best, n) => (Math.abs(Math.log(n) - target) < Math.abs(Math.log(best) - target) ? n : best));
    if (nearest > lo && nearest <= hi) breaks.add(nearest);
  }
  return [...breaks].sort((a, b) => a - b);
}

export interface MapOptions {
  readonly shapes: MapShapes;
  /** The colour legend's title, and the label of the grey "no data" entry. */
  readonly legendTitle: string;
  readonly noData: string;
  /** Inside a corner of the map where it has empty space, or below it in rows of `legendColumns`. */
  readonly legendOrient: 'bottom-left' | 'bottom-right' | 'top-left' | 'top-right' | 'bottom';
  readonly legendColumns?: number;
  /** Area ids drawn in a darker grey (a line on the map, such as the South China Sea's dashes). */
  readonly outlined?: readonly string[];
}

export interface MapRow {
  /** The area's id in the shapes (ISO code). */
  readonly id: string;
  readonly [field: string]: string | number;
}

/** Threshold scale domain and colours for a sequential map: one more colour than boundaries. */
export function sequentialClasses(values: readonly number[], classes = 5): { domain: number[]; range: string[] } {
  const domain = logBreaks(values, classes - 1);
  const n = Math.min(domain.length + 1, 6);
  return { domain: domain.slice(0, n - 1), range: [...SEQUENTIAL[n]!] };
}

/**
 * Threshold domain and colours for a diverging map, zero in the middle: the same boundaries on
 * both sides (from the absolute values), then losses below zero, zero alone, gains above it.
 * Values are whole numbers, so `[0, 1)` is exactly zero.
 */
export function divergingClasses(values: readonly number[], perSide = 3): { domain: number[]; range: string[] } {
  const magnitudes = logBreaks(values.map(Math.abs), perSide);
  const steps = magnitudes.length + 1;
  const pick = (palette: readonly string[], i: number) => palette[steps === 1 ? palette.length - 1 : Math.round((i * (palette.length - 1)) / (steps - 1))]!;
  // A loss of m or more is v ≤ −m, that is v < −m + 1: the same classes as the gains, mirrored.
  const domain = [...[...magnitudes].reverse().map((m) => -m + 1), 0, 1, ...magnitudes];
  const losses = Array.from({ length: steps }, (_, i) => pick(LOSSES, steps - 1 - i));
  const gains = Array.from({ length: steps }, (_, i) => pick(GAINS, i));
  return { domain, range: [...losses, NEUTRAL, ...gains] };
}

/**
 * A choropleth: every area of `shapes`, coloured by the class of `field` in the row with its id;
 * areas without a row grey. `labels` names each class in the legend (the figure formats them in its
 * locale). The class is computed in the spec from the threshold domain, and coloured through an
 * ordinal scale: so the legend is one square per class (Vega draws a threshold scale's legend as
 * a gradient whose bands are as long as the classes are wide), and "no data" is its last entry.
 */
export function choropleth(rows: readonly MapRow[], field: string, classes: { domain: number[]; range: string[]; labels: string[] }, options: MapOptions): TopLevelSpec {
  const value = `datum['${field}']`;
  const index = classes.domain.reduceRight((rest, bound, i) => `${value} < ${bound} ? ${i} : ${rest}`, String(classes.domain.length));
  const inside = options.legendOrient !== 'bottom';
  const shapes = { values: options.shapes.topology, format: { type: 'topojson', feature: options.shapes.object } };
  // A modelled value's area is hatched over its class colour (modelled-marks.ts).
  const marked = rows.some((r) => typeof r.modelled === 'string' && r.modelled !== '');
  const marks = {
    data: shapes,
    transform: [{ lookup: 'id', from: { data: { values: rows }, key: 'id', fields: ['modelled'] } }, { filter: "isValid(datum.modelled) && datum.modelled !== ''" }],
    mark: { type: 'geoshape', clip: false, aria: false, fill: HATCH_FILL, strokeWidth: 0 },
  };
  return {
    $schema: SCHEMA,
    width: options.shapes.width,
    height: options.shapes.height,
    data: { values: rows },
    // The shapes are projected already (scripts/make-maps.ts), in pixels: drawn as they are, never refitted.
    projection: { type: 'identity', scale: 1, translate: [0, 0] },
    layer: [
      {
        data: shapes,
        transform: [
          { lookup: 'id', from: { data: { values: rows }, key: 'id', fields: [field] } },
          { calculate: `isValid(${value}) ? ${JSON.stringify(classes.labels)}[${index}] : ${JSON.stringify(options.noData)}`, as: 'class' },
          { calculate: `indexof(${JSON.stringify(options.outlined ?? [])}, datum.id) >= 0`, as: 'line' },
        ],
        // The shapes are inside the view by construction. Unclipped: Vega's clip ids vary from run to run.
        mark: { type: 'geoshape', strokeWidth: 0.4, clip: false },
        encoding: {
          // A line on the map (the dashes) is drawn dark and without the white border that would hide it.
          stroke: { condition: { test: 'datum.line', value: LINE_COLOUR }, value: 'white' },
          color: {
            condition: { test: 'datum.line', value: LINE_COLOUR },
            field: 'class',
            type: 'ordinal',
            scale: { domain: [...classes.labels, options.noData], range: [...classes.range, NO_DATA_COLOUR] },
            legend: {
              title: options.legendTitle,
              orient: options.legendOrient,
              direction: inside ? 'vertical' : 'horizontal',
              ...(inside ? {} : { columns: options.legendColumns ?? 5, columnPadding: 12 }),
              symbolType: 'square',
              symbolSize: 110,
              symbolStrokeWidth: 0.5,
              symbolStrokeColor: '#888',
              labelFontSize: 10,
              titleFontSize: 10,
              titleFontWeight: 400,
              offset: inside ? 0 : 8,
            },
          },
        },
      },
      ...(marked ? [marks] : []),
      // The frame of an inset drawn at its own scale (the South China Sea on the map of China).
      ...(options.shapes.inset
        ? [{ data: { values: [{}] }, mark: { type: 'rect', x: options.shapes.inset[0], y: options.shapes.inset[1], x2: options.shapes.inset[2], y2: options.shapes.inset[3], fill: null, stroke: LINE_COLOUR, strokeWidth: 0.6, aria: false, clip: false } }]
        : []),
    ],
  } as TopLevelSpec;
}
