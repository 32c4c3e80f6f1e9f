/**
 * How the typed tables are stored once checked (issue 20, docs/scale.md "Fourth pass"). DuckDB keeps
 * an in-memory table uncompressed: every text value is a 16-byte string, so at 10× the 2023 size the
 * tables alone took ~3.8 GB. The values the metrics read stay the same; only their representation
 * shrinks, without compression's CPU:
 *
 * - Low-cardinality text (countries, `doc_type`, `kind`) becomes a DuckDB ENUM (1 byte), and so do
 *   institution ids (an ENUM of the dataset's ids, 4 bytes), right after the table's own checks, so
 *   that the load never holds every table as text at once. Each ENUM declares its values in sorted
 *   (binary) order, the order DuckDB gives the text, so ORDER BY, GROUP BY and `<` give the same
 *   answer as on text; they read back as the same strings.
 * - Ids that are only join keys and never printed (`paper_id`, `patent_id`) become a 64-bit hash of
 *   the id, in the table and in every table pointing to it, at the end of the load (after the foreign
 *   keys and the year window are checked on the text). The ids of a table are checked to hash to
 *   distinct values first; if two did (a chance of ~10⁻⁴ at 30× the 2023 size) the table keeps its
 *   text ids, which the SQL reads just as well.
 * - Columns no metric reads (`scholar_id`, `scholars.city`, `scholar_moves.year`) are dropped.
 *
 * The hand-over to ClickHouse exports the stored columns (ENUMs as text, keys as UBIGINT).
 */
import { sqlIdent, sqlString, type HandedTable, type SqlEngine } from '../base/engine.ts';
import { COUNTRY_CODES } from './rules.ts';
import { tableSpec, TABLES, type ColumnSpec, type TableName, type TableSpec } from './schema.ts';

/**
 * The ENUM type a text column is stored as, or null when it stays text. `values` null: the values
 * are the data's (institution ids, made from the institutions table once it is checked).
 */
export function enumType(spec: TableSpec, column: ColumnSpec): { readonly name: string; readonly values: readonly string[] | null } | null {
  if (column.type.kind === 'country') return { name: 'country_code', values: COUNTRY_VALUES };
  if (column.type.kind === 'enum') return { name: `${spec.name}_${column.name}`, values: [...column.type.values].sort(binary) };
  const institution = spec.name === 'institutions' && column.unique ? true : column.references?.table === 'institutions';
  if (institution) return { name: INSTITUTION_KEY, values: null };
  return null;
}

/** The ENUM of the dataset's institution ids, in their text order. */
const INSTITUTION_KEY = 'institution_key';

/** Code-unit order: DuckDB's own order for text (no collation), the same as byte order for ASCII and UTF-8. */
const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const COUNTRY_VALUES: readonly string[] = [...COUNTRY_CODES].sort(binary);

/** Ids stored as hash keys: the unique column of these tables, and every column pointing to it. */
const KEYED: readonly TableName[] = ['papers', 'patents'];

/** Columns no metric reads, dropped once the load's checks and the year window are done. */
const UNREAD: Partial<Record<TableName, readonly string[]>> = {
  scholars: ['scholar_id', 'city'],
  scholar_moves: ['scholar_id', 'year'],
};

/**
 * Stores a checked table's low-cardinality text columns as ENUMs, in place; returns their names, the
 * columns createTyped must leave alone.
 */
export async function narrowColumns(engine: SqlEngine, table: string, spec: TableSpec): Promise<Set<string>> {
  const narrowed = new Set<string>();
  for (const column of spec.columns) {
    const e = enumType(spec, column);
    if (!e) continue;
    const type = sqlIdent(e.name);
    const id = sqlIdent(column.name);
    if (e.values) await engine.run(`CREATE TYPE IF NOT EXISTS ${type} AS ENUM (${e.values.map(sqlString).join(', ')})`);
    // The institutions' ids, sorted as the text sorts (DuckDB keeps the query's order), made when
    // that table is checked; the tables pointing to it come later (TABLES lists targets first).
    else if (spec.name === 'institutions' && column.unique) await engine.run(`CREATE OR REPLACE TYPE ${type} AS ENUM (SELECT CAST(${id} AS VARCHAR) FROM ${table} ORDER BY 1)`);
    else if (!(await typeExists(engine, e.name))) continue;
    await engine.run(`ALTER TABLE ${table} ALTER COLUMN ${id} TYPE ${type} USING CAST(CAST(${id} AS VARCHAR) AS ${type})`);
    narrowed.add(column.name);
  }
  return narrowed;
}

async function typeExists(engine: SqlEngine, name: string): Promise<boolean> {
  return (await engine.all(`SELECT 1 FROM duckdb_types() WHERE type_name = ${sqlString(name)} AND NOT internal`)).length > 0;
}

/**
 * The end of the load: ids that are only join keys become hash keys (when they hash to distinct
 * values), and the columns no metric reads are dropped. `loaded`: the typed tables there are.
 */
export async function storeKeys(engine: SqlEngine, loaded: readonly TableName[]) {
  const present = new Set(loaded);
  // The load is over: file order (for line numbers) no longer matters.
  await engine.run('SET preserve_insertion_order = false');
  for (const target of KEYED) {
    if (!present.has(target)) continue;
    const id = tableSpec(target).columns.find((c) => c.unique)!;
    // Distinct ids (checked) with a hash in common: then the table keeps its text ids.
    const collisions = await engine.all(`SELECT h FROM (SELECT hash(${sqlIdent(id.name)}) AS h FROM ${sqlIdent(target)}) GROUP BY h HAVING count(*) > 1 LIMIT 1`);
    if (collisions.length > 0) continue;
    for (const spec of TABLES) {
      if (!present.has(spec.name)) continue;
      for (const c of spec.columns) {
        const points = c.references?.table === target && c.references.column === id.name;
        if (points || (spec.name === target && c === id)) {
          const col = sqlIdent(c.name);
          await engine.run(`ALTER TABLE ${sqlIdent(spec.name)} ALTER COLUMN ${col} TYPE UBIGINT USING hash(${col})`);
        }
      }
    }
  }
  for (const [name, columns] of Object.entries(UNREAD) as [TableName, readonly string[]][]) {
    if (!present.has(name)) continue;
    for (const c of columns) await engine.run(`ALTER TABLE ${sqlIdent(name)} DROP COLUMN ${sqlIdent(c)}`);
  }
}

/**
 * The stored columns of a typed table, in the contract's order, as the hand-over exports them:
 * the SQL that reads each one and the type it arrives as.
 */
export async function storedColumns(engine: SqlEngine, name: TableName): Promise<{ select: string; column: HandedTable['columns'][number] }[]> {
  const described = await engine.all<{ column_name: string; column_type: string }>(`SELECT column_name, column_type FROM (DESCRIBE ${sqlIdent(name)})`);
  const types = new Map(described.map((r) => [r.column_name, r.column_type]));
  return tableSpec(name).columns.flatMap((c): { select: string; column: HandedTable['columns'][number] }[] => {
    const stored = types.get(c.name);
    if (stored === undefined) return [];
    const id = sqlIdent(c.name);
    const nullable = c.nullable === true;
    if (stored === 'UBIGINT' || stored === 'INTEGER' || stored === 'DOUBLE') return [{ select: id, column: { name: c.name, type: stored, nullable } }];
    // Text, and ENUMs, which arrive as their text.
    return [{ select: `CAST(${id} AS VARCHAR) AS ${id}`, column: { name: c.name, type: 'VARCHAR', nullable } }];
  });
}
