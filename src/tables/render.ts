/** Tables stage: the numbered tables an edition places, each built for the locale with label and notes. */
import { editionVariables } from '../base/variables.ts';
import type { Edition } from '../base/edition.ts';
import { numberTables } from '../base/slots.ts';
import { NO_TRACE } from '../base/trace.ts';
import { ReportError } from '../errors.ts';
import { scopeNotes } from '../base/notes.ts';
import { buildTable } from './build.ts';
import { editionTables, type TableDefinition } from './definitions.ts';
import { modelledLookup } from '../base/modelled.ts';
import type { RenderedTable, TableContext } from './types.ts';

export function renderTable(tables: readonly TableDefinition[], id: string, number: number, ctx: TableContext): RenderedTable {
  const def = tables.find((d) => d.id === id);
  if (!def) throw ReportError.of('table.unknown', { id, known: tables.map((d) => d.id) });
  const built = buildTable(def, { ...ctx, modelled: ctx.modelled ?? modelledLookup(ctx.metrics) });
  const label = ctx.t.t('table.label', { n: number });
  ctx.trace.add(label, number, 'label');
  // Modelled cells are printed hatched (html/tables.ts) and explained once, in the preface: no note here.
  const notes = scopeNotes(def.scope, ctx.metrics, ctx.t);
  return Object.freeze({ ...built, id, number, label, notes: Object.freeze(notes) });
}

/** Every table the chapters place (id → number, in order of placement), once each. */
export function renderTables(tables: readonly TableDefinition[], numbers: ReadonlyMap<string, number>, ctx: TableContext): RenderedTable[] {
  return [...numbers].sort((a, b) => a[1] - b[1]).map(([id, number]) => renderTable(tables, id, number, ctx));
}

/** The tables the edition's chapters place (traced when a trace is given). An edition that places tables must name its focus. */
export function renderEditionTables(edition: Edition, ctx: Pick<TableContext, 'metrics' | 't' | 'names'> & { readonly trace?: TableContext['trace'] }): RenderedTable[] {
  const numbers = numberTables(edition);
  if (numbers.size === 0) return [];
  if (!edition.focus) throw ReportError.of('table.no-focus', { edition: edition.edition });
  const vars = editionVariables({ metrics: ctx.metrics, names: ctx.names, focus: edition.focus, ...(edition.topics ? { topics: edition.topics } : {}) });
  return renderTables(editionTables(edition.tables), numbers, { ...ctx, focus: edition.focus, content: edition.content ?? {}, vars, trace: ctx.trace ?? NO_TRACE });
}
