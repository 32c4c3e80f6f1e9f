/**
 * The few chart kinds of the report, as Vega-Lite spec builders: ranked bars, paired bars, yearly
 * lines and diverging bars. Colours, fonts and axes come from FIGURE_CONFIG (vega.ts), so every
 * figure looks the same; a builder only decides the encoding.
 */
import type { TopLevelSpec } from 'vega-lite';
import * as fmt from '../base/format.ts';
import { FIGURE_WIDTH } from './types.ts';
import { figureWidth } from './width.ts';
import type { Where } from '../base/modelled.ts';
import { HATCH_FILL } from './modelled-marks.ts';
import { fitWidth, wrapBalanced } from './wrap.ts';
import { measureText } from '../fonts/fontsource.ts';
import { niceTop, spreadLabels } from './end-labels.ts';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * The smallest text a chart draws, in px: figures print at 1:1 (FIGURE_WIDTH is under the page's
 * text width), so 10 px prints at 7.5 pt, over the 7 pt floor (test/figures/print-size.test.ts), and
 * leaves the print room to draw a figure a little smaller to fill a page (src/pdf/fill-pages.browser.js).
 */
export const CHART_MIN_FONT = 10;

/** The width left for the plot once the longest label is set beside it. */
function plotWidth(labels: readonly string[], fontSize = 11): number {
  const longest = Math.max(40, ...labels.map((l) => [...l].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? fontSize : fontSize * 0.6), 0)));
  const width = figureWidth();
  return Math.max(width < FIGURE_WIDTH ? 80 : 260, width - longest - 70);
}

/**
 * The widest a bar's name may be drawn, in px at the axis' label size (FIGURE_CONFIG): 45% of a
 * figure, so that the plot beside it keeps its minimum width (plotWidth) inside the figure.
 */
export const LABEL_MAX_WIDTH = Math.round(FIGURE_WIDTH * 0.45);
const labelMaxWidth = () => Math.round(figureWidth() * 0.45);
const LABEL_FONT_SIZE = 11;

/** A label cut to fit the axis, as named in the build log's warning (render.ts). */
export interface CutLabel {
  readonly label: string;
  readonly shown: string;
}

/**
 * Axis labels longer than LABEL_MAX_WIDTH are drawn cut with an ellipsis; the data keeps the full
 * text (the CSV download, the description). The axis maps each cut label through `labelExpr` and the
 * spec lists the cuts in `usermeta` for the warning; a chart without cuts has neither.
 */
function cutLabels(labels: readonly string[]): { axis: { labelExpr?: string }; usermeta?: { cutLabels: CutLabel[] }; shown: string[] } {
  const cuts: CutLabel[] = [];
  const shown = labels.map((label) => {
    const fitted = fitWidth(label, labelMaxWidth(), LABEL_FONT_SIZE);
    if (fitted !== label && !cuts.some((c) => c.label === label)) cuts.push({ label, shown: fitted });
    return fitted;
  });
  if (cuts.length === 0) return { axis: {}, shown };
  const expr = cuts.reduceRight((rest, c) => `datum.value === ${exprString(c.label)} ? ${exprString(c.shown)} : ${rest}`, 'datum.label');
  return { axis: { labelExpr: expr }, usermeta: { cutLabels: cuts }, shown };
}

/**
 * Axis labels wider than WRAP_SHARE of the figure set on two lines (balanced), so that a long name
 * ("Immersive extended-reality entertainment platforms") does not squeeze the plot beside it to half
 * the figure; a label that needs more lines is cut at the end of its second (cutLabels' warning). The
 * axis maps each wrapped label to its lines through `labelExpr` (Vega draws an array as lines).
 */
const WRAP_SHARE = 0.25;

