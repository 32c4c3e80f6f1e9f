/**
 * Load stage: finds each table of the contract in the dataset folder, reads it into the engine as
 * given (CSV as text; JSONL and Parquet with their own types), checks every value against the
 * contract (the rules are in rules.ts), and only then turns it into the typed table the metrics
 * query. All problems are collected and reported together, by kind (each kind counted, its first rows
 * listed).
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { basename, join } from 'node:path';
import type { FileSystem } from '../effects.ts';
import { InputError, type ProblemKind } from '../errors.ts';
import { message } from '../messages.ts';
import { sqlIdent, sqlString, type SqlEngine } from '../base/engine.ts';
import { dataEntry, describeEntry, type DataEntry } from './data-files.ts';
import type { Manifest } from './manifest.ts';
import { handOver } from './handover.ts';
import { explainReaderError, readerProblem } from './reader-errors.ts';
import { applyYearWindow, outsideWindowLine } from './window.ts';
import { checkColumns, checkParentCycles, COUNTRY_CODES, COUNTRY_TABLE, createTyped, raw, type Reporter } from './rules.ts';
import { tableSpec, TABLES, type TableName } from './schema.ts';
import { finishStorage, hashKeys, keysReadyAfter, narrowColumns } from './storage.ts';

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

/**
 * Loads, checks and types the tables; throws InputError listing what is wrong, before any output.
 * `wanted` lists tables that must be there and groups (e.g. one per metric family) that may be absent.
 * The tables are looked up and read on disk (the engine reads them itself), not through `fs`.
 * An engine with a `loader` (ClickHouse) is handed the tables its loader validated and typed.
 */
export async function loadTables(
  fs: FileSystem,
  engine: SqlEngine,
  dir: string,
  manifest: Manifest,
  wanted: readonly (TableName | TableGroup)[],
): Promise<LoadedTable[]> {
  if (!engine.loader) return validateTables(fs, engine, dir, manifest, wanted);
  const loaded = await validateTables(fs, engine.loader, dir, manifest, wanted);
  await handOver(engine.loader, engine, loaded.map((t) => t.name));
  return loaded;
}

async function validateTables(
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
  // The engine chooses how to store the tables by the dataset's size (engine.ts: storeFor).
  let bytes = 0;
  for (const { file } of located) bytes += (await stat(file)).size;
  await engine.storeFor?.(bytes);
  // Tables whose columns are all there: only these can be the target of a foreign-key check.
  const complete = new Set<TableName>();
  const rawTypes = new Map<TableName, ReadonlyMap<string, string>>();
  // Columns already in their stored form (storage.ts), per table.
  const narrowed = new Map<TableName, ReadonlySet<string>>();
  // Tables whose ids have distinct hashes (checked with their uniqueness), stored as hash keys.
  const hashed = new Set<TableName>();
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
    if ((await checkColumns(engine, table, tableSpec(name), types, complete, report)).size > 0) hashed.add(name);
    if (name === 'institutions') await checkParentCycles(engine, table, report);
    // While every table so far is valid, store this one's low-cardinality text compactly at once, so
    // that the load never holds all of them as text. After a problem nothing is stored: the load ends
    // in an error anyway, once every table is checked.
    if (alone.length + rows.length === 0) {
      narrowed.set(name, await narrowColumns(engine, raw(name), tableSpec(name)));
      // Ids become hash keys as soon as they are checked (storage.ts), before the next tables are
      // read; a table whose ids share a hash keeps them as text.
      for (const k of await hashKeys(engine, keysReadyAfter(name, names, hashed), raw)) narrowed.set(k.table, new Set([...(narrowed.get(k.table) ?? []), k.column]));
    }
  }
  if (alone.length + rows.length > 0) throw new InputError([...alone, ...rows]);
  const outside = await applyYearWindow(engine, manifest, loaded.map((t) => t.name), raw);
  for (const table of loaded) await createTyped(engine, tableSpec(table.name), rawTypes.get(table.name)!, narrowed.get(table.name));
  await finishStorage(engine, loaded.map((t) => t.name), hashed);
  await engine.compact?.();
  return loaded.map((t) => (outside[t.name] === undefined ? t : Object.freeze({ ...t, outsideWindow: outside[t.name] })));
}

/** The load stage's line: tables and rows read, and what the year window left out. */
export function loadSummary(tables: readonly LoadedTable[], manifest: Manifest): string {
  const read = `${tables.length} tables, ${tables.reduce((n, x) => n + x.rows, 0).toLocaleString('en-US')} rows`;
  const outside = outsideWindowLine(manifest, Object.fromEntries(tables.flatMap((t) => (t.outsideWindow === undefined ? [] : [[t.name, t.outsideWindow]]))));
  return outside ? `${read}; ${outside}` : read;
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
