/**
 * A table definition (tables.yaml, see definitions.ts) built for a locale: its rows selected from the
 * metrics document (or a locale's editorial content), one cell per column, its caption and heads
 * from the locale.
 */
import * as fmt from '../base/format.ts';
import { select, type Variables } from '../base/select.ts';
import { ReportError } from '../errors.ts';
import { cellText } from './cells.ts';
import { NUMERIC_KINDS, type CaptionValue, type TableDefinition } from './definitions.ts';
import type { BuiltTable, TableContext } from './types.ts';

type Row = Readonly<Record<string, unknown>>;

/** The variables a table's selector may name: the focus (`$home`, `$rival`) and what the caller adds. */
function variables(ctx: TableContext): Variables {
  return { home: ctx.focus.home, rival: ctx.focus.rival, ...ctx.vars };
}

interface Rows {
  readonly rows: readonly Row[];
  readonly among: readonly Row[];
  readonly path?: string;
}

function rowsOf(def: TableDefinition, ctx: TableContext): Rows {
  const owner = `table "${def.id}"`;
  if ('messages' in def.rows) {
    const rows = Object.values(ctx.t.object(def.rows.messages) as Record<string, Row>);
    return { rows, among: rows };
  }
  const sel = def.rows;
  const [root, kind] = sel.from.split('.');
  if (root === 'content' && kind !== undefined && ctx.content[kind] === undefined) throw ReportError.of('table.no-content', { at: sel.at, owner, kind });
  // The edition's content is selected like the metrics: `content.directions`.
  const doc = { ...ctx.metrics, content: ctx.content };
  const rows = select(sel, doc, variables(ctx), owner).rows as Row[];
  // A rank counts among the rows the `where` keeps, whatever `top` shows.
  const among = select({ from: sel.from, where: sel.where, at: sel.at }, doc, variables(ctx), owner).rows as Row[];
  return { rows, among, path: sel.from };
}

export function buildTable(def: TableDefinition, ctx: TableContext): BuiltTable {
  const { rows, among, path } = rowsOf(def, ctx);
  const cells = rows.map((row, index) =>
    def.columns.map((col, i) => cellText(ctx, col, { row, index, among, shown: rows, ...(path !== undefined ? { path } : {}), ...(def.key !== undefined ? { key: def.key } : {}), owner: `table "${def.id}", column ${i + 1}` })),
  );
  const value = (what: CaptionValue): string | number => {
    const n = rows.length;
    switch (what) {
      case 'row-count':
        return n;
      case 'row-count-words':
        // "八大研究方向" / "The eight research directions": a numeral in Chinese, words in English.
        return ctx.trace.add(ctx.t.locale === 'zh' ? fmt.numeral(ctx.t.locale, n) : fmt.cardinal(ctx.t.locale, n), n, 'table');
      case 'home-country':
        return ctx.names.name(ctx.focus.home);
      case 'rival-country':
        return ctx.names.name(ctx.focus.rival);
    }
  };
  const values = Object.fromEntries(Object.entries(def.caption.values).map(([name, what]) => [name, value(what)]));
  return {
    caption: ctx.t.t(def.caption.key, values),
    columns: def.columns.map((col) => ({ label: ctx.t.text(col.head), numeric: NUMERIC_KINDS.has(col.kind) })),
    rows: cells,
  };
}
