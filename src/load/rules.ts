/**
 * The load stage's rules: what every value of a table must be (the contract's column types, ranges,
 * enums, countries, uniqueness, foreign keys, the institutions' parent chains), checked by SQL on the
 * raw table as read, and the typed table made from it once everything holds.
 */
import countries from 'i18n-iso-countries';
import { ROWS_PER_KIND } from '../errors.ts';
import { message } from '../messages.ts';
import { sqlIdent, sqlString, type SqlEngine } from '../base/engine.ts';
import type { LoadedTable } from './tables.ts';
import { describeType, type ColumnSpec, type TableName, type TableSpec } from './schema.ts';

export const COUNTRY_CODES = Object.keys(countries.getAlpha2Codes()).sort();
export const COUNTRY_TABLE = sqlIdent('iso_3166_alpha2');

/** The line of a data row in its file (CSV: after the header), or its row number for Parquet. */
function position(table: LoadedTable, rowid: number): string {
  if (table.format === 'csv') return `${table.file}:${rowid + 2}`;
  if (table.format === 'jsonl') return `${table.file}:${rowid + 1}`;
  return `${table.file}: row ${rowid + 1}`;
}

export const raw = (name: TableName) => sqlIdent(`raw_${name}`);

export interface Reporter {
  /** One problem on its own; `cause` is the engine's own error when there is one. */
  (text: string, cause?: unknown): void;
  /** The rows that break one rule (`heading`): the first few of them, and how many there are. */
  rows(heading: string, texts: readonly string[], count: number): void;
}

/** A check on one column: the rows where `condition` holds break it. */
interface Rule {
  readonly column: string;
  readonly value: string;
  readonly condition: string;
  readonly expected: string;
  /**
   * Uniqueness: `condition` finds rows sharing an earlier row's hash, a superset of the rows that
   * break the rule; `exact` finds those, and is run only when `condition` finds any.
   */
  readonly exact?: string;
}

/** DuckDB types that already hold whole numbers (Parquet and JSONL columns arrive typed). */
const INTEGER_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const NUMBER_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;

/**
 * Checks every column of a table. The row-local rules (empty, type, range, enum, country) are
 * counted in one pass over the table; only a rule that some rows break is queried again for those
 * rows. Uniqueness and foreign keys need their own query each. Rows come in file order, at most
 * ROWS_PER_KIND per rule, with the count of all. Returns the unique columns whose values (as text)
 * have distinct hashes.
 */
