/**
 * The SQL engine behind one small interface, so that the same queries could later run on a
 * distributed engine. The implementation is DuckDB, in process, reading data files in place.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export type Row = Record<string, unknown>;

/**
 * Named parameters of a statement, written `$name` in the SQL (DuckDB's prepared-statement syntax; an
 * engine with another syntax, e.g. ClickHouse's `{name:Type}`, rewrites them). Values are bound, never
 * pasted into the text.
 */
export type SqlParameters = Readonly<Record<string, number | string>>;

export interface SqlEngine {
  /** Runs a statement; `parameters` holds exactly the `$name`s it uses. */
  run(sql: string, parameters?: SqlParameters): Promise<void>;
  all<T extends Row = Row>(sql: string, parameters?: SqlParameters): Promise<T[]>;
  close(): void;
  /** Names the engine (and its version) for the metrics cache key; absent: DuckDB. */
  readonly identity?: string;
  /**
   * An engine that computes the metrics but does not read and validate the data itself (ClickHouse):
   * the load stage validates in `loader` (DuckDB), so every engine has the same one validation path,
   * then hands the typed tables over to `adopt` as Parquet files.
   */
  readonly loader?: SqlEngine;
  adopt?(tables: readonly HandedTable[]): Promise<void>;
  /**
   * Stores the tables written so far compactly, if the engine can (DuckDB: a CHECKPOINT of its
   * compressed in-memory database). The load stage calls it once its tables are typed and keyed
   * (src/load/storage.ts), when what is left to compress is numbers and short codes.
   */
  compact?(): Promise<void>;
  /**
   * Told the dataset's size (its data files' bytes) by the load stage before it creates any table,
   * an engine may choose how to store the tables by it (DuckDB: compressed from COMPRESS_FROM_BYTES).
   */
  storeFor?(dataBytes: number): Promise<void>;
}

/**
 * From this size of data files (Parquet or CSV, together) DuckDB keeps the tables compressed in memory
 * (DuckDbOptions.compress). Below it compression saves little memory and costs CPU: the 2023 dataset
 * (19 MB of Parquet) loads in 5.6 s of CPU uncompressed against 6.4 s compressed (and no CHECKPOINT),
 * with 0.07 GiB more at its peak (0.65 GiB); from 10× its size (~190 MB) the compressed store is what
 * keeps the load under 4 GiB (docs/scale.md).
 */
export const COMPRESS_FROM_BYTES = 64 * 2 ** 20;

/** A typed table handed from the loader to the computing engine: a Parquet file in the contract's column order. */
export interface HandedTable {
  readonly name: string;
  readonly file: string;
  readonly columns: readonly { readonly name: string; readonly type: 'VARCHAR' | 'INTEGER' | 'UBIGINT' | 'DOUBLE'; readonly nullable: boolean }[];
}

/** Quotes a string as an SQL literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes an identifier. */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export interface DuckDbOptions {
  /** DuckDB's memory_limit, e.g. '4GB'; beyond it the engine spills to `tempDirectory`. */
  readonly memoryLimit?: string;
  /** Where DuckDB spills; its default for an in-memory database is `.tmp` in the working directory. */
  readonly tempDirectory?: string;
  /**
   * DuckDB's worker threads (default 2, this project's machines' cores). The benchmark measures 1
   * against 2: on a busy machine two threads cost more CPU per row as the tables grow (docs/scale.md).
   */
  readonly threads?: number;
  /**
   * Keep the tables compressed in memory: true, false, or (default) when the dataset is large
   * (COMPRESS_FROM_BYTES, told by `storeFor`). They then live in an in-memory database attached
   * with COMPRESS, and `compact()` checkpoints it. DuckDB's in-memory tables are otherwise stored
   * uncompressed, with a validity mask per column even where nothing is null (docs/scale.md, fourth
   * pass). Temporary tables stay in DuckDB's own, uncompressed temp catalog.
   */
  readonly compress?: boolean;
}

/** The compressed in-memory database the tables are stored in (DuckDbOptions.compress). */
const COMPRESSED = 'store';

export async function openDuckDb(options: DuckDbOptions = {}): Promise<SqlEngine> {
  const config: Record<string, string> = { threads: String(options.threads ?? 2) };
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  if (options.tempDirectory) config.temp_directory = options.tempDirectory;
  const instance = await DuckDBInstance.create(':memory:', config);
  const connection: DuckDBConnection = await instance.connect();
  let compressed = false;
  const compress = async () => {
    await connection.run(`ATTACH ':memory:' AS ${COMPRESSED} (COMPRESS)`);
    await connection.run(`USE ${COMPRESSED}`);
    compressed = true;
  };
  if (options.compress === true) await compress();
  return {
    run: async (sql, parameters) => {
      await connection.run(sql, bound(parameters));
    },
    all: async <T extends Row>(sql: string, parameters?: SqlParameters) => {
      const reader = await connection.runAndReadAll(sql, bound(parameters));
      return reader.getRowObjectsJS().map((row) => normalise(row) as T);
    },
    ...(options.compress === undefined ? { storeFor: async (bytes: number) => void (bytes >= COMPRESS_FROM_BYTES && !compressed && (await compress())) } : {}),
    compact: async () => void (compressed && (await connection.run('CHECKPOINT'))),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** No parameters: undefined, so that a statement without any is run as plain text, not prepared. */
function bound(parameters: SqlParameters | undefined): Record<string, number | string> | undefined {
  return parameters && Object.keys(parameters).length > 0 ? { ...parameters } : undefined;
}

/** DuckDB returns BIGINT as bigint; the metrics are counts far below 2^53, so plain numbers serve. */
function normalise(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[key] = typeof value === 'bigint' ? Number(value) : value;
  return out;
}
