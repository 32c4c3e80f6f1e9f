/**
 * Hands the typed tables from the engine that validated them (DuckDB) to an engine that only computes
 * (ClickHouse): each table written as Parquet, its columns in the contract's order and types, into a
 * temporary folder that is removed once the other engine has read it. Parquet keeps every value
 * exactly (32-bit integers, doubles, UTF-8 text), so both engines compute on the same typed rows.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqlIdent, sqlString, type HandedTable, type SqlEngine } from '../base/engine.ts';
import { SQL_TYPE } from './rules.ts';
import { tableSpec, type TableName } from './schema.ts';

export async function handOver(loader: SqlEngine, target: SqlEngine, names: readonly TableName[]): Promise<void> {
  if (!target.adopt) return;
  const dir = await mkdtemp(join(tmpdir(), 'report-handover-'));
  try {
    const tables: HandedTable[] = [];
    for (const name of names) {
      const columns = tableSpec(name).columns.map((c) => ({ name: c.name, type: SQL_TYPE[c.type.kind] as HandedTable['columns'][number]['type'], nullable: c.nullable === true }));
      const file = join(dir, `${name}.parquet`);
      await loader.run(`COPY (SELECT ${columns.map((c) => sqlIdent(c.name)).join(', ')} FROM ${sqlIdent(name)}) TO ${sqlString(file)} (FORMAT parquet)`);
      tables.push({ name, file, columns });
    }
    await target.adopt(tables);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
