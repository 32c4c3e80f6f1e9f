/**
 * The labels at the end of yearly lines, kept apart: lines that end close together (Germany's and
 * China's high-value patents) would print their values on top of each other. The y scale's top is
 * fixed here (the "nice" value Vega would choose), so the labels' pixel heights are known before
 * Vega draws them; each is moved the least it must to keep one line of text between neighbours.
 */

/** The "nice" top of a linear axis from 0 with about `ticks` ticks: 1, 2 or 5 times a power of ten per step. */
export function niceTop(max: number, ticks = 5): number {
  if (!(max > 0)) return 1;
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = magnitude * ([1, 2, 5, 10].find((f) => raw / magnitude <= f) ?? 10);
  return Math.ceil(max / step - 1e-9) * step;
}

/**
 * Where to print each value label, in the data's units: `values` (one per line, any order) on a scale
 * from 0 to `top` drawn `height` px tall, at least `gap` px apart, none above the top or below
 * `lowest` px (the height: the axis; less, to keep a label's lower half off the axis' line).
 */
export function spreadLabels(values: readonly number[], top: number, height: number, gap: number, lowest = height): number[] {
  const px = values.map((v, i) => ({ i, y: height * (1 - v / top), at: height * (1 - v / top) })).sort((a, b) => a.y - b.y || a.i - b.i);
  // Downwards from the top, each at least `gap` below the one above it; then, if that ran past the
  // bottom, upwards from the bottom the same way.
  for (let k = 0; k < px.length; k++) px[k]!.y = Math.max(px[k]!.y, k === 0 ? 0 : px[k - 1]!.y + gap);
  for (let k = px.length - 1; k >= 0; k--) px[k]!.y = Math.min(px[k]!.y, k === px.length - 1 ? lowest : px[k + 1]!.y - gap);
  const out = new Array<number>(values.length);
  for (const p of px) out[p.i] = p.y === p.at ? values[p.i]! : top * (1 - p.y / height);
  return out;
}
