/**
 * How the typed tables are stored once checked (issue 20, docs/scale.md "Fourth pass"). DuckDB keeps
 * an in-memory table uncompressed: every text value is a 16-byte string, so at 10× the 2023 size the
 * tables alone took ~3.8 GB. The values the metrics read stay the same; only their representation
 * shrinks, without compression's CPU:
 *
 * - Low-cardinality text (countries, `doc_type`, `kind`) becomes a DuckDB ENUM (1 byte), right after
 *   the table's own checks, so that the load never holds every table as text at once. Each ENUM
 *   declares its values in sorted (binary) order, the order DuckDB gives the text, so ORDER BY,
 *   GROUP BY and `<` give the same answer as on text; they read back as the same strings.
 * - Ids used as join keys become a 64-bit hash of the id (8 bytes, not 16 and more), in every table
 *   pointing to them, at the end of the load (after the foreign keys and the year window are checked
 *   on the text): `paper_id` and `patent_id` in their own tables too (never printed); institutions
 *   keep their printed text id and get `institution_key` beside it. The uniqueness check of the ids
 *   (rules.ts) also finds whether two distinct ids share a hash (a chance of ~10⁻⁴ at 30× the 2023
 *   size); then that table's ids stay text, which the SQL reads just as well.
 * - Columns no metric reads (`scholar_id`, `scholars.city`, `scholar_moves.year`) are dropped.
 *
 * The hand-over to ClickHouse exports the stored columns (ENUMs as text, keys as UBIGINT).
 * ENUMs of the institution ids were tried: casting text to an ENUM of 250,000 values costs ~0.6 µs a
 * row, 30 s of CPU at 10× (docs/scale.md).
 */
import { sqlIdent, sqlString, type HandedTable, type SqlEngine } from '../base/engine.ts';
import { COUNTRY_CODES } from './rules.ts';
import { tableSpec, TABLES, type ColumnSpec, type TableName, type TableSpec } from './schema.ts';

/** The ENUM type a text column is stored as, or null when it stays text. */
export function enumType(spec: TableSpec, column: ColumnSpec): { readonly name: string; readonly values: readonly string[] } | null {
  if (column.type.kind === 'country') return { name: 'country_code', values: COUNTRY_VALUES };
  if (column.type.kind === 'enum') return { name: `${spec.name}_${column.name}`, values: [...column.type.values].sort(binary) };
  return null;
}

/** Code-unit order: DuckDB's own order for text (no collation), the same as byte order for ASCII and UTF-8. */
const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const COUNTRY_VALUES: readonly string[] = [...COUNTRY_CODES].sort(binary);

/**
 * Ids stored as hash keys: the unique column of these tables, and every column pointing to it.
 * Institution ids are printed, so the institutions keep theirs and get the key beside it, as
 * `institution_key`, which the SQL joins on.
 */
const KEYED: readonly TableName[] = ['institutions', 'papers', 'patents'];

/** The column of the institutions' hash keys (their text ids stay, to be printed). */
export const INSTITUTION_KEY = 'institution_key';

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
    await engine.run(`CREATE TYPE IF NOT EXISTS ${type} AS ENUM (${e.values.map(sqlString).join(', ')})`);
    await engine.run(`ALTER TABLE ${table} ALTER COLUMN ${id} TYPE ${type} USING CAST(CAST(${id} AS VARCHAR) AS ${type})`);
    narrowed.add(column.name);
  }
  return narrowed;
}

/**
 * The end of the load: ids that are only join keys become hash keys, and the columns no metric
 * reads are dropped. `loaded`: the typed tables there are; `hashed`: those whose ids have distinct
 * hashes (rules.ts checks it with their uniqueness); the others keep their text ids.
 */
export async function storeKeys(engine: SqlEngine, loaded: readonly TableName[], hashed: ReadonlySet<TableName>) {
  const present = new Set(loaded);
  // The load is over: file order (for line numbers) no longer matters.
  await engine.run('SET preserve_insertion_order = false');
  for (const target of KEYED) {
    if (!present.has(target)) continue;
    const id = tableSpec(target).columns.find((c) => c.unique)!;
    const keyed = hashed.has(target);
    if (keyed) {
      for (const spec of TABLES) {
        if (!present.has(spec.name)) continue;
        for (const c of spec.columns) {
          if (c.references?.table !== target || c.references.column !== id.name) continue;
          // hash(NULL) is a number: a missing reference stays NULL.
          const col = sqlIdent(c.name);
          await engine.run(`ALTER TABLE ${sqlIdent(spec.name)} ALTER COLUMN ${col} TYPE UBIGINT USING ${c.nullable ? `CASE WHEN ${col} IS NOT NULL THEN hash(${col}) END` : `hash(${col})`}`);
        }
      }
    }
    const col = sqlIdent(id.name);
    if (target === 'institutions') {
      await engine.run(`ALTER TABLE institutions ADD COLUMN ${sqlIdent(INSTITUTION_KEY)} ${keyed ? 'UBIGINT' : 'VARCHAR'}`);
      await engine.run(`UPDATE institutions SET ${sqlIdent(INSTITUTION_KEY)} = ${keyed ? `hash(${col})` : col}`);
    } else if (keyed) await engine.run(`ALTER TABLE ${sqlIdent(target)} ALTER COLUMN ${col} TYPE UBIGINT USING hash(${col})`);
  }
  for (const [name, columns] of Object.entries(UNREAD) as [TableName, readonly string[]][]) {
    if (!present.has(name)) continue;
    for (const c of columns) await engine.run(`ALTER TABLE ${sqlIdent(name)} DROP COLUMN ${sqlIdent(c)}`);
  }
}

/**
 * The stored columns of a typed table, as the hand-over exports them: the SQL that reads each one
 * and the type it arrives as.
 */
export async function storedColumns(engine: SqlEngine, name: TableName): Promise<{ select: string; column: HandedTable['columns'][number] }[]> {
  const described = await engine.all<{ column_name: string; column_type: string }>(`SELECT column_name, column_type FROM (DESCRIBE ${sqlIdent(name)})`);
  const spec = tableSpec(name);
  return described.map(({ column_name: name, column_type: stored }): { select: string; column: HandedTable['columns'][number] } => {
    const id = sqlIdent(name);
    const nullable = spec.columns.find((c) => c.name === name)?.nullable === true;
    if (stored === 'UBIGINT' || stored === 'INTEGER' || stored === 'DOUBLE') return { select: id, column: { name, type: stored, nullable } };
    // Text, and ENUMs, which arrive as their text.
    return { select: `CAST(${id} AS VARCHAR) AS ${id}`, column: { name, type: 'VARCHAR', nullable } };
  });
}
