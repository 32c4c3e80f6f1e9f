/**
 * Figures stage: (numbered figure ids, metrics, locale) → SVG with caption and notes.
 */
import type { CountryNames } from '../base/countries.ts';
import type { Translator } from '../base/i18n.ts';
import type { FigureNumbers } from '../base/slots.ts';
import type { MetricsDocument } from '../metrics/document.ts';
import { buildFigure } from './build.ts';
import { FIGURE_CONFIG, renderSvg, type SvgOptions } from './vega.ts';
import { atWidth } from './width.ts';
import type { BuiltFigure } from './types.ts';
import { toCsv } from '../base/csv.ts';
import { recordsData } from './data.ts';
import { ReportError } from '../errors.ts';
import { message } from '../messages.ts';
import type { CutLabel } from './charts.ts';
import type { FigureData } from './data.ts';
import { keyHtml, withHatch } from './modelled-marks.ts';

/**
 * A figure as printed: everything but the phone's drawing. The PDF's document is built from these
 * (the phone's chart is hidden in print), so the print need not wait for the phone's drawings.
 */
export type PageFigure = Omit<RenderedFigure, 'narrow'>;

export interface RenderedFigure {
  readonly id: string;
  readonly number: number;
  /** "图 1" / "Figure 1". */
  readonly label: string;
  /** Caption text, already escaped markup (from the locale). */
  readonly caption: string;
  readonly svg: string;
  /** Notes under the figure (scope, data source), escaped markup. */
  readonly notes: readonly string[];
  /** The page's chart is several SVGs, one under the other, that the print may break between (BuiltFigure.printParts). */
  readonly split?: boolean;
  /** The key to the chart's modelled values (markup, modelled-marks.ts), when it draws any. */
  readonly modelledKey?: string;
  /**
   * The chart for a phone's screen, its text no smaller than SCREEN_MIN_FONT px: laid out NARROW_WIDTH
   * wide (`svg`), or, when it cannot be drawn that narrow (a map), the page's chart shown `width` px
   * wide (enlarged so that its smallest text is SCREEN_MIN_FONT px), scrolling in its box.
   */
  readonly narrow: { readonly svg: string } | { readonly scrollWidth: number };
  /** The chart's data as CSV, and the download link's label (plain text). */
  readonly download: { readonly file: string; readonly label: string; readonly csv: string };
}

/** The rows a spec draws: its inline data, or the first named dataset. */
export function specRows(spec: { data?: unknown; datasets?: Record<string, unknown> }): Record<string, unknown>[] {
  const inline = (spec.data as { values?: unknown } | undefined)?.values;
  if (Array.isArray(inline)) return inline as Record<string, unknown>[];
  const named = Object.values(spec.datasets ?? {}).find(Array.isArray);
  return (named as Record<string, unknown>[] | undefined) ?? [];
}

/** The widest a chart drawn for a phone may be: a 390 px screen less the page's side padding (2 × 20 px), less rounding. */
export const NARROW_WIDTH = 346;
/** The smallest text on screen, in CSS px. */
export const SCREEN_MIN_FONT = 11;

/** A spec whose every text is at least SCREEN_MIN_FONT px (marks, and the text default of vega.ts). */
export function screenSpec<T>(spec: T): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = /^(fontSize|[a-z]+FontSize)$/.test(k) && typeof x === 'number' ? Math.max(x, SCREEN_MIN_FONT) : walk(x);
    return out;
  };
  const copy = walk(spec) as { config?: Record<string, unknown> };
  copy.config = { ...copy.config, text: { ...FIGURE_CONFIG.text, ...((copy.config?.text as object) ?? {}), fontSize: Math.max(FIGURE_CONFIG.text.fontSize, SCREEN_MIN_FONT) } };
  return copy as T;
}

const svgWidth = (svg: string) => Number(/^<svg[^>]*?\swidth="([0-9.]+)"/.exec(svg)?.[1] ?? Infinity);

/**
 * The figure drawn for a phone: laid out NARROW_WIDTH wide with screen-sized text, then narrower by
 * what it still ran over (long labels take their room first), twice at most; if it never fits, the
 * page's chart (`page`) enlarged to screen-sized text, to scroll.
 */
async function narrowChart(build: () => BuiltFigure, page: string, svg: typeof renderSvg, options: SvgOptions): Promise<RenderedFigure['narrow']> {
  let width = NARROW_WIDTH;
  let previous = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const spec = screenSpec(atWidth(width, build).spec);
    // A chart whose layout does not follow the width (a map's projection) is not drawn again.
    const key = JSON.stringify(spec);
    if (key === previous) break;
    previous = key;
    const drawn = await svg(spec, options);
    const over = svgWidth(drawn) - NARROW_WIDTH;
    if (over <= 0) return { svg: drawn };
    width -= Math.ceil(over);
  }
  const smallest = Math.min(...[...page.matchAll(/font-size="([0-9.]+)px"/g)].map((m) => Number(m[1])));
  return { scrollWidth: Math.ceil(svgWidth(page) * Math.max(1, SCREEN_MIN_FONT / smallest)) };
}

/**
 * A chart drawn in pieces: each its own SVG (ids suffixed), the first named and described for screen
 * readers as the whole chart, the others hidden from them (they are its continuation).
 */
