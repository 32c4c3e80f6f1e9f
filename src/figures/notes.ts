/**
 * The notes under a figure or table: what it covers (years, the definition it uses) and where the
 * data comes from. One place, so that every figure and table states its scope the same way.
 */
import type { Translator } from '../chapters/i18n.ts';
import type { MetricsDocument } from '../metrics/document.ts';
import type { Scope } from './types.ts';

export function scopeNotes(scope: Scope, metrics: MetricsDocument, t: Translator): string[] {
  const m = metrics.provenance.manifest;
  const [pFrom, pTo] = m.paper_years;
  const [tFrom, tTo] = m.patent_years;
  const scopeLine: Record<Scope, () => string | null> = {
    papers: () => t.t('notes.papers', { from: pFrom, to: pTo }),
    patents: () => t.t('notes.patents', { from: tFrom, to: tTo }),
    'high-value': () => t.t('notes.high_value', { from: tFrom, to: tTo }),
    talent: () => t.t('notes.talent'),
    flows: () => t.t('notes.flows'),
    'flows-cities': () => t.t('notes.flows_cities'),
    collaboration: () => t.t('notes.collaboration', { from: pFrom, to: pTo }),
    editorial: () => t.t('notes.editorial'),
    scope: () => t.t('notes.scope'),
  };
  const line = scopeLine[scope]();
  // Editorial content and the statement of scope are not from the dataset: they have no data source.
  return [...(line ? [line] : []), ...(scope === 'editorial' || scope === 'scope' ? [] : [t.t(m.reconstructed ? 'notes.source_reconstructed' : 'notes.source', { source: m.source[t.locale] })])];
}
