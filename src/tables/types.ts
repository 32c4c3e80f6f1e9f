/** Numbered tables: what they are made from, and what they make. */
import type { FigureContext, Scope } from '../figures/types.ts';
import type { Trace } from '../chapters/trace.ts';
import type { Where } from './modelled.ts';

export interface TableContext extends FigureContext {
  /** Every number a cell prints is recorded here (see src/check). */
  readonly trace: Trace;
  /** Whether a value was modelled rather than published (a reconstructed dataset); absent: none was. */
  readonly modelled?: (where: Where) => boolean;
}

export interface TableColumn {
  /** Plain text. */
  readonly label: string;
  /** Numbers are right-aligned. */
  readonly numeric: boolean;
}

export interface BuiltTable {
  /** Markup (escaped for markdown). */
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  /** Plain text per cell. */
  readonly rows: readonly (readonly string[])[];
}

export interface TableDefinition {
  readonly id: string;
  readonly scope: Scope;
  build(ctx: TableContext): BuiltTable;
}

export interface RenderedTable extends BuiltTable {
  readonly id: string;
  readonly number: number;
  /** "表 1" / "Table 1". */
  readonly label: string;
  /** Markup. */
  readonly notes: readonly string[];
}
