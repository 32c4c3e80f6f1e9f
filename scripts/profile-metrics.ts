/**
 * Per-statement profile of the load and metrics stages (issue 20): runs both on a dataset folder
 * (e.g. one kept by `bench:metrics -- --keep`) through an engine that times every statement, and
 * prints those above 0.3 s with their wall time, CPU time (the whole process, all threads) and the
 * peak resident memory while they ran, then the totals and the document's digest. Not a test: run it
 * by hand.
 *
 *   npx tsx scripts/profile-metrics.ts DIR [--engine duckdb|clickhouse] [--threads N]
 *
 * Statements of ClickHouse's loader (DuckDB, which validates) are marked L, ClickHouse's own C,
 * DuckDB's D.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { nodeFileSystem } from '../src/effects.ts';
import { readManifest } from '../src/load/manifest.ts';
import { loadTables } from '../src/load/tables.ts';
import { openDuckDb, type SqlEngine } from '../src/base/engine.ts';
import { openClickHouse } from '../src/base/clickhouse.ts';
import { computeMetrics, requiredTables } from '../src/metrics/metrics.ts';
import { readEdition } from '../src/base/edition.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { engine: { type: 'string', default: 'duckdb' }, threads: { type: 'string' } } });
const dir = positionals[0];
if (!dir || !['duckdb', 'clickhouse'].includes(values.engine)) throw new Error('usage: profile-metrics DIR [--engine duckdb|clickhouse] [--threads N]');
const cpu = () => {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1e6;
};
const GiB = 1024 ** 3;
let peak = 0;
setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20).unref();

/** The engine, with every statement timed; its loader (if any) too. */
function timed(engine: SqlEngine, tag: string): SqlEngine {
  const time = async <T>(sql: string, work: () => Promise<T>) => {
    const start = performance.now();
    const c = cpu();
    peak = process.memoryUsage.rss();
    const result = await work();
    const seconds = (performance.now() - start) / 1000;
    const text = sql.replace(/--.*$/gm, '').replace(/\s+/g, ' ').trim().slice(0, 140);
    if (seconds > Number(process.env.PROFILE_MIN ?? 0.3)) console.log(`${tag} ${seconds.toFixed(2).padStart(7)} s  cpu ${(cpu() - c).toFixed(2).padStart(6)} s  peak ${(peak / GiB).toFixed(2)} GiB | ${text}`);
    return result;
  };
  return {
    ...engine,
    run: (sql, parameters) => time(sql, () => engine.run(sql, parameters)),
    all: (sql, parameters) => time(sql, () => engine.all(sql, parameters)),
    ...(engine.compact ? { compact: () => time('CHECKPOINT (compact)', () => engine.compact!()) } : {}),
    ...(engine.loader ? { loader: timed(engine.loader, 'L') } : {}),
  } as SqlEngine;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const base = values.engine === 'clickhouse' ? await openClickHouse({ root: ROOT, env: {} }) : await openDuckDb(values.threads ? { threads: Number(values.threads) } : {});
try {
  const engine = timed(base, values.engine === 'clickhouse' ? 'C' : 'D');
  const manifest = await readManifest(nodeFileSystem, dir);
  const { definitions } = await readEdition(nodeFileSystem, new URL('../templates', import.meta.url).pathname, '2023');
  const t0 = performance.now();
  const c0 = cpu();
  const loaded = await loadTables(nodeFileSystem, engine, dir, manifest, requiredTables());
  const t1 = performance.now();
  const c1 = cpu();
  const document = await computeMetrics(engine, manifest, loaded, definitions);
  const t2 = performance.now();
  const c2 = cpu();
  const digest = createHash('sha256').update(JSON.stringify(document)).digest('hex').slice(0, 16);
  console.log(
    `load ${((t1 - t0) / 1000).toFixed(1)} s (cpu ${(c1 - c0).toFixed(1)} s), metrics ${((t2 - t1) / 1000).toFixed(1)} s (cpu ${(c2 - c1).toFixed(1)} s), ` +
      `maxRSS ${((process.resourceUsage().maxRSS * 1024) / GiB).toFixed(2)} GiB, document ${digest}`,
  );
} finally {
  base.close();
}
