/**
 * The ClickHouse engine behind SqlEngine: the metric SQL, translated by clickhouse-dialect.ts, runs
 * on ClickHouse; the data is read and validated by DuckDB (the engine's `loader`, one validation
 * path for both engines) and handed over as Parquet.
 *
 * Two ways to reach ClickHouse:
 * - a server or cluster, when CLICKHOUSE_URL is set: `@clickhouse/client` over HTTP, with
 *   CLICKHOUSE_DATABASE, CLICKHOUSE_USER and CLICKHOUSE_PASSWORD from the environment (never from a
 *   file). One session, so the temporary tables of the metric SQL live as long as the engine;
 * - otherwise in process: chDB, ClickHouse as a library, in a temporary folder removed at close.
 *
 * Neither package is a dependency of the project: chDB is ~550 MB, and a user who builds with DuckDB
 * should not download it. They are installed apart into engines/clickhouse/ (`npm install --prefix
 * engines/clickhouse`) and loaded from there at run time, only when `--engine clickhouse` is chosen;
 * the types below are the little of their API this module uses, so type-checking never needs them.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { ReportError } from '../errors.ts';
import { openDuckDb, sqlIdent, sqlString, type HandedTable, type Row, type SqlEngine, type SqlParameters } from './engine.ts';
import { CLICKHOUSE_SETTINGS, toClickHouse } from './clickhouse-dialect.ts';

/** Where the engine package is, relative to the project root. */
export const CLICKHOUSE_PACKAGE_DIR = join('engines', 'clickhouse');

/** chDB's API, as far as used here (chdb 3.4.0, index.d.ts). */
interface ChdbResult {
  text(): string;
}
interface ChdbSession {
  queryAsync(query: string, options?: { format?: string }): Promise<ChdbResult>;
  queryBindAsync(query: string, params: object, options?: { format?: string }): Promise<ChdbResult>;
  close(): void;
}
interface ChdbModule {
  Session: new (path?: string) => ChdbSession;
}

/** @clickhouse/client's API, as far as used here. */
interface ClickHouseClient {
  command(params: { query: string; query_params?: Record<string, unknown> }): Promise<unknown>;
  query(params: { query: string; query_params?: Record<string, unknown>; format: 'JSONEachRow' }): Promise<{ json<T>(): Promise<T[]> }>;
  insert(params: { table: string; values: NodeJS.ReadableStream; format: 'Parquet' }): Promise<unknown>;
  close(): Promise<void>;
}
interface ClientModule {
  createClient(options: {
    url: string;
    database?: string;
    username?: string;
    password?: string;
    session_id: string;
    clickhouse_settings: Record<string, unknown>;
    request_timeout: number;
  }): ClickHouseClient;
}

