/** One numbered table: its definition built for the locale, with label and notes. */
import { ReportError } from '../errors.ts';
import { scopeNotes } from '../figures/notes.ts';
import { TABLES } from './catalog.ts';
import type { RenderedTable, TableContext } from './types.ts';

export function renderTable(id: string, number: number, ctx: TableContext): RenderedTable {
  const def = TABLES.find((d) => d.id === id);
  if (!def) throw ReportError.of('figure.unknown', { id, known: TABLES.map((d) => d.id) });
  const built = def.build(ctx);
  const label = ctx.t.t('table.label', { n: number });
  ctx.trace.add(label, number, 'label');
  return Object.freeze({ ...built, id, number, label, notes: Object.freeze(scopeNotes(def.scope, ctx.metrics, ctx.t)) });
}
