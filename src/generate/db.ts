/** DuckDB access for the generator: bulk-load small plan tables from JS, expand and write in SQL. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface Db {
  run(sql: string): Promise<void>;
  all(sql: string): Promise<Record<string, unknown>[]>;
  /** Creates a table from JS rows (small plan tables; the big ones are generated in SQL). */
  load(table: string, columns: readonly (readonly [string, string])[], rows: readonly (readonly unknown[])[]): Promise<void>;
  close(): void;
}

const lit = (v: unknown): string => {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (Array.isArray(v)) return `[${v.map(lit).join(',')}]`;
  return `'${String(v).replaceAll("'", "''")}'`;
};

export async function openDb(): Promise<Db> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2', preserve_insertion_order: 'true' });
  const con: DuckDBConnection = await instance.connect();
  const db: Db = {
    run: async (sql) => {
      await con.run(sql);
    },
    all: async (sql) => {
      const r = await con.runAndReadAll(sql);
      return r.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
    },
    load: async (table, columns, rows) => {
      await con.run(`CREATE OR REPLACE TABLE ${table} (${columns.map(([n, t]) => `"${n}" ${t}`).join(', ')})`);
      // Batched VALUES: plan tables are at most tens of thousands of rows.
      for (let i = 0; i < rows.length; i += 2000) {
        const chunk = rows.slice(i, i + 2000);
        await con.run(`INSERT INTO ${table} VALUES ${chunk.map((r) => `(${r.map(lit).join(',')})`).join(',')}`);
      }
    },
    close: () => {
      con.closeSync();
      instance.closeSync();
    },
  };
  return db;
}

/** A uniform number in [0,1) from a hash of the seed and keys: deterministic pseudo-randomness in SQL. */
export const U = (...keys: string[]): string => `((hash(${keys.join(', ')}) % 1000000007)::DOUBLE / 1000000007.0)`;
