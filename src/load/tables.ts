/**
 * Load stage: finds each table of the contract in the dataset folder, reads it into the engine as
 * given (CSV as text; JSONL and Parquet with their own types), checks every value against the
 * contract, and only then turns it into the typed table the metrics query. All problems are
 * collected and reported together, by kind (each kind counted, its first rows listed).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, join } from 'node:path';
import countries from 'i18n-iso-countries';
import type { FileSystem } from '../effects.ts';
import { InputError, ROWS_PER_KIND, type ProblemKind } from '../errors.ts';
import { message } from '../messages.ts';
import { sqlIdent, sqlString, type SqlEngine } from '../base/engine.ts';
import { dataEntry, describeEntry, type DataEntry } from './data-files.ts';
import type { Manifest } from './manifest.ts';
import { explainReaderError, readerProblem } from './reader-errors.ts';
import { applyYearWindow, outsideWindowLine } from './window.ts';
import { describeType, tableSpec, TABLES, type ColumnSpec, type TableName, type TableSpec } from './schema.ts';

export type TableFormat = 'csv' | 'jsonl' | 'parquet';

export interface LoadedTable {
  readonly name: TableName;
  readonly file: string;
  readonly format: TableFormat;
  /** Rows in the file. */
  readonly rows: number;
  readonly sha256: string;
  /** Rows left out because they are outside the year window or belong to a record that is (window.ts); absent: the window does not apply to the table. */
  readonly outsideWindow?: number;
}

const EXTENSIONS: readonly TableFormat[] = ['csv', 'jsonl', 'parquet'];
const COUNTRY_CODES = Object.keys(countries.getAlpha2Codes()).sort();
const COUNTRY_TABLE = sqlIdent('iso_3166_alpha2');

/**
 * Tables wanted together, e.g. by one metric family. A required group must be in the dataset; an
 * optional one is loaded only when its anchor table is there, and then all of its tables must be.
 */
export interface TableGroup {
  readonly anchor: TableName;
  readonly tables: readonly TableName[];
  readonly required: boolean;
}

/** The tables `wanted` plus every table they point to, in an order where targets come first. */
export function withDependencies(wanted: readonly TableName[]): TableName[] {
  const need = new Set<TableName>();
  const visit = (name: TableName) => {
    if (need.has(name)) return;
    need.add(name);
    for (const c of tableSpec(name).columns) if (c.references && c.references.table !== name) visit(c.references.table);
  };
  wanted.forEach(visit);
  return TABLES.map((t) => t.name).filter((n) => need.has(n));
}

/**
 * The files that could be the table `name`: every `<name>.<ext>` entry of the folder, looked at
 * without following links, so that a link or a folder is found (and refused) rather than skipped.
 */
async function findFiles(dir: string, name: TableName): Promise<{ file: string; format: TableFormat; entry: DataEntry }[]> {
  const found: { file: string; format: TableFormat; entry: DataEntry }[] = [];
  for (const format of EXTENSIONS) {
    const file = join(dir, `${name}.${format}`);
    const entry = await dataEntry(file);
    if (entry.kind !== 'missing') found.push({ file, format, entry });
  }
  return found;
}

/** The tables to load: plain names and required groups always, optional groups when their anchor exists. */
async function resolveWanted(dir: string, wanted: readonly (TableName | TableGroup)[]): Promise<TableName[]> {
  const names: TableName[] = [];
  for (const w of wanted) {
    if (typeof w === 'string') names.push(w);
    else if (w.required || (await findFiles(dir, w.anchor)).length > 0) names.push(...w.tables);
  }
  return withDependencies(names);
}

function reader(file: string, format: TableFormat): string {
  const f = sqlString(file);
  switch (format) {
    case 'csv':
      return `read_csv(${f}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', auto_detect = true)`;
    case 'jsonl':
      return `read_json(${f}, format = 'newline_delimited', records = true)`;
    case 'parquet':
      return `read_parquet(${f})`;
  }
}

/** The line of a data row in its file (CSV: after the header), or its row number for Parquet. */
function position(table: LoadedTable, rowid: number): string {
  if (table.format === 'csv') return `${table.file}:${rowid + 2}`;
  if (table.format === 'jsonl') return `${table.file}:${rowid + 1}`;
  return `${table.file}: row ${rowid + 1}`;
}

const raw = (name: TableName) => sqlIdent(`raw_${name}`);

