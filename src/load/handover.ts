/**
 * Hands the typed tables from the engine that validated them (DuckDB) to an engine that only computes
 * (ClickHouse): each table written as Parquet, its columns in the contract's order and types, into a
 * temporary folder that is removed once the other engine has read it. Parquet keeps every value
 * exactly (integers, doubles, UTF-8 text), so both engines compute on the same typed rows. The
 * columns are the stored ones (storage.ts): hash keys as UBIGINT, ENUMs as their text.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqlIdent, sqlString, type HandedTable, type SqlEngine } from '../base/engine.ts';
import type { TableName } from './schema.ts';
import { storedColumns } from './storage.ts';

export async function handOver(loader: SqlEngine, target: SqlEngine, names: readonly TableName[]): Promise<void> {
  if (!target.adopt) return;
  const dir = await mkdtemp(join(tmpdir(), 'report-handover-'));
  try {
    const tables: HandedTable[] = [];
    for (const name of names) {
      const stored = await storedColumns(loader, name);
      const file = join(dir, `${name}.parquet`);
      await loader.run(`COPY (SELECT ${stored.map((c) => c.select).join(', ')} FROM ${sqlIdent(name)}) TO ${sqlString(file)} (FORMAT parquet)`);
      tables.push({ name, file, columns: stored.map((c) => c.column) });
    }
    await target.adopt(tables);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
