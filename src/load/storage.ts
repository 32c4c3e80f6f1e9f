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
 * - Ids used as join keys become a 64-bit hash of the id (8 bytes, not 16 and more): a table's
 *   references right after its own foreign keys are checked (on the text), the referenced table's
 *   own ids once the last table holding them is checked (fifth pass): `paper_id` and `patent_id`
 *   in their own tables too (never printed); institutions
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

/** The columns holding `target`'s ids: its own (unless printed) and every column pointing to it. */
function keyColumns(target: TableName, names: readonly TableName[]): { table: TableName; column: ColumnSpec }[] {
  const id = tableSpec(target).columns.find((c) => c.unique)!;
  const out: { table: TableName; column: ColumnSpec }[] = [];
  for (const spec of TABLES) {
    if (!names.includes(spec.name)) continue;
    for (const c of spec.columns) {
      const own = spec.name === target && c === id && target !== 'institutions';
      if (own || (c.references?.table === target && c.references.column === id.name)) out.push({ table: spec.name, column: c });
    }
  }
  return out;
}

/**
 * The id columns that can become hash keys once `name` is checked (`names`: the tables being loaded,
 * targets first; `distinct`: the keyed tables checked so far whose ids hash to distinct values):
 * - `name`'s own references to such a table, at once: their foreign keys have just been checked on
 *   the text, and holding them as text while the next tables are read and checked is what made the
 *   load's peak (docs/scale.md, fifth pass);
 * - a keyed table's own ids once `name` is the last table holding them, so that every foreign-key
 *   check against them has compared text.
 * The year window, which runs later, compares ids only for equality, which distinct hashes keep.
 */
export function keysReadyAfter(name: TableName, names: readonly TableName[], distinct: ReadonlySet<TableName>): { table: TableName; column: ColumnSpec }[] {
  return KEYED.filter((target) => names.includes(target) && distinct.has(target)).flatMap((target) => {
    const holders = keyColumns(target, names);
    const last = names.filter((n) => n === target || holders.some((k) => k.table === n)).at(-1);
    return holders.filter((k) => (k.column.references ? k.table === name : last === name));
  });
}

/**
 * Turns id columns into hash keys (`table(name)`: the name a table has now). Returns the columns
 * changed, per table: createTyped leaves them alone.
 */
export async function hashKeys(engine: SqlEngine, columns: readonly { table: TableName; column: ColumnSpec }[], table: (name: TableName) => string): Promise<{ table: TableName; column: string }[]> {
  const changed: { table: TableName; column: string }[] = [];
  for (const { table: name, column } of columns) {
    const col = sqlIdent(column.name);
    // The hash of the id as text, as the uniqueness check hashed it; hash(NULL) is a number, so a
    // missing reference is kept NULL.
    const key = `hash(CAST(${col} AS VARCHAR))`;
    await engine.run(`ALTER TABLE ${table(name)} ALTER COLUMN ${col} TYPE UBIGINT USING ${column.nullable ? `CASE WHEN ${col} IS NOT NULL THEN ${key} END` : key}`);
    changed.push({ table: name, column: column.name });
  }
  return changed;
}

/**
 * The end of the load: the institutions get `institution_key` (the hash of their id, or the id
 * itself when their ids' hashes are not distinct), and the columns no metric reads are dropped.
 * `loaded`: the typed tables there are; `hashed`: those whose ids became hash keys.
 */
export async function finishStorage(engine: SqlEngine, loaded: readonly TableName[], hashed: ReadonlySet<TableName>) {
  const present = new Set(loaded);
  if (present.has('institutions')) {
    const keyed = hashed.has('institutions');
    const key = sqlIdent(INSTITUTION_KEY);
    await engine.run(`ALTER TABLE institutions ADD COLUMN ${key} ${keyed ? 'UBIGINT' : 'VARCHAR'}`);
    await engine.run(`UPDATE institutions SET ${key} = ${keyed ? 'hash(institution_id)' : 'institution_id'}`);
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