/**
 * Loads, checks and types the tables; throws InputError listing what is wrong, before any output.
 * `wanted` lists tables that must be there and groups (e.g. one per metric family) that may be absent.
 * The tables are looked up and read on disk (the engine reads them itself), not through `fs`.
 */
export async function loadTables(
  fs: FileSystem,
  engine: SqlEngine,
  dir: string,
  manifest: Manifest,
  wanted: readonly (TableName | TableGroup)[],
): Promise<LoadedTable[]> {
  const names = await resolveWanted(dir, wanted);
  const loaded: LoadedTable[] = [];
  // Problems standing alone (missing tables and columns, unreadable files) are listed before the
  // rows that break a rule: they are what to fix first, and a table that cannot be read has no rows.
  const alone: ProblemKind[] = [];
  const rows: ProblemKind[] = [];
  const report: Reporter = Object.assign(
    (text: string, cause?: unknown) => void alone.push({ heading: null, count: 1, problems: [cause === undefined ? { text } : { text, cause }] }),
    { rows: (heading: string, texts: readonly string[], count: number) => void rows.push({ heading, count, problems: texts.map((text) => ({ text })) }) },
  );

  await engine.run(`CREATE OR REPLACE TEMP TABLE ${COUNTRY_TABLE} AS SELECT unnest([${COUNTRY_CODES.map(sqlString).join(', ')}]) AS code`);
  // Locate every table first, so all missing tables are reported in one run.
  const located: { name: TableName; file: string; format: TableFormat }[] = [];
  for (const name of names) {
    const found = await findFiles(dir, name);
    if (found.length === 0) report(message('data.table-missing', { dir, table: name }));
    else if (found.length > 1) report(message('data.table-ambiguous', { dir, table: name, files: found.map((f) => basename(f.file)) }));
    else if (found[0]!.entry.kind !== 'file') report(message('data.not-regular', { file: found[0]!.file, what: describeEntry(found[0]!.entry) }));
    else located.push({ name, file: found[0]!.file, format: found[0]!.format });
  }
  // Tables whose columns are all there: only these can be the target of a foreign-key check.
  const complete = new Set<TableName>();
  const rawTypes = new Map<TableName, ReadonlyMap<string, string>>();
  for (const { name, file, format } of located) {
    const sha256 = await hashFile(file);
    try {
      await engine.run(`CREATE OR REPLACE TABLE ${raw(name)} AS SELECT * FROM ${reader(file, format)}`);
    } catch (error) {
      report(readerProblem(file, format, await explainReaderError(engine, file, format, error)), error);
      continue;
    }
    const [{ n }] = (await engine.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${raw(name)}`)) as [{ n: number }];
    const table: LoadedTable = Object.freeze({ name, file, format, rows: n, sha256 });
    loaded.push(table);
    if (n === 0) report(message('data.empty', { file }));
    const described = await engine.all<{ column_name: string; column_type: string }>(`SELECT column_name, column_type FROM (DESCRIBE ${raw(name)})`);
    const header = described.map((r) => r.column_name);
    const missing = tableSpec(name).columns.filter((c) => !header.includes(c.name));
    for (const c of missing) report(message('data.column-missing', { file, column: c.name, found: header }));
    if (missing.length > 0) continue;
    complete.add(name);
    const types = new Map(described.map((r) => [r.column_name, r.column_type]));
    rawTypes.set(name, types);
    await checkColumns(engine, table, tableSpec(name), types, complete, report);
    if (name === 'institutions') await checkParentCycles(engine, table, report);
  }
  if (alone.length + rows.length > 0) throw new InputError([...alone, ...rows]);
  const outside = await applyYearWindow(engine, manifest, loaded.map((t) => t.name), raw);
  for (const table of loaded) await createTyped(engine, tableSpec(table.name), rawTypes.get(table.name)!);
  return loaded.map((t) => (outside[t.name] === undefined ? t : Object.freeze({ ...t, outsideWindow: outside[t.name] })));
}

/** The load stage's line: tables and rows read, and what the year window left out. */
export function loadSummary(tables: readonly LoadedTable[], manifest: Manifest): string {
  const read = `${tables.length} tables, ${tables.reduce((n, x) => n + x.rows, 0).toLocaleString('en-US')} rows`;
  const outside = outsideWindowLine(manifest, Object.fromEntries(tables.flatMap((t) => (t.outsideWindow === undefined ? [] : [[t.name, t.outsideWindow]]))));
  return outside ? `${read}; ${outside}` : read;
}

interface Reporter {
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
}

/** DuckDB types that already hold whole numbers (Parquet and JSONL columns arrive typed). */
const INTEGER_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const NUMBER_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;

/**
 * Checks every column of a table. The row-local rules (empty, type, range, enum, country) are
 * counted in one pass over the table; only a rule that some rows break is queried again for those
 * rows. Uniqueness and foreign keys need their own query each. Rows come in file order, at most
 * ROWS_PER_KIND per rule, with the count of all.
 */
async function checkColumns(
  engine: SqlEngine,
  table: LoadedTable,
  spec: TableSpec,
  types: ReadonlyMap<string, string>,
  complete: ReadonlySet<TableName>,
  report: Reporter,
) {
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
      const empty = rawType === 'VARCHAR' ? `${id} IS NULL OR trim(${id}) = ''` : `${id} IS NULL`;
      local.push(rule(empty, `${expected} (the column may not be empty)`));
    }
    const valid = validity(column, id, rawType);
    if (valid !== 'true') local.push(rule(`${id} IS NOT NULL AND NOT (${valid})`, expected));
    if (column.unique) {
      other.push(rule(`rowid IN (SELECT rowid FROM (SELECT rowid, row_number() OVER (PARTITION BY ${id} ORDER BY rowid) AS k FROM ${from}) WHERE k > 1)`, 'a value not used by an earlier row (ids are unique)'));
    }
    // A target table that is missing or lacks columns is reported already; checking against it would only add noise.
    if (column.references && complete.has(column.references.table)) {
      const key = `CAST(${sqlIdent(column.references.column)} AS VARCHAR)`;
      other.push(rule(`${id} IS NOT NULL AND ${value} NOT IN (SELECT ${key} FROM ${raw(column.references.table)} WHERE ${key} IS NOT NULL)`, `an existing ${column.references.table}.${column.references.column}`));
    }
  }
  const counts = local.length === 0 ? [] : Object.values((await engine.all(`SELECT ${local.map((r, i) => `count(*) FILTER (WHERE ${r.condition}) AS c${i}`).join(', ')} FROM ${from}`))[0]!);
  const failing = local.filter((_, i) => (counts[i] as number) > 0);
  for (const rule of [...failing, ...other]) {
    const rows = await engine.all<{ r: number; v: string | null; n: number }>(
      `SELECT rowid::BIGINT AS r, ${rule.value} AS v, count(*) OVER ()::BIGINT AS n FROM ${from} WHERE ${rule.condition} ORDER BY rowid LIMIT ${ROWS_PER_KIND}`,
    );
    if (rows.length === 0) continue;
    report.rows(
      message('data.rule', { file: table.file, column: rule.column, expected: rule.expected }),
      rows.map((row) => message('data.cell', { where: position(table, row.r), column: rule.column, value: row.v, expected: rule.expected })),
      Number(rows[0]!.n),
    );
  }
}

/**
 * parent_id must lead to a top-level institution. Walks up from each institution, keeping the path,
 * until the parent is null, unknown or already on the path; a walk that comes back to its start has
 * found a cycle. Each cycle is reported once, at the row of its smallest id, with the whole loop.
 */
async function checkParentCycles(engine: SqlEngine, table: LoadedTable, report: Reporter) {
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

const SQL_TYPE: Record<ColumnSpec['type']['kind'], string> = {
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
 */
async function createTyped(engine: SqlEngine, spec: TableSpec, types: ReadonlyMap<string, string>) {
  const from = raw(spec.name);
  const wanted = new Set(spec.columns.map((c) => c.name));
  for (const name of types.keys()) if (!wanted.has(name)) await engine.run(`ALTER TABLE ${from} DROP COLUMN ${sqlIdent(name)}`);
  for (const c of spec.columns) {
    const type = SQL_TYPE[c.type.kind];
    const id = sqlIdent(c.name);
    if (types.get(c.name) !== type) await engine.run(`ALTER TABLE ${from} ALTER COLUMN ${id} TYPE ${type} USING CAST(${id} AS ${type})`);
  }
  await engine.run(`DROP TABLE IF EXISTS ${sqlIdent(spec.name)}`);
  await engine.run(`ALTER TABLE ${from} RENAME TO ${sqlIdent(spec.name)}`);
}

/**
 * SHA-256 of a data file, streamed: the engine reads the same file from disk, and a 10× dataset's
 * largest table would not fit a single Buffer.
 */
async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
