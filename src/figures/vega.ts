/**
 * Vega-Lite spec → SVG, headless. Vega normally guesses text width (0.8 em a character, wrong for
 * Chinese); here every label is measured with the font files the documents embed.
 */
import type { TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY, measureText } from '../fonts/fontsource.ts';
import { xmlCharacters, xmlText } from '../base/escape.ts';

type TextItem = { fontSize?: number; fontWeight?: number | string };

/**
 * vega and vega-lite, imported when this thread first draws: ~0.5 s of module loading that a build's
 * main thread, whose figures the figure thread draws, would otherwise spend before its data load
 * could start.
 */
let libraries: Promise<{ compile: typeof import('vega-lite').compile; vega: typeof import('vega') }> | undefined;
const chartLibraries = () =>
  (libraries ??= Promise.all([import('vega-lite'), import('vega')]).then(([vegaLite, vega]) => {
    // vega's typings omit textMetrics; its own code calls this hook for every label it lays out.
    const { textMetrics } = vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } };
    textMetrics.width = (item: TextItem, text: unknown) => {
      const weight = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600 ? 700 : 400;
      return measureText(String(text ?? ''), item.fontSize ?? 11, weight);
    };
    return { compile: vegaLite.compile, vega };
  }));

/** The look shared by every figure. */
export const FIGURE_CONFIG = {
  font: FONT_FAMILY,
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 400, labelColor: '#333', titleColor: '#333', gridColor: '#e6e6e6', domainColor: '#888', tickColor: '#888' },
  legend: { labelFontSize: 11, symbolType: 'square', symbolSize: 90, labelColor: '#333', padding: 2, labelLimit: 0 },
  text: { fontSize: 10, color: '#333' },
  bar: { color: '#2b6cb0' },
  line: { strokeWidth: 2 },
  point: { size: 30 },
  // Series colours, in order: the report's blue, then an orange that stays distinct in greyscale.
  range: { category: ['#2b6cb0', '#dd6b20', '#2f855a', '#805ad5', '#b7791f', '#718096'] },
} as const;

export interface SvgOptions {
  /** Unique in the document: prefixes the ids of the title and description. */
  readonly id: string;
  /** Read by screen readers: the chart's name and what it shows. */
  readonly title: string;
  readonly description: string;
}

export async function renderSvg(spec: TopLevelSpec, options: SvgOptions): Promise<string> {
  // The same chart is shown twice in an edition (a key point's figure again in its chapter): the same
  // spec gives the same drawing, so it is drawn once and named (title, description, ids) for each use.
  const key = JSON.stringify(spec);
  let svg = drawn.get(key);
  if (svg === undefined) {
    svg = await draw(spec);
    if (drawn.size >= DRAWN_KEPT) drawn.delete(drawn.keys().next().value!);
    drawn.set(key, svg);
  }
  return accessible(svg, options);
}

/** Drawings of this thread by spec, the most recent DRAWN_KEPT (an edition's repeated charts are some forty drawings apart). */
const drawn = new Map<string, string>();
const DRAWN_KEPT = 128;

async function draw(spec: TopLevelSpec): Promise<string> {
  const { compile, vega } = await chartLibraries();
  const { parse, resetSVGDefIds, View } = vega;
  const vgSpec = compile({ ...spec, config: { ...FIGURE_CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec).spec;
  resetSVGDefIds(); // clip-path ids restart for every figure: the same input gives the same SVG
  const view = new View(parse(vgSpec), { renderer: 'none' });
  try {
    return xmlCharacters(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** Puts <title> and <desc> first inside the root <svg>, and points aria-labelledby at them. */
function accessible(svg: string, { id, title, description }: SvgOptions): string {
  const open = svg.indexOf('>') + 1;
  const root = svg.slice(0, open).replace(/\saria-label="[^"]*"/, '').replace(/\srole="[^"]*"/, '').replace(/\saria-roledescription="[^"]*"/, '');
  const head = root.replace(/>$/, ` role="img" aria-labelledby="${id}-title ${id}-desc">`);
  return `${head}<title id="${id}-title">${xmlText(title)}</title><desc id="${id}-desc">${xmlText(description)}</desc>${svg.slice(open)}`;
}
