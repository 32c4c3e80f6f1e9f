/** One numbered table: its definition built for the locale, with label and notes. */
import { ReportError } from '../errors.ts';
import { scopeNotes } from '../figures/notes.ts';
import { TABLES } from './catalog.ts';
import { hasModelled, MODELLED_MARK, modelledLookup } from './modelled.ts';
import type { RenderedTable, TableContext } from './types.ts';

export function renderTable(id: string, number: number, ctx: TableContext): RenderedTable {
  const def = TABLES.find((d) => d.id === id);
  if (!def) throw ReportError.of('figure.unknown', { id, known: TABLES.map((d) => d.id) });
  const built = def.build({ ...ctx, modelled: ctx.modelled ?? modelledLookup(ctx.metrics) });
  const label = ctx.t.t('table.label', { n: number });
  ctx.trace.add(label, number, 'label');
  const notes = [...(hasModelled(built.rows) ? [ctx.t.t('notes.modelled', { mark: MODELLED_MARK })] : []), ...scopeNotes(def.scope, ctx.metrics, ctx.t)];
  return Object.freeze({ ...built, id, number, label, notes: Object.freeze(notes) });
}
