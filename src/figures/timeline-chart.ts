/**
 * A year's events on a vertical time axis: the twelve months top to bottom, a dot on the axis for
 * each event and its text beside it, wrapped to the figure's width with the real font, in lines of
 * even length (wrap.ts).
 *
 * The layout is computed here, in pixels, rather than left to a Vega scale: a month gets the height
 * its events' text needs (a month without events a short step), so wrapped texts never overlap,
 * however many events a month has. The axis keeps the months' order, not their length.
 */
import type { TopLevelSpec } from 'vega-lite';
import { FIGURE_WIDTH } from './types.ts';
import { figureWidth } from './width.ts';
import { wrapBalanced } from './wrap.ts';

export interface TimelineRow {
  /** `YYYY-MM`: the CSV's first column. */
  readonly date: string;
  /** 1 … 12. */
  readonly month: number;
  readonly text: string;
}

/** Font size and line height of the event text and month labels: the axis labels' size (FIGURE_CONFIG.axis). */
export const TIMELINE_FONT_SIZE = 11;
const LINE_HEIGHT = 15;
/** Space between two events, and the height of a month without any. */
const EVENT_GAP = 8;
const EMPTY_MONTH = 17;
/** The axis line's x, and where the event text starts (right of the dots). */
const AXIS_X = 46;
export const TIMELINE_TEXT_X = AXIS_X + 14;
/** The drawing's width: the page's figure width less Vega's padding. */
export const TIMELINE_WIDTH = FIGURE_WIDTH - 20;
/** The width event text may take: from TIMELINE_TEXT_X to the right edge, less a margin. */
export const TIMELINE_TEXT_WIDTH = TIMELINE_WIDTH - TIMELINE_TEXT_X - 4;
/** The same for the width figures are laid out for (width.ts). */
const timelineWidth = () => figureWidth() - 20;
const timelineTextWidth = () => timelineWidth() - TIMELINE_TEXT_X - 4;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export interface TimelineLayout {
  readonly height: number;
  readonly months: readonly { month: number; y: number; label: string; events: number }[];
  readonly dots: readonly { y: number; date: string; description: string }[];
  readonly lines: readonly { y: number; text: string }[];
}

/** Where each month, dot and line of text goes (y of a line's middle, 0 at the top). */
export function layoutTimeline(rows: readonly TimelineRow[], monthLabel: (m: number) => string): TimelineLayout {
  const months: { month: number; y: number; label: string; events: number }[] = [];
  const dots: { y: number; date: string; description: string }[] = [];
  const lines: { y: number; text: string }[] = [];
  let top = 0;
  for (let month = 1; month <= 12; month++) {
    const events = rows.filter((r) => r.month === month);
    months.push({ month, y: top + LINE_HEIGHT / 2, label: monthLabel(month), events: events.length });
    if (events.length === 0) {
      top += EMPTY_MONTH;
      continue;
    }
    for (const event of events) {
      dots.push({ y: top + LINE_HEIGHT / 2, date: event.date, description: `${monthLabel(month)}: ${event.text}` });
      const wrapped = wrapBalanced(event.text, timelineTextWidth(), TIMELINE_FONT_SIZE);
      wrapped.forEach((text, i) => lines.push({ y: top + LINE_HEIGHT * (i + 0.5), text }));
      top += LINE_HEIGHT * wrapped.length + EVENT_GAP;
    }
  }
  return { height: top, months, dots, lines };
}

/**
 * The timeline's spec. Its top-level data is one row per event (date, text): what the figure
 * shows, and so the CSV the web edition offers; the layers draw the computed layout.
 */
export function timelineChart(rows: readonly TimelineRow[], monthLabel: (m: number) => string): TopLevelSpec {
  const layout = layoutTimeline(rows, monthLabel);
  return bandSpec(rows, layout, 0, layout.height);
}

/**
 * The timeline for print in pieces, one a month (the months without events joined to the month
 * before): drawn one under the other they are the whole timeline, and the print may break the page
 * between two months instead of moving the whole year to the next page and leaving a hole (issue 16).
 * Each piece is the same drawing seen through the band of its months, without padding.
 */
export function timelineParts(rows: readonly TimelineRow[], monthLabel: (m: number) => string): TopLevelSpec[] {
  const layout = layoutTimeline(rows, monthLabel);
  const tops = layout.months.map((m) => m.y - LINE_HEIGHT / 2);
  const cuts = [0, ...tops.filter((_, i) => i > 0 && layout.months[i]!.events > 0), layout.height];
  return cuts.slice(1).map((end, i) => ({ ...bandSpec(rows, layout, cuts[i]!, end), padding: 0 }) as TopLevelSpec);
}

/** The drawing between y = `from` and y = `to` (the band's height, the layout's coordinates). */
function bandSpec(rows: readonly TimelineRow[], layout: TimelineLayout, from: number, to: number): TopLevelSpec {
  const x = { type: 'quantitative', scale: { domain: [0, timelineWidth()], nice: false, zero: false }, axis: null };
  const y = { type: 'quantitative', scale: { domain: [from, to], nice: false, zero: false, reverse: true }, axis: null };
  const inside = <T extends { y: number }>(items: readonly T[]) => items.filter((i) => i.y >= from && i.y < to);
  return {
    $schema: SCHEMA,
    width: timelineWidth(),
    height: to - from,
    data: { values: rows.map((r) => ({ date: r.date, event: r.text })) },
    layer: [
      {
        data: { values: [{ x: AXIS_X, y: from, y2: to }] },
        mark: { type: 'rule', color: '#888', strokeWidth: 1.5, aria: false },
        encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y }, y2: { field: 'y2' } },
      },
      {
        // The months, right-aligned left of the axis; those with events in the text colour, the others grey.
        data: { values: inside(layout.months).map((m) => ({ x: AXIS_X - 10, y: m.y, label: m.label, events: m.events })) },
        mark: { type: 'text', align: 'right', baseline: 'middle', fontSize: TIMELINE_FONT_SIZE, aria: false },
        encoding: {
          x: { field: 'x', ...x },
          y: { field: 'y', ...y },
          text: { field: 'label', type: 'nominal' },
          color: { condition: { test: 'datum.events > 0', value: '#333' }, value: '#999' },
        },
      },
      {
        data: { values: inside(layout.months).map((m) => ({ x: AXIS_X - 4, x2: AXIS_X, y: m.y })) },
        mark: { type: 'rule', color: '#888', aria: false },
        encoding: { x: { field: 'x', ...x }, x2: { field: 'x2' }, y: { field: 'y', ...y } },
      },
      {
        data: { values: inside(layout.dots).map((d) => ({ x: AXIS_X, y: d.y, description: d.description })) },
        mark: { type: 'point', filled: true, size: 40, color: '#2b6cb0', opacity: 1, aria: false },
        encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y }, description: { field: 'description', type: 'nominal' } },
      },
      {
        data: { values: inside(layout.lines).map((l) => ({ x: TIMELINE_TEXT_X, y: l.y, text: l.text })) },
        mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: TIMELINE_FONT_SIZE, aria: false },
        encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y }, text: { field: 'text', type: 'nominal' } },
      },
    ],
  } as TopLevelSpec;
}