export interface ClickHouseOptions {
  /** The project root, where engines/clickhouse/ is. */
  readonly root: string;
  /** The environment to read CLICKHOUSE_* from (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

/** Whether the engine package is installed (the tests skip the ClickHouse side, outside CI, when it is not). */
export function clickHouseInstalled(root: string): boolean {
  return existsSync(join(root, CLICKHOUSE_PACKAGE_DIR, 'node_modules', 'chdb', 'package.json'));
}

/** Loads a package from engines/clickhouse/node_modules, or says how to install it. */
function requireEnginePackage<T>(root: string, name: string): T {
  const dir = join(root, CLICKHOUSE_PACKAGE_DIR);
  try {
    return createRequire(join(dir, 'package.json'))(name) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    const prefix = relative(process.cwd(), dir) || '.';
    throw ReportError.of('engine.clickhouse-missing', { dir, command: `npm install --prefix ${prefix}` }, error);
  }
}

/** The low-level connection: statements in ClickHouse's dialect already. */
interface Connection {
  readonly identity: string;
  command(sql: string, params: Record<string, number | string>): Promise<void>;
  rows(sql: string, params: Record<string, number | string>): Promise<Row[]>;
  insertParquet(table: string, file: string): Promise<void>;
  close(): Promise<void> | void;
}

export async function openClickHouse(options: ClickHouseOptions): Promise<SqlEngine> {
  const env = options.env ?? process.env;
  const connection = env.CLICKHOUSE_URL ? await serverConnection(options.root, env) : await chdbConnection(options.root);
  const loader = await openDuckDb();
  const failed = (error: unknown, sql: string): never => {
    throw ReportError.of('engine.clickhouse-failed', { detail: `${(error as Error).message}\n  in: ${sql.split('\n')[0]} …` }, error);
  };
  return {
    identity: connection.identity,
    loader,
    run: async (sql: string, parameters?: SqlParameters) => {
      const statement = toClickHouse(sql, parameters);
      if (statement) await connection.command(statement.sql, statement.parameters).catch((e: unknown) => failed(e, statement.sql));
    },
    all: async <T extends Row>(sql: string, parameters?: SqlParameters) => {
      const statement = toClickHouse(sql, parameters);
      if (!statement) return [];
      return (await connection.rows(statement.sql, statement.parameters).catch((e: unknown) => failed(e, statement.sql))) as T[];
    },
    adopt: async (tables: readonly HandedTable[]) => {
      for (const table of tables) {
        const columns = table.columns.map((c) => `${sqlIdent(c.name)} ${c.nullable ? `Nullable(${TYPE[c.type]})` : TYPE[c.type]}`);
        await connection.command(`DROP TEMPORARY TABLE IF EXISTS ${sqlIdent(table.name)}`, {});
        await connection.command(`CREATE TEMPORARY TABLE ${sqlIdent(table.name)} (${columns.join(', ')}) ENGINE = MergeTree ORDER BY tuple()`, {});
        await connection.insertParquet(table.name, table.file);
        // Once ClickHouse has the table, DuckDB's copy is only memory held twice.
        await loader.run(`DROP TABLE IF EXISTS ${sqlIdent(table.name)}`);
      }
    },
    close: () => {
      loader.close();
      void connection.close();
    },
  };
}

const TYPE: Record<HandedTable['columns'][number]['type'], string> = { VARCHAR: 'String', INTEGER: 'Int32', UBIGINT: 'UInt64', DOUBLE: 'Float64' };

const SET_SETTINGS = `SET ${Object.entries(CLICKHOUSE_SETTINGS)
  .map(([k, v]) => `${k} = ${typeof v === 'string' ? sqlString(v) : v}`)
  .join(', ')}`;

function parseRows(text: string): Row[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Row);
}

async function chdbConnection(root: string): Promise<Connection> {
  const chdb = requireEnginePackage<ChdbModule>(root, 'chdb');
  const session = new chdb.Session();
  const query = (sql: string, params: Record<string, number | string>) =>
    Object.keys(params).length === 0 ? session.queryAsync(sql, { format: 'JSONEachRow' }) : session.queryBindAsync(sql, params, { format: 'JSONEachRow' });
  await session.queryAsync(SET_SETTINGS);
  const [version] = parseRows((await session.queryAsync('SELECT version() AS v', { format: 'JSONEachRow' })).text());
  return {
    identity: `clickhouse chdb ${String(version?.v)}`,
    command: async (sql, params) => void (await query(sql, params)),
    rows: async (sql, params) => parseRows((await query(sql, params)).text()),
    insertParquet: async (table, file) => void (await session.queryAsync(`INSERT INTO ${sqlIdent(table)} SELECT * FROM file(${sqlString(file)}, Parquet)`)),
    close: () => session.close(),
  };
}

async function serverConnection(root: string, env: NodeJS.ProcessEnv): Promise<Connection> {
  const { createClient } = requireEnginePackage<ClientModule>(root, '@clickhouse/client');
  const client = createClient({
    url: env.CLICKHOUSE_URL!,
    ...(env.CLICKHOUSE_DATABASE ? { database: env.CLICKHOUSE_DATABASE } : {}),
    ...(env.CLICKHOUSE_USER ? { username: env.CLICKHOUSE_USER } : {}),
    ...(env.CLICKHOUSE_PASSWORD ? { password: env.CLICKHOUSE_PASSWORD } : {}),
    // Temporary tables belong to a session: one per engine.
    session_id: `report-${randomUUID()}`,
    clickhouse_settings: { ...CLICKHOUSE_SETTINGS },
    request_timeout: 3_600_000,
  });
  const rows = async (sql: string, params: Record<string, number | string>) => (await client.query({ query: sql, query_params: params, format: 'JSONEachRow' })).json<Row>();
  const [version] = await rows('SELECT version() AS v', {});
  return {
    identity: `clickhouse server ${String(version?.v)}`,
    command: async (sql, params) => void (await client.command({ query: sql, query_params: params })),
    rows,
    insertParquet: async (table, file) => void (await client.insert({ table, values: createReadStream(file), format: 'Parquet' })),
    close: () => client.close(),
  };
}