function wrapLabels(labels: readonly string[]): { axis: { labelExpr?: string }; usermeta?: { cutLabels: CutLabel[] }; shown: string[] } {
  const max = Math.round(figureWidth() * WRAP_SHARE);
  const cuts: CutLabel[] = [];
  const wrapped = new Map<string, string[]>();
  for (const label of new Set(labels)) {
    if (measureText(label, LABEL_FONT_SIZE) <= max) continue;
    let lines = wrapBalanced(label, max, LABEL_FONT_SIZE);
    if (lines.length > 2) {
      const rest = lines.slice(1).join(/[\u2e80-\u9fff]/u.test(label) ? '' : ' ');
      lines = [lines[0]!, fitWidth(rest, max, LABEL_FONT_SIZE)];
      cuts.push({ label, shown: lines.join(' ') });
    }
    wrapped.set(label, lines);
  }
  const shown = labels.map((l) => (wrapped.get(l) ?? [l]).reduce((a, b) => (measureText(b, LABEL_FONT_SIZE) > measureText(a, LABEL_FONT_SIZE) ? b : a)));
  if (wrapped.size === 0) return { axis: {}, shown };
  const expr = [...wrapped].reduceRight((rest, [label, lines]) => `datum.value === ${exprString(label)} ? [${lines.map(exprString).join(', ')}] : ${rest}`, 'datum.label');
  return { axis: { labelExpr: expr }, ...(cuts.length ? { usermeta: { cutLabels: cuts } } : {}), shown };
}

/** A string literal of Vega's expression language: JSON's escapes, everything past ASCII as \uXXXX. */
function exprString(text: string): string {
  return JSON.stringify(text).replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface BarRow {
  readonly label: string;
  readonly value: number;
  /** The value's place in the metrics (list path, row key, field): a modelled value is drawn marked. */
  readonly where?: Where;
  /** Set by the figure from the dataset's calibration: the published edition did not print this value. */
  readonly modelled?: boolean;
}

/** Horizontal bars, largest first, the value printed at the end of each bar. */
export function rankedBars(rows: readonly BarRow[], axisTitle: string, options: { field?: string; labelField?: string; digits?: number } = {}): TopLevelSpec {
  const field = options.field ?? 'value';
  const labelField = options.labelField ?? 'label';
  const format = options.digits ? `,.${options.digits}f` : ',d';
  const m = markModelled(rows);
  const values = rows.map((r) => ({ [labelField]: r.label, [field]: r.value, ...m.row(r) }));
  const labels = cutLabels(rows.map((r) => r.label));
  return {
    $schema: SCHEMA,
    ...(labels.usermeta ? { usermeta: labels.usermeta } : {}),
    width: plotWidth(labels.shown),
    height: { step: 22 },
    data: { values },
    encoding: {
      y: { field: labelField, type: 'nominal', sort: null, title: null, axis: { ticks: false, domain: false, labelPadding: 6, labelLimit: 0, ...labels.axis } },
      x: { field, type: 'quantitative', title: axisTitle, axis: { format, tickCount: 5, ...(options.digits ? {} : { tickMinStep: 1 }) } },
    },
    layer: [
      { mark: { type: 'bar', height: { band: 0.7 } } },
      ...m.hatch({ type: 'bar', height: { band: 0.7 } }),
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field, type: 'quantitative', format } } },
    ],
  } as TopLevelSpec;
}

export interface PairRow {
  readonly label: string;
  readonly series: string;
  readonly value: number;
  /** The published edition did not print this value (see BarRow). */
  readonly modelled?: boolean;
}

/**
 * A value label as a Vega expression. A share under the last printed digit is "<0.1%", not "0.0%"
 * (it is not nothing).
 */
function valueText(field: string, format: string): string {
  const value = `datum['${field}']`;
  const digits = Number(/\.(\d+)%$/.exec(format)?.[1]);
  if (!Number.isInteger(digits)) return `format(${value}, '${format}')`;
  const least = 10 ** -digits / 100;
  return `(${value} > 0 && ${value} < ${least / 2} ? '<${least * 100}%' : format(${value}, '${format}'))`;
}

/**
 * How a chart marks its modelled values (modelled-marks.ts): a `modelled` flag on each row when any is
 * modelled, the hatch drawn over a modelled bar (`hatch`, a layer of the same mark filtered to them),
 * and the value labels (a share under the last digit printed "<0.1%").
 */
