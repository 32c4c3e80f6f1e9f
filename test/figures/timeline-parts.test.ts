/**
 * A timeline printed in pieces (timeline-chart.ts timelineParts): the pieces are the whole drawing cut
 * between months, so that the print can break the page between two months (issue 16, zh pp. 46, 51).
 */
import { describe, expect, it } from 'vitest';
import { layoutTimeline, timelineChart, timelineParts, type TimelineRow } from '../../src/figures/timeline-chart.ts';
import { figureHtml } from '../../src/html/document.ts';
import type { RenderedFigure } from '../../src/figures/render.ts';

const rows: TimelineRow[] = [
  { date: '2022-01', month: 1, text: 'First event of the year, long enough to wrap onto a second line of the timeline when drawn at the page width' },
  { date: '2022-01', month: 1, text: 'Second event' },
  { date: '2022-04', month: 4, text: 'An event in April' },
  { date: '2022-12', month: 12, text: 'The last event' },
];
const label = (m: number) => `M${m}`;
type Layer = { data: { values: { y?: number; label?: string; text?: string }[] } };
const layers = (spec: unknown) => (spec as { layer: Layer[] }).layer;

describe('a timeline in pieces', () => {
  it('cuts the drawing before each month with events: the pieces add up to the whole, every month and line in one piece', () => {
    const parts = timelineParts(rows, label);
    const whole = layoutTimeline(rows, label);
    // January (with February and March, which have none), April (to November), December.
    expect(parts).toHaveLength(3);
    expect(parts.reduce((sum, p) => sum + (p as { height: number }).height, 0)).toBeCloseTo(whole.height, 6);
    for (const p of parts) expect((p as { padding?: number }).padding).toBe(0);
    const months = parts.map((p) => layers(p)[1]!.data.values.map((v) => v.label));
    expect(months).toEqual([['M1', 'M2', 'M3'], ['M4', 'M5', 'M6', 'M7', 'M8', 'M9', 'M10', 'M11'], ['M12']]);
    const lines = parts.flatMap((p) => layers(p)[4]!.data.values.map((v) => v.text));
    expect(lines).toEqual(whole.lines.map((l) => l.text));
    // The whole chart is unchanged: one piece from the top to the bottom.
    expect((timelineChart(rows, label) as { height: number }).height).toBe(whole.height);
  });

  it('is a figure the print may break: class "split" on the figure, only the first piece named for screen readers', () => {
    const svg = (i: number) => `<svg width="10" height="10"${i === 0 ? ' role="img" aria-labelledby="a b"' : ' aria-hidden="true"'}></svg>`;
    const figure = { id: 't', number: 1, label: 'Figure 1', caption: 'A year', svg: svg(0) + svg(1), notes: [], split: true, narrow: { svg: svg(0) }, download: { file: 'f.csv', label: 'CSV', csv: '' } } as RenderedFigure;
    expect(figureHtml(figure)).toMatch(/^<figure id="fig-t" data-number="1" class="split">/);
    expect(figureHtml({ ...figure, split: undefined } as RenderedFigure)).toMatch(/^<figure id="fig-t" data-number="1">/);
  });
});
