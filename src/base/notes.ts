/**
 * The notes under a figure or table: what it covers (years, the definition it uses) and where the
 * data comes from. One place, so that every figure and table states its scope the same way.
 */
import type { EditionContent } from './content.ts';
import * as fmt from './format.ts';
import type { Translator } from './i18n.ts';
import type { Timeline } from './timeline.ts';
import type { MetricsDocument } from '../metrics/document.ts';

/**
 * Which notes go under a figure or table: its scope (years, definitions) and the data source.
 * `editorial` (chosen by the editors) and `scope` (the edition's statement of the field's scope, the
 * keywords the edition lists) are not from the dataset and have no data source.
 */
export type Scope = 'papers' | 'patents' | 'high-value' | 'talent' | 'researchers' | 'flows' | 'flows-cities' | 'collaboration' | 'editorial' | 'scope' | 'timeline';

export const SCOPES: readonly Scope[] = ['papers', 'patents', 'high-value', 'talent', 'researchers', 'flows', 'flows-cities', 'collaboration', 'editorial', 'scope', 'timeline'];

/** `content` is the edition's (content/*.yaml): a timeline's note states the year it covers. */
export function scopeNotes(scope: Scope, metrics: MetricsDocument, t: Translator, content: EditionContent = {}): string[] {
  const m = metrics.provenance.manifest;
  const [pFrom, pTo] = m.paper_years;
  const [tFrom, tTo] = m.patent_years;
  const scopeLine: Record<Scope, () => string | null> = {
    papers: () => t.t('notes.papers', { from: pFrom, to: pTo }),
    patents: () => t.t('notes.patents', { from: tFrom, to: tTo }),
    'high-value': () => t.t('notes.high_value', { from: tFrom, to: tTo }),
    talent: () => t.t('notes.talent'),
    // Researchers counted without the high-level ones (a map of all researchers): no definition to state.
    researchers: () => null,
    flows: () => t.t('notes.flows'),
    'flows-cities': () => t.t('notes.flows_cities'),
    collaboration: () => t.t('notes.collaboration', { from: pFrom, to: pTo }),
    editorial: () => t.t('notes.editorial'),
    scope: () => t.t('notes.scope'),
    timeline: () => {
      const year = (content.timeline as Timeline | undefined)?.year;
      if (year === undefined) throw new Error('a timeline figure needs the edition\'s content/timeline.yaml');
      return t.t('notes.timeline', { from: fmt.yearMonth(t.locale, year, 1), to: fmt.yearMonth(t.locale, year, 12) });
    },
  };
  const line = scopeLine[scope]();
  // Editorial content, the statement of scope and dated events are not from the dataset: they have no data source.
  return [...(line ? [line] : []), ...(scope === 'editorial' || scope === 'scope' || scope === 'timeline' ? [] : [t.t(m.reconstructed ? 'notes.source_reconstructed' : 'notes.source', { source: m.source[t.locale] })])];
}
