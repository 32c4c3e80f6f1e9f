/** DuckDB access for the generator: bulk-load small plan tables from JS, expand and write in SQL. */
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';

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

const APPEND: Record<string, (app: DuckDBAppender, v: unknown) => void> = {
  VARCHAR: (app, v) => app.appendVarchar(String(v)),
  INTEGER: (app, v) => app.appendInteger(Number(v)),
  BIGINT: (app, v) => app.appendBigInt(BigInt(v as number)),
  DOUBLE: (app, v) => app.appendDouble(Number(v)),
  BOOLEAN: (app, v) => app.appendBoolean(Boolean(v)),
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
      if (columns.every(([, t]) => t in APPEND)) {
        // The appender is several times faster than parsing VALUES for plan tables of ~10^4 rows.
        const app = await con.createAppender(table);
        for (const row of rows) {
          columns.forEach(([, t], i) => {
            const v = row[i];
            if (v === null || v === undefined) app.appendNull();
            else APPEND[t]!(app, v);
          });
          app.endRow();
        }
        app.closeSync();
        return;
      }
      // Batched VALUES for list columns.
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

/**
 * Loads pick lists (key → institution ids, repeated by weight) as `${name}` (key, slot,
 * institution_id) and `${name}_len` (key, n): rows are picked by an equi-join on a hashed slot.
 */
export async function loadPicks(db: Db, name: string, picks: ReadonlyMap<string, readonly string[]>): Promise<void> {
  const lists = [...picks.entries()].filter(([, ids]) => ids.length > 0);
  await db.load(name, [['key', 'VARCHAR'], ['slot', 'INTEGER'], ['institution_id', 'VARCHAR']], lists.flatMap(([k, ids]) => ids.map((id, slot) => [k, slot, id])));
  await db.load(`${name}_len`, [['key', 'VARCHAR'], ['n', 'INTEGER']], lists.map(([k, ids]) => [k, ids.length]));
}

/**
 * The same pick lists as one flat array: `${name}` (idx, institution_id), and per key its `base`
 * offset and length `n`, so that a row picks `base + hash % n` with a join on one integer.
 */
export async function loadFlatPicks(db: Db, name: string, picks: ReadonlyMap<string, readonly string[]>): Promise<Map<string, { base: number; n: number }>> {
  const where = new Map<string, { base: number; n: number }>();
  const rows: [number, string][] = [];
  for (const [k, ids] of picks) {
    where.set(k, { base: rows.length, n: ids.length });
    for (const id of ids) rows.push([rows.length, id]);
  }
  await db.load(name, [['idx', 'INTEGER'], ['institution_id', 'VARCHAR']], rows);
  return where;
}
