/**
 * `--engine duckdb|clickhouse`: which engine computes the metrics. DuckDB (the default) is a
 * dependency of the project; ClickHouse is a package installed apart (engines/clickhouse/), loaded
 * only when chosen. Both are imported when first needed, not at start.
 */
import type { SqlEngine } from '../base/engine.ts';
import { UsageError } from './args.ts';
import { message } from '../messages.ts';

export type EngineName = 'duckdb' | 'clickhouse';

export function engineName(value: string | boolean | undefined): EngineName {
  const name = value === undefined ? 'duckdb' : String(value);
  if (name !== 'duckdb' && name !== 'clickhouse') throw new UsageError(message('engine.unknown', { engine: name }));
  return name;
}

export function engineOpener(name: EngineName, root: string): () => Promise<SqlEngine> {
  return name === 'clickhouse'
    ? async () => (await import('../base/clickhouse.ts')).openClickHouse({ root })
    : async () => (await import('../base/engine.ts')).openDuckDb();
}