async function drawParts(parts: readonly unknown[], svg: typeof renderSvg, options: SvgOptions): Promise<string> {
  const drawn: string[] = [];
  for (const [i, part] of parts.entries()) {
    const id = `${options.id}-${i}`;
    const one = withHatch(await svg(part as never, { ...options, id }), id);
    drawn.push(i === 0 ? one : one.replace(/^(<svg[^>]*?)\srole="img" aria-labelledby="[^"]*"/, '$1 aria-hidden="true"'));
  }
  return drawn.join('');
}

/** The phone's chart with its modelled marks hatched under ids of its own (a scrolling page chart is the page's). */
const hatchNarrow = (narrow: RenderedFigure['narrow'], id: string): RenderedFigure['narrow'] => ('svg' in narrow ? { svg: withHatch(narrow.svg, id) } : narrow);

/** The figure's CSV: the data its preset gives (data.ts), or the rows its spec draws. */
export function figureCsv(built: { spec: unknown; data?: FigureData }, t: Translator): string {
  const data = built.data ?? recordsData(t, specRows(built.spec as never));
  return toCsv(data.header, data.rows);
}

/**
 * A figure that cannot be made from this edition's data or content (a dataset without the table it
 * draws, an edition without the content file it needs) fails naming the figure, its cause kept.
 */
function figureError<T>(id: string, locale: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof ReportError) throw error;
    throw ReportError.of('figure.failed', { id, locale, detail: error instanceof Error ? error.message : String(error) }, error);
  }
}

/**
 * `svg` draws one figure: renderSvg, or a cached wrapper of it (the pipeline's build cache). `warn`
 * gets one line per label the chart had to cut (charts.ts).
 */
export async function renderFigures(
  numbers: FigureNumbers,
  metrics: MetricsDocument,
  t: Translator,
  names: CountryNames,
  svg: typeof renderSvg = renderSvg,
  warn: (line: string) => void = () => {},
): Promise<RenderedFigure[]> {
  const out: RenderedFigure[] = [];
  for (const [id, number] of figureOrder(numbers)) out.push(await renderFigure(id, number, numbers, metrics, t, names, svg, warn));
  return out;
}

/** The figures in the order of their numbers: the order renderFigures draws and returns them. */
export const figureOrder = (numbers: FigureNumbers): [string, number][] => [...numbers].sort((a, b) => a[1] - b[1]);

/**
 * One figure of renderFigures: it depends on nothing drawn before it, so the figures of a locale may
 * be drawn in any order, or on several threads (src/cache/figure-threads.ts), with the same result.
 */
export async function renderFigure(...args: Parameters<typeof renderPageFigure>): Promise<RenderedFigure> {
  const page = await renderPageFigure(...args);
  const [, , numbers, metrics, t, names, svg] = args;
  return withPhoneChart(page, await renderPhoneChart(page, numbers, metrics, t, names, svg));
}

/** The figure as printed (renderFigure without the phone's drawing): `warn` as renderFigure's. */
export async function renderPageFigure(
  id: string,
  number: number,
  numbers: FigureNumbers,
  metrics: MetricsDocument,
  t: Translator,
  names: CountryNames,
  svg: typeof renderSvg,
  warn: (line: string) => void,
): Promise<PageFigure> {
  const { built, notes } = figureError(id, t.locale, () => buildFigure(id, numbers, metrics, t, names));
  const cuts = (built.spec as { usermeta?: { cutLabels?: readonly CutLabel[] } }).usermeta?.cutLabels ?? [];
  for (const cut of cuts) warn(message('figure.label-cut', { locale: t.locale, figure: number, id, ...cut }));
  const drawn = built.printParts
    ? await drawParts(built.printParts, svg, { id: `fig-${id}-svg`, title: built.title, description: built.description })
    : withHatch(await svg(built.spec, { id: `fig-${id}-svg`, title: built.title, description: built.description }), `fig-${id}-svg`);
  const modelledKey = built.modelled ? keyHtml(built.modelledMark ?? 'hatch', t.text(`notes.modelled_key_${built.modelledMark ?? 'hatch'}`), `fig-${id}`) : undefined;
  const download = { file: `figure-${number}.csv`, label: t.text('document:download_csv'), csv: figureCsv(built, t) };
  return Object.freeze({ id, number, label: t.t('figure.label', { n: number }), caption: built.caption, svg: drawn, notes, ...(modelledKey ? { modelledKey } : {}), ...(built.printParts ? { split: true } : {}), download });
}

/** The phone's drawing of a figure drawn for the page (`page`: renderPageFigure's, same locale and metrics). */
export async function renderPhoneChart(page: PageFigure, numbers: FigureNumbers, metrics: MetricsDocument, t: Translator, names: CountryNames, svg: typeof renderSvg): Promise<RenderedFigure['narrow']> {
  // Named for screen readers as the page's chart is: the title and description do not depend on the width.
  const options = { id: `fig-${page.id}-svg-narrow`, title: '', description: '' };
  const build = () => {
    const built = buildFigure(page.id, numbers, metrics, t, names).built;
    Object.assign(options, { title: built.title, description: built.description });
    return built;
  };
  return hatchNarrow(await narrowChart(build, page.svg, svg, options), `fig-${page.id}-svg-narrow`);
}

/** The whole figure: the page's, with its phone drawing. */
export const withPhoneChart = (page: PageFigure, narrow: RenderedFigure['narrow']): RenderedFigure => {
  const { notes, modelledKey, split, download, ...head } = page;
  return Object.freeze({ ...head, narrow, notes, ...(modelledKey ? { modelledKey } : {}), ...(split ? { split } : {}), download });
};
