/**
 * The width figures are laid out for. The page's (FIGURE_WIDTH) by default; the web edition also
 * draws every figure for a phone's screen (render.ts: `atWidth(NARROW_WIDTH, …)`), where the chart
 * builders (charts.ts, timeline-chart.ts) read the narrower width from here.
 */
import { FIGURE_WIDTH } from './types.ts';

let current = FIGURE_WIDTH;

export const figureWidth = (): number => current;

/** Runs `make` with figures laid out `width` px wide. */
export function atWidth<T>(width: number, make: () => T): T {
  const previous = current;
  current = width;
  try {
    return make();
  } finally {
    current = previous;
  }
}