function markModelled(rows: readonly { modelled?: boolean }[]) {
  const any = rows.some((r) => r.modelled);
  return {
    any,
    row: (r: { modelled?: boolean }) => (any ? { modelled: r.modelled === true } : {}),
    hatch: (mark: Record<string, unknown>, encoding: Record<string, unknown> = {}) =>
      any ? [{ transform: [{ filter: 'datum.modelled' }], mark: { ...mark, aria: false }, encoding: { ...encoding, color: { value: HATCH_FILL } } }] : [],
    label: (field: string, format: string) =>
      format.endsWith('%')
        ? { transform: [{ calculate: valueText(field, format), as: 'shown' }], encoding: { text: { field: 'shown', type: 'nominal' } } }
        : { encoding: { text: { field, type: 'quantitative', format } } },
  };
}

/** Horizontal bars in pairs (or more): one group per label, one bar per series, a legend above. */
export function groupedBars(rows: readonly PairRow[], axisTitle: string, series: readonly string[], options: { percent?: boolean } = {}): TopLevelSpec {
  const format = options.percent ? '.1%' : ',d';
  const m = markModelled(rows);
  const labels = wrapLabels(rows.map((r) => r.label));
  return {
    $schema: SCHEMA,
    ...(labels.usermeta ? { usermeta: labels.usermeta } : {}),
    width: plotWidth(labels.shown),
    data: { values: rows.map((r) => ({ label: r.label, series: r.series, value: r.value, ...m.row(r) })) },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { ticks: false, domain: false, labelPadding: 6, labelLimit: 0, ...labels.axis }, scale: { paddingInner: 0.25 } },
      yOffset: { field: 'series', type: 'nominal', sort: [...series] },
      x: { field: 'value', type: 'quantitative', title: axisTitle, axis: { format, tickCount: 5, ...(options.percent ? {} : { tickMinStep: 1 }) } },
      color: { field: 'series', type: 'nominal', sort: [...series], title: null, legend: { orient: 'top', direction: 'horizontal' } },
    },
    height: { step: 11 },
    layer: [
      { mark: { type: 'bar' } },
      ...m.hatch({ type: 'bar' }),
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: CHART_MIN_FONT }, ...m.label('value', format) },
    ],
  } as TopLevelSpec;
}

export interface YearRow {
  readonly year: number;
  readonly series: string;
  readonly value: number;
  /** The published edition did not print this value: its point is drawn hollow (modelled-marks.ts). */
  readonly modelled?: boolean;
}

const LINES_HEIGHT = 220;

/**
 * Yearly lines with points, one per series, a legend above; the last value labelled, the labels kept
 * apart (end-labels.ts). `front`: the series drawn over the others (the home country's).
 */
export function yearlyLines(rows: readonly YearRow[], axisTitle: string, series: readonly string[], options: { front?: string } = {}): TopLevelSpec {
  const years = [...new Set(rows.map((r) => r.year))];
  const last = Math.max(...years);
  const m = markModelled(rows);
  const top = niceTop(Math.max(0, ...rows.map((r) => r.value)));
  const ends = rows.filter((r) => r.year === last);
  const labelAt = new Map(spreadLabels(ends.map((r) => r.value), top, LINES_HEIGHT, CHART_MIN_FONT + 2, LINES_HEIGHT - CHART_MIN_FONT / 2).map((y, i) => [ends[i]!.series, y]));
  const front = options.front !== undefined && series.length > 1 && series.includes(options.front) ? options.front : undefined;
  return {
    $schema: SCHEMA,
    width: figureWidth() - 120,
    height: LINES_HEIGHT,
    data: { values: rows.map((r) => ({ year: String(r.year), series: r.series, value: r.value, last: r.year === last, ...(r.year === last ? { labelAt: labelAt.get(r.series) } : {}), ...m.row(r) })) },
    encoding: {
      // Drawn narrow (a phone's screen), every other year is labelled when they would touch.
      x: { field: 'year', type: 'ordinal', title: null, axis: { labelAngle: 0, ...(figureWidth() < FIGURE_WIDTH ? { labelOverlap: 'parity', labelSeparation: 6 } : {}) } },
      y: { field: 'value', type: 'quantitative', title: axisTitle, scale: { domain: [0, top], nice: false }, axis: { format: ',d', tickCount: 5, tickMinStep: 1 } },
      color: { field: 'series', type: 'nominal', sort: [...series], title: null, legend: { orient: 'top', direction: 'horizontal', ...(figureWidth() < FIGURE_WIDTH ? { columns: 3 } : {}) } },
    },
    layer: [
      m.any
        ? { mark: { type: 'line' } }
        : { mark: { type: 'line', point: { filled: true, size: 30 } } },
      // Every point drawn hollow in the line's colour, then the published ones filled: a modelled point stays hollow.
      ...(m.any
        ? [
            { mark: { type: 'point', filled: false, size: 30, strokeWidth: 1.2, fill: 'white', fillOpacity: 1, aria: false } },
            { transform: [{ filter: '!datum.modelled' }], mark: { type: 'point', filled: true, size: 30, aria: false } },
          ]
        : []),
      // The front series once more, over the others (drawn for the eye only: its data is read once).
      ...(front !== undefined
        ? [{ transform: [{ filter: { field: 'series', equal: front } }], mark: { type: 'line', aria: false, ...(m.any ? {} : { point: { filled: true, size: 30, aria: false } }) } }]
        : []),
      (() => {
        const label = m.label('value', ',d');
        return {
          transform: [{ filter: 'datum.last' }, ...(('transform' in label ? label.transform : undefined) ?? [])],
          mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, fontSize: CHART_MIN_FONT },
          encoding: { ...label.encoding, y: { field: 'labelAt', type: 'quantitative' } },
        };
      })(),
    ],
  } as TopLevelSpec;
}

