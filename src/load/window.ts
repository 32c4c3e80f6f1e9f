/**
 * The report's year window. The manifest's `paper_years` / `patent_years` say which years the report
 * covers; a real export covers all years. So a record whose year (a column marked `window` in the
 * contract) is outside its window is left out, not refused, and so is every row that points to a
 * left-out record through a foreign key (a left-out paper's affiliations, topic links and yearly
 * citations), so that no table counts what another has dropped. Every row left out is counted, per
 * table, for the build line and the metrics document's provenance.
 *
 * This runs after the contract checks: rows outside the window are still rows of the files and must
 * be valid (a foreign key to a left-out paper is a valid key), and the checks' line numbers refer to
 * the files as given.
 */
import { message } from '../messages.ts';
import { sqlIdent, type SqlEngine } from '../base/engine.ts';
import type { Manifest } from './manifest.ts';
import { TABLES, type TableName, type TableSpec, type YearWindow } from './schema.ts';

/** Rows left out per table, for every loaded table the window applies to (0 included). */
export type OutsideWindow = Partial<Record<TableName, number>>;

/** A table's own window column, if it has one. */
function windowColumn(spec: TableSpec): { readonly column: string; readonly window: YearWindow } | null {
  for (const c of spec.columns) if (c.type.kind === 'int' && c.type.window) return { column: c.name, window: c.type.window };
  return null;
}

/** The foreign keys of a table into other tables (a table's references to itself never carry the window). */
function references(spec: TableSpec) {
  return spec.columns.flatMap((c) => (c.references && c.references.table !== spec.name ? [{ column: c.name, target: `${c.references.table}.${c.references.column}`, table: c.references.table }] : []));
}

/** The tables the window applies to: those with a window column, and those pointing to one of them. */
export function windowedTables(): ReadonlySet<TableName> {
  const windowed = new Set<TableName>();
  // TABLES lists targets before the tables pointing to them.
  for (const spec of TABLES) if (windowColumn(spec) || references(spec).some((r) => windowed.has(r.table))) windowed.add(spec.name);
  return windowed;
}

export function windowYears(manifest: Manifest, window: YearWindow): readonly [number, number] {
  return window === 'paper_years' ? manifest.paperYears : manifest.patentYears;
}

/**
 * Leaves out, in the engine's tables `table(name)`, the rows outside the window and the rows that
 * point to them; `loaded` are the tables present. Returns the count per table. Costs one count per
 * windowed table when nothing is outside; deletes only what is.
 */
export async function applyYearWindow(
  engine: SqlEngine,
  manifest: Manifest,
  loaded: readonly TableName[],
  table: (name: TableName) => string,
): Promise<OutsideWindow> {
  const present = new Set(loaded);
  const windowed = windowedTables();
  const outside: OutsideWindow = {};
  // `table.column` of the unique ids of the records left out, with the temp table that lists them.
  const lostIds = new Map<string, string>();
  for (const spec of TABLES) {
    if (!present.has(spec.name) || !windowed.has(spec.name)) continue;
    const conditions: string[] = [];
    const own = windowColumn(spec);
    if (own) {
      const [from, to] = windowYears(manifest, own.window);
      // The checks passed, so the value is a whole number, typed or as text. A typed one (Parquet,
      // JSONL) is compared as it is, without a round trip through text (4 s at 10× the 2023 size).
      const id = sqlIdent(own.column);
      conditions.push(`coalesce(TRY_CAST(${id} AS BIGINT), TRY_CAST(trim(CAST(${id} AS VARCHAR)) AS BIGINT)) NOT BETWEEN ${from} AND ${to}`);
    }
    for (const ref of references(spec)) {
      const lost = lostIds.get(ref.target);
      if (lost) conditions.push(`CAST(${sqlIdent(ref.column)} AS VARCHAR) IN (SELECT id FROM ${lost})`);
    }
    if (conditions.length === 0) {
      outside[spec.name] = 0;
      continue;
    }
    const where = conditions.map((c) => `(${c})`).join(' OR ');
    const [{ n }] = (await engine.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table(spec.name)} WHERE ${where}`)) as [{ n: number }];
    outside[spec.name] = n;
    if (n === 0) continue;
    const id = spec.columns.find((c) => c.unique);
    if (id) {
      const lost = sqlIdent(`outside_window_${spec.name}`);
      await engine.run(`CREATE OR REPLACE TEMP TABLE ${lost} AS SELECT DISTINCT CAST(${sqlIdent(id.name)} AS VARCHAR) AS id FROM ${table(spec.name)} WHERE ${where}`);
      lostIds.set(`${spec.name}.${id.name}`, lost);
    }
    await engine.run(`DELETE FROM ${table(spec.name)} WHERE ${where}`);
  }
  for (const lost of lostIds.values()) await engine.run(`DROP TABLE ${lost}`);
  return outside;
}

/**
 * The part of the load line that says what the window left out, or null when nothing was: the
 * records outside each window ("1,234 papers, 7 scholar_moves outside <from>–<to>"), then the rows
 * that followed them.
 */
export function outsideWindowLine(manifest: Manifest, outside: OutsideWindow): string | null {
  const byWindow = new Map<string, string[]>();
  const following: string[] = [];
  for (const spec of TABLES) {
    const n = outside[spec.name] ?? 0;
    if (n === 0) continue;
    const own = windowColumn(spec);
    const item = `${n.toLocaleString('en-US')} ${spec.name}`;
    if (!own) following.push(item);
    else {
      const years = windowYears(manifest, own.window).join('–');
      byWindow.set(years, [...(byWindow.get(years) ?? []), item]);
    }
  }
  if (byWindow.size === 0) return null;
  const records = [...byWindow].map(([years, items]) => message('data.outside-window-records', { items, years }));
  return message('data.outside-window', { records, following });
}
