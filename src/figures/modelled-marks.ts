/**
 * The one way a chart shows a modelled value (one the published edition did not print, see
 * base/modelled.ts): its mark is left open. A bar or a map's area is hatched, white and grey diagonal
 * lines drawn over its own colour and clipped to its outline (so the series' colour stays readable);
 * a point on a line, too small to carry a hatch, is drawn hollow. A chart with such values carries a
 * key under it (keyHtml), and the preface says once what the marks mean (docs/print-and-web.md). No
 * `*`, no paler colours, no note under the figure.
 */
import { htmlText } from '../base/escape.ts';

/** The fill a spec gives a modelled bar's or area's overlay: a placeholder withHatch replaces with the hatch's lines. */
export const HATCH_FILL = 'url(#modelled-hatch)';

/** The prefix of the hatch's clip ids inside one SVG: every drawn SVG has its own. */
export const hatchId = (svgId: string) => `${svgId}-hatch`;

/** The hatch: lines at 45° every HATCH_STEP px, white with a thin dark one between, visible over dark and light colours alike. */
const HATCH_STEP = 6;

/**
 * The hatch as drawn geometry: the diagonals that cross `box`, as one path (`offset` shifts them by a
 * fraction of a step). Drawn, not an SVG <pattern>: Chromium prints a pattern as a tile the size of the
 * chart for every mark that uses it (a PDF of 1 MB grew to 5 MB).
 */
function diagonals(box: Box, offset: number): string {
  const parts: string[] = [];
  const r = (n: number) => Math.round(n * 100) / 100;
  // Lines x + y = c, for c stepping over the box's range of x + y.
  const first = Math.floor((box.x0 + box.y0) / HATCH_STEP) * HATCH_STEP + offset * HATCH_STEP;
  for (let c = first; c <= box.x1 + box.y1 + HATCH_STEP; c += HATCH_STEP) {
    // From the line's entry on the left or top edge to its exit on the bottom or right edge.
    const xa = Math.max(box.x0, c - box.y1);
    const xb = Math.min(box.x1, c - box.y0);
    if (xb <= xa) continue;
    parts.push(`M${r(xa)},${r(c - xa)}L${r(xb)},${r(c - xb)}`);
  }
  return parts.join('');
}

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The box of an SVG path's points (end and control points: a little large for curves, never small). */
export function pathBox(d: string): Box | undefined {
  const tokens = d.match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  const xs: number[] = [];
  const ys: number[] = [];
  let cmd = '';
  let i = 0;
  const num = () => Number(tokens[i++]);
  const at = (nx: number, ny: number) => {
    xs.push(nx);
    ys.push(ny);
  };
  while (i < tokens.length) {
    if (/[a-zA-Z]/.test(tokens[i]!)) cmd = tokens[i++]!;
    const rel = cmd === cmd.toLowerCase();
    const bx = rel ? x : 0;
    const by = rel ? y : 0;
    switch (cmd.toUpperCase()) {
      case 'M':
      case 'L':
      case 'T':
        x = bx + num();
        y = by + num();
        if (cmd.toUpperCase() === 'M') start = [x, y];
        at(x, y);
        if (cmd === 'M') cmd = 'L';
        else if (cmd === 'm') cmd = 'l';
        break;
      case 'H':
        x = bx + num();
        at(x, y);
        break;
      case 'V':
        y = by + num();
        at(x, y);
        break;
      case 'C':
      case 'S':
      case 'Q': {
        const pairs = cmd.toUpperCase() === 'C' ? 3 : 2;
        for (let k = 0; k < pairs; k++) {
          const px = bx + num();
          const py = by + num();
          at(px, py);
          if (k === pairs - 1) [x, y] = [px, py];
        }
        break;
      }
      case 'A':
        i += 5;
        x = bx + num();
        y = by + num();
        at(x, y);
        break;
      case 'Z':
        [x, y] = start;
        break;
      default:
        return undefined;
    }
  }
  if (xs.length === 0 || xs.some(Number.isNaN) || ys.some(Number.isNaN)) return undefined;
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** What the key's swatch and a hatched mark draw: the diagonals, clipped to the mark's outline. */
function hatchGroup(d: string, transform: string, clipId: string): string {
  const box = pathBox(d);
  if (!box) return '';
  const t = transform ? ` transform="${transform}"` : '';
  return (
    `<g class="modelled-hatch"${t} clip-path="url(#${clipId})" aria-hidden="true"><clipPath id="${clipId}"><path d="${d}"/></clipPath>` +
    `<path d="${diagonals(box, 0)}" fill="none" stroke="#ffffff" stroke-opacity="0.9" stroke-width="1.8"/>` +
    `<path d="${diagonals(box, 0.5)}" fill="none" stroke="#1a202c" stroke-opacity="0.4" stroke-width="0.6"/></g>`
  );
}

/**
 * An SVG whose spec used HATCH_FILL: each element so filled becomes the hatch's lines, clipped to its
 * outline (ids from `svgId`, unique in the document). Others unchanged.
 */
export function withHatch(svg: string, svgId: string): string {
  if (!svg.includes(HATCH_FILL)) return svg;
  let n = 0;
  return svg.replace(/<path((?:\s[a-z-]+="[^"]*")*)\s*\/>|<path((?:\s[a-z-]+="[^"]*")*)><\/path>/g, (whole, a1: string | undefined, a2: string | undefined) => {
    const attrs = a1 ?? a2 ?? '';
    if (!attrs.includes(`fill="${HATCH_FILL}"`)) return whole;
    const d = /\sd="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const transform = /\stransform="([^"]*)"/.exec(attrs)?.[1] ?? '';
    return hatchGroup(d, transform, `${hatchId(svgId)}-${n++}`);
  });
}

/** How a chart draws its modelled values: hatched bars or areas, or hollow points. */
export type ModelledMark = 'hatch' | 'hollow';

/**
 * The key under a chart with modelled values: the open mark beside its meaning (`text`, plain text
 * from the locale). `id` makes the swatch's clip id unique in the document.
 */
export function keyHtml(mark: ModelledMark, text: string, id: string): string {
  const swatch =
    mark === 'hatch'
      ? `<svg class="modelled-swatch" width="14" height="10" viewBox="0 0 14 10" aria-hidden="true"><rect width="14" height="10" fill="#718096"/>${hatchGroup('M0,0h14v10h-14Z', '', `${id}-key`)}</svg>`
      : `<svg class="modelled-swatch" width="14" height="10" viewBox="0 0 14 10" aria-hidden="true"><line x1="0" y1="5" x2="14" y2="5" stroke="#718096" stroke-width="2"/><circle cx="7" cy="5" r="3" fill="#ffffff" stroke="#718096" stroke-width="1.2"/></svg>`;
  return `<p class="modelled-key" data-modelled="${mark}">${swatch}<span>${htmlText(text)}</span></p>`;
}
