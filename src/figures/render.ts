/**
 * Figures stage: (numbered figure ids, metrics, locale) → SVG with caption and notes.
 */
import type { CountryNames } from '../chapters/countries.ts';
import type { Translator } from '../chapters/i18n.ts';
import type { FigureNumbers } from '../chapters/render.ts';
import { ReportError } from '../errors.ts';
import type { MetricsDocument } from '../metrics/document.ts';
import { FIGURES } from './catalog.ts';
import { scopeNotes } from './notes.ts';
import { renderSvg } from './vega.ts';

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
}

/** `svg` draws one figure: renderSvg, or a cached wrapper of it (the pipeline's build cache). */
export async function renderFigures(numbers: FigureNumbers, metrics: MetricsDocument, t: Translator, names: CountryNames, svg: typeof renderSvg = renderSvg): Promise<RenderedFigure[]> {
  const out: RenderedFigure[] = [];
  for (const [id, number] of [...numbers].sort((a, b) => a[1] - b[1])) {
    const def = FIGURES.find((f) => f.id === id);
    if (!def) throw ReportError.of('figure.unknown', { id, known: FIGURES.map((f) => f.id) });
    const focus = numbers.focus ?? { home: 'CN', rival: 'US' };
    const built = def.build({ metrics, t, names, focus });
    const drawn = await svg(built.spec, { id: `fig-${id}-svg`, title: built.title, description: built.description });
    const notes = scopeNotes(def.scope, metrics, t);
    out.push(Object.freeze({ id, number, label: t.t('figure.label', { n: number }), caption: built.caption, svg: drawn, notes: Object.freeze(notes) }));
  }
  return out;
}
