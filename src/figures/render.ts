/**
 * Figures stage: (numbered figure ids, metrics, locale) → SVG with caption and notes.
 */
import type { CountryNames } from '../chapters/countries.ts';
import type { Translator } from '../chapters/i18n.ts';
import type { FigureNumbers } from '../chapters/render.ts';
import type { MetricsDocument } from '../metrics/document.ts';
import { buildFigure } from './build.ts';
import { renderSvg } from './vega.ts';
import { toCsv } from '../html/csv.ts';
import { recordsData } from './data.ts';
import { ReportError } from '../errors.ts';
import { message } from '../messages.ts';
import type { CutLabel } from './charts.ts';
import type { FigureData } from './data.ts';

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
  for (const [id, number] of [...numbers].sort((a, b) => a[1] - b[1])) {
    const { built, notes } = figureError(id, t.locale, () => buildFigure(id, numbers, metrics, t, names));
    const cuts = (built.spec as { usermeta?: { cutLabels?: readonly CutLabel[] } }).usermeta?.cutLabels ?? [];
    for (const cut of cuts) warn(message('figure.label-cut', { locale: t.locale, figure: number, id, ...cut }));
    const drawn = await svg(built.spec, { id: `fig-${id}-svg`, title: built.title, description: built.description });
    const download = { file: `figure-${number}.csv`, label: t.text('document:download_csv'), csv: figureCsv(built, t) };
    out.push(Object.freeze({ id, number, label: t.t('figure.label', { n: number }), caption: built.caption, svg: drawn, notes, download }));
  }
  return out;
}
