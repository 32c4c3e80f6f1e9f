/**
 * The one way a chart shows a modelled value (one the published edition did not print, see
 * base/modelled.ts): its mark is left open. A bar or a map's area is hatched, white and grey diagonal
 * lines drawn over its own colour (so the series' colour stays readable); a point on a line, too small
 * to carry a hatch, is drawn hollow. A chart with such values carries a key under it (keyHtml), and the
 * preface says once what the key means (docs/print-and-web.md). No `*`, no paler colours, no note
 * under the figure.
 */
import { htmlText } from '../base/escape.ts';

/** The fill a spec gives a modelled bar's or area's overlay; renderSvg (vega.ts) points it at the SVG's own pattern. */
export const HATCH_FILL = 'url(#modelled-hatch)';

/** The pattern's id inside one SVG: every drawn SVG has its own (a pattern in a hidden SVG is not painted elsewhere). */
export const hatchId = (svgId: string) => `${svgId}-hatch`;

/** The hatch: a white line and a thin dark one every 5 px at 45°, visible over dark and light colours alike. */
export function hatchPattern(id: string): string {
  return (
    `<pattern id="${id}" class="modelled-hatch" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">` +
    `<rect x="0.6" y="0" width="1.8" height="5" fill="#ffffff" fill-opacity="0.85"/>` +
    `<rect x="2.4" y="0" width="0.6" height="5" fill="#1a202c" fill-opacity="0.45"/>` +
    `</pattern>`
  );
}

/** An SVG whose spec used HATCH_FILL, with the pattern defined in it under its own id (others unchanged). */
export function withHatch(svg: string, svgId: string): string {
  if (!svg.includes(HATCH_FILL)) return svg;
  const id = hatchId(svgId);
  const open = svg.indexOf('>') + 1;
  return `${svg.slice(0, open)}<defs>${hatchPattern(id)}</defs>${svg.slice(open).replaceAll(HATCH_FILL, `url(#${id})`)}`;
}

/** How a chart draws its modelled values: hatched bars or areas, or hollow points. */
export type ModelledMark = 'hatch' | 'hollow';

/**
 * The key under a chart with modelled values: the open mark beside its meaning (`text`, plain text
 * from the locale). `id` makes the swatch's pattern id unique in the document.
 */
export function keyHtml(mark: ModelledMark, text: string, id: string): string {
  const swatch =
    mark === 'hatch'
      ? `<svg class="modelled-swatch" width="14" height="10" viewBox="0 0 14 10" aria-hidden="true"><defs>${hatchPattern(`${id}-key`)}</defs><rect width="14" height="10" fill="#718096"/><rect width="14" height="10" fill="url(#${id}-key)"/></svg>`
      : `<svg class="modelled-swatch" width="14" height="10" viewBox="0 0 14 10" aria-hidden="true"><line x1="0" y1="5" x2="14" y2="5" stroke="#718096" stroke-width="2"/><circle cx="7" cy="5" r="3" fill="#ffffff" stroke="#718096" stroke-width="1.2"/></svg>`;
  return `<p class="modelled-key" data-modelled="${mark}">${swatch}<span>${htmlText(text)}</span></p>`;
}