export interface FlowRow {
  readonly label: string;
  readonly inflow: number;
  readonly outflow: number;
  readonly net: number;
  /** The published edition did not print this country's flows: its bars are hatched. */
  readonly modelled?: boolean;
}

/** Diverging bars: inflow to the right, outflow to the left, the net at the right edge. */
export function divergingBars(rows: readonly FlowRow[], axisTitle: string, legend: { inflow: string; outflow: string }, netLabel: (n: number) => string): TopLevelSpec {
  const m = markModelled(rows);
  const values = rows.flatMap((r) => [
    { label: r.label, kind: legend.inflow, value: r.inflow, ...m.row(r) },
    { label: r.label, kind: legend.outflow, value: -r.outflow, ...m.row(r) },
  ]);
  const nets = rows.map((r) => ({ label: r.label, net: netLabel(r.net) }));
  const max = Math.max(1, ...rows.map((r) => Math.max(r.inflow, r.outflow)));
  const labels = cutLabels(rows.map((r) => r.label));
  const y = { field: 'label', type: 'nominal', sort: null, title: null, axis: { ticks: false, domain: false, labelPadding: 6, labelLimit: 0, ...labels.axis } };
  const x = { field: 'value', type: 'quantitative', title: axisTitle, scale: { domain: [-max * 1.05, max * 1.05] }, axis: { format: ',d', labelExpr: "format(abs(datum.value), ',d')", tickCount: 6, ...(figureWidth() < FIGURE_WIDTH ? { tickCount: 4, labelOverlap: 'parity', labelSeparation: 6 } : {}) } };
  return {
    $schema: SCHEMA,
    ...(labels.usermeta ? { usermeta: labels.usermeta } : {}),
    width: plotWidth(labels.shown) - 50,
    height: { step: 22 },
    layer: [
      {
        data: { values },
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y,
          x,
          color: { field: 'kind', type: 'nominal', sort: [legend.inflow, legend.outflow], title: null, legend: { orient: 'top', direction: 'horizontal' } },
        },
      },
      // A modelled country's two bars hatched (its flows were not printed).
      ...m.hatch({ type: 'bar', height: { band: 0.7 } }, { y, x }).map((layer) => ({ data: { values }, ...layer })),
      {
        data: { values: nets },
        mark: { type: 'text', align: 'left', dx: 6, x: 'width' },
        encoding: { y: { field: 'label', type: 'nominal', sort: null }, text: { field: 'net' } },
      },
    ],
  } as TopLevelSpec;
}

/** "label value; label value" for a screen reader's description. */
export function describe(locale: 'zh' | 'en', rows: readonly { label: string; value: number }[], percent = false): string {
  return rows.map((r) => `${r.label} ${percent ? fmt.percentShown(r.value) : fmt.integer(r.value)}`).join(locale === 'zh' ? '；' : '; ');
}