export async function checkColumns(
  engine: SqlEngine,
  table: LoadedTable,
  spec: TableSpec,
  types: ReadonlyMap<string, string>,
  complete: ReadonlySet<TableName>,
  report: Reporter,
): Promise<ReadonlySet<string>> {
  const from = raw(spec.name);
  const local: Rule[] = [];
  const other: Rule[] = [];
  for (const column of spec.columns) {
    const id = sqlIdent(column.name);
    const value = `CAST(${id} AS VARCHAR)`;
    const rawType = types.get(column.name) ?? 'VARCHAR';
    const expected = describeType(column.type);
    const rule = (condition: string, what: string) => ({ column: column.name, value, condition, expected: what });
    if (!column.nullable) {
      const empty = rawType === 'VARCHAR' ? blank(id) : `${id} IS NULL`;
      local.push(rule(empty, `${expected} (the column may not be empty)`));
    }
    const valid = validity(column, id, rawType);
    if (valid !== 'true') local.push(rule(`${id} IS NOT NULL AND NOT (${valid})`, expected));
    // Whole numbers are stored as 32-bit integers: a larger one is bad input, not a failed conversion.
    if (column.type.kind === 'int') {
      const n = INTEGER_TYPES.test(rawType) ? id : `TRY_CAST(trim(${value}) AS BIGINT)`;
      local.push(rule(`${id} IS NOT NULL AND (${valid}) AND NOT (${n} BETWEEN ${INT_MIN} AND ${INT_MAX})`, `${expected}, at most ${INT_MAX.toLocaleString('en-US')}`));
    }
    if (column.unique) {
      // Rows whose id an earlier row has. Checked first on the ids' hashes (storage.ts stores them as
      // hash keys): cheaper to partition by, and when no row shares an earlier row's hash, the ids are
      // unique and their hashes distinct at once. Only when some do is it checked again on the ids.
      const repeated = (key: string) => `rowid IN (SELECT rowid FROM (SELECT rowid, row_number() OVER (PARTITION BY ${key} ORDER BY rowid) AS k FROM ${from}) WHERE k > 1)`;
      other.push({ ...rule(repeated(`hash(${value})`), 'a value not used by an earlier row (ids are unique)'), exact: repeated(id) });
    }
    // A target table that is missing or lacks columns is reported already; checking against it would only add noise.
    if (column.references && complete.has(column.references.table)) {
      const target = raw(column.references.table);
      const key = `CAST(${sqlIdent(column.references.column)} AS VARCHAR)`;
      // NOT IN holds every id of the target in a hash table. A table with fewer rows than its target
      // has fewer distinct references still: those are looked up in the target instead (at 10× the
      // 2023 size, paper_citations_by_year against papers: 2.4 s CPU and +0.1 GiB, against 5.9 s and
      // +1.1 GiB; docs/scale.md, fifth pass). Both find the same rows.
      const [{ n }] = (await engine.all<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${target}`)) as [{ n: number }];
      const missing =
        table.rows < n
          ? `${value} IN (SELECT d.v FROM (SELECT DISTINCT ${value} AS v FROM ${from} WHERE ${id} IS NOT NULL) d ANTI JOIN (SELECT ${key} AS v FROM ${target}) t ON d.v = t.v)`
          : `${value} NOT IN (SELECT ${key} FROM ${target} WHERE ${key} IS NOT NULL)`;
      other.push(rule(`${id} IS NOT NULL AND ${missing}`, `an existing ${column.references.table}.${column.references.column}`));
    }
  }
  const counts = local.length === 0 ? [] : Object.values((await engine.all(`SELECT ${local.map((r, i) => `count(*) FILTER (WHERE ${r.condition}) AS c${i}`).join(', ')} FROM ${from}`))[0]!);
  const failing = local.filter((_, i) => (counts[i] as number) > 0);
  // Unique columns whose values hash to distinct values (storage.ts may store them as hash keys).
  const hashed = new Set<string>();
  const offending = (rule: Rule, condition: string) =>
    engine.all<{ r: number; v: string | null; n: number }>(
      `SELECT rowid::BIGINT AS r, ${rule.value} AS v, count(*) OVER ()::BIGINT AS n FROM ${from} WHERE ${condition} ORDER BY rowid LIMIT ${ROWS_PER_KIND}`,
    );
  for (const rule of [...failing, ...other]) {
    let rows = await offending(rule, rule.condition);
    if (rule.exact !== undefined) {
      if (rows.length === 0) hashed.add(rule.column);
      else rows = await offending(rule, rule.exact);
    }
    if (rows.length === 0) continue;
    report.rows(
      message('data.rule', { file: table.file, column: rule.column, expected: rule.expected }),
      rows.map((row) => message('data.cell', { where: position(table, row.r), column: rule.column, value: row.v, expected: rule.expected })),
      Number(rows[0]!.n),
    );
  }
  return hashed;
}

/**
 * parent_id must lead to a top-level institution. Walks up from each institution, keeping the path,
 * until the parent is null, unknown or already on the path; a walk that comes back to its start has
 * found a cycle. Each cycle is reported once, at the row of its smallest id, with the whole loop.
 */
export async function checkParentCycles(engine: SqlEngine, table: LoadedTable, report: Reporter) {
  const from = raw('institutions');
  const rows = await engine.all<{ r: number; v: string; path: string[]; n: number }>(`
    WITH RECURSIVE edges AS (
      SELECT DISTINCT CAST(institution_id AS VARCHAR) AS id, CAST(parent_id AS VARCHAR) AS parent
      FROM ${from} WHERE parent_id IS NOT NULL AND trim(CAST(parent_id AS VARCHAR)) <> ''
    ),
    walk(start, cur, path) AS (
      SELECT id, parent, [id] FROM edges
      UNION ALL
      SELECT w.start, e.parent, list_append(w.path, w.cur)
      FROM walk w JOIN edges e ON e.id = w.cur
      WHERE NOT list_contains(w.path, w.cur)
    ),
    cycles AS (
      SELECT start, any_value(path) AS path FROM walk
      WHERE cur = start AND start = list_min(path)
      GROUP BY start
    )
    SELECT min(i.rowid)::BIGINT AS r, c.start AS v, c.path, count(*) OVER ()::BIGINT AS n
    FROM cycles c JOIN ${from} i ON CAST(i.institution_id AS VARCHAR) = c.start
    GROUP BY c.start, c.path
    ORDER BY r LIMIT ${ROWS_PER_KIND}`);
  if (rows.length === 0) return;
  const expected = 'a parent chain that ends at a top-level institution';
  const texts = rows.map((row) => {
    const loop = [...row.path, row.v].join(' → ');
    const parent = row.path[1] ?? row.v;
    return message('data.cell', { where: position(table, row.r), column: 'parent_id', value: parent, expected: `${expected}, not the cycle ${loop}` });
  });
  report.rows(message('data.rule', { file: table.file, column: 'parent_id', expected }), texts, Number(rows[0]!.n));
}

/**
 * True for NULL and for text that trim() leaves empty, cheaply. DuckDB's trim() removes space
 * separators only (Unicode Zs: U+0020, then U+00A0, U+3000 and others, all from U+00A0 on; not tabs),
 * so such text starts with a byte below '!' or with a character from U+0080 (text compares byte by
 * byte): the CASE trims only those rows. Trimming every row decoded every character, ~0.35 s of CPU per column of 2.8 M ids
 * against ~0.03 s; an AND in a FILTER evaluates both sides on every row, a CASE does not.
 */
function blank(id: string): string {
  return `CASE WHEN ${id} IS NULL THEN true WHEN ${id} < '!' OR ${id} >= chr(128) THEN trim(${id}) = '' ELSE false END`;
}

/** The range of the 32-bit integers whole-number columns are stored as. */
const INT_MAX = 2_147_483_647;
const INT_MIN = -2_147_483_648;

/** The SQL condition a non-null value must meet; `rawType` is how the file's reader typed the column. */
function validity(column: ColumnSpec, id: string, rawType: string): string {
  const t = column.type;
  const text = `CAST(${id} AS VARCHAR)`;
  switch (t.kind) {
    case 'string':
      return 'true';
    case 'int': {
      const integer = INTEGER_TYPES.test(rawType);
      const parts = integer ? [] : [`regexp_full_match(trim(${text}), '-?[0-9]{1,15}')`];
      const n = integer ? id : `TRY_CAST(${text} AS BIGINT)`;
      if (t.min !== undefined) parts.push(`${n} >= ${t.min}`);
      return parts.length === 0 ? 'true' : parts.join(' AND ');
    }
    case 'number': {
      const x = NUMBER_TYPES.test(rawType) ? `CAST(${id} AS DOUBLE)` : `TRY_CAST(trim(${text}) AS DOUBLE)`;
      const parts = [`isfinite(${x})`];
      if (t.min !== undefined) parts.push(`${x} >= ${t.min}`);
      return parts.join(' AND ');
    }
    case 'enum':
      return `${text} IN (${t.values.map(sqlString).join(', ')})`;
    case 'country':
      // A join against a table of codes: an IN list of 249 literals is ten times slower on millions of rows.
      return `${text} IN (SELECT code FROM ${COUNTRY_TABLE})`;
  }
}

export const SQL_TYPE: Record<ColumnSpec['type']['kind'], string> = {
  string: 'VARCHAR',
  int: 'INTEGER',
  number: 'DOUBLE',
  enum: 'VARCHAR',
  country: 'VARCHAR',
};

/**
 * Turns the checked raw table into the typed table the metrics read, in place: extra columns are
 * dropped, columns whose type differs are converted, and the table is renamed. Columns that already
 * have their type (text, or Parquet integers) are not copied, which matters at 10× the 2023 size.
 * `stored`: columns already converted to their stored form (storage.ts), left as they are.
 */
export async function createTyped(engine: SqlEngine, spec: TableSpec, types: ReadonlyMap<string, string>, stored: ReadonlySet<string> = new Set()) {
  const from = raw(spec.name);
  const wanted = new Set(spec.columns.map((c) => c.name));
  for (const name of types.keys()) if (!wanted.has(name)) await engine.run(`ALTER TABLE ${from} DROP COLUMN ${sqlIdent(name)}`);
  for (const c of spec.columns) {
    // Already in its stored form (an ENUM or a hash key: storage.ts).
    if (stored.has(c.name)) continue;
    const type = SQL_TYPE[c.type.kind];
    const id = sqlIdent(c.name);
    if (types.get(c.name) !== type) await engine.run(`ALTER TABLE ${from} ALTER COLUMN ${id} TYPE ${type} USING CAST(${id} AS ${type})`);
  }
  await engine.run(`DROP TABLE IF EXISTS ${sqlIdent(spec.name)}`);
  await engine.run(`ALTER TABLE ${from} RENAME TO ${sqlIdent(spec.name)}`);
}
