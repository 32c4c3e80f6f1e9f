/**
 * The metrics stage with its cache: a dataset's metrics document read back when the dataset, the
 * edition's definitions, the queries and the engine are unchanged; else loaded and computed.
 */
import type { Stages } from '../base/stages.ts';
import { timed, type Effects } from '../effects.ts';
import { readManifest } from '../load/manifest.ts';
import type { MetricsDocument } from '../metrics/document.ts';
import type { Definitions } from '../base/definitions.ts';
import type { SqlEngine } from '../base/engine.ts';
import { computeMetrics, deepFreeze, requiredTables } from '../metrics/metrics.ts';
import { metricsKey } from './keys.ts';
import { NO_CACHE, type Cache } from './store.ts';

/** What the metrics stage needs of the build's resources. */
export interface MetricsResources {
  openEngine(): Promise<SqlEngine>;
  /** The engine openEngine opens when it is not DuckDB: part of the cache key. */
  readonly engineName?: string;
  /** Parsed documents by cache key, kept by a long-running caller (the preview). */
  readonly parsed?: Map<string, MetricsDocument>;
}

/**
 * The loader is imported when metrics are computed, not at start: it pulls in DuckDB's native module
 * (0.4 s), which a build with cached metrics never needs.
 */
const loader = () => import('../load/tables.ts');

/** The metrics of one dataset, with an edition's definitions (thresholds). */
export async function computeDatasetMetrics(fx: Effects, engine: SqlEngine, dataDir: string, definitions: Definitions): Promise<MetricsDocument> {
  const { loadTables, loadSummary } = await loader();
  const manifest = await readManifest(fx.fs, dataDir);
  const tables = await timed(fx, 'load', () => loadTables(fx.fs, engine, dataDir, manifest, requiredTables()), (t) => loadSummary(t, manifest));
  return timed(fx, 'metrics', () => computeMetrics(engine, manifest, tables, definitions));
}

/**
 * Metrics from the cache when the dataset, the definitions, the queries and the engine are unchanged;
 * else load and compute. `whileLoading` is called when the data is to be loaded: work to start elsewhere meanwhile.
 */
export async function datasetMetrics(fx: Effects, stages: Stages, cache: Cache, resources: MetricsResources, dataDir: string, definitions: Definitions, whileLoading?: () => void): Promise<{ metrics: MetricsDocument; key: string | null }> {
  const key = cache === NO_CACHE ? null : await stages.run('data digest', () => metricsKey(fx.fs, dataDir, definitions, resources.engineName), (k) => k.slice(0, 12));
  return { metrics: await metricsFor(fx, stages, cache, resources, dataDir, definitions, key, whileLoading), key };
}

async function metricsFor(fx: Effects, stages: Stages, cache: Cache, resources: MetricsResources, dataDir: string, definitions: Definitions, key: string | null, whileLoading?: () => void): Promise<MetricsDocument> {
  const parsed = key ? resources.parsed?.get(key) : undefined;
  if (parsed) return stages.run('metrics', async () => parsed, () => key!.slice(0, 12), true);
  const known = key ? await cache.get('metrics', key) : null;
  if (known) {
    const doc = await stages.run('metrics', async () => deepFreeze(JSON.parse(Buffer.from(known).toString('utf8')) as MetricsDocument), () => key!.slice(0, 12), true);
    remember(resources, key!, doc);
    return doc;
  }
  whileLoading?.();
  const { loadTables, loadSummary } = await loader();
  const engine = await resources.openEngine();
  try {
    const manifest = await readManifest(fx.fs, dataDir);
    const tables = await stages.run('load', () => loadTables(fx.fs, engine, dataDir, manifest, requiredTables()), (t) => loadSummary(t, manifest));
    const metrics = await stages.run('metrics', () => computeMetrics(engine, manifest, tables, definitions));
    if (key) {
      await cache.put('metrics', key, JSON.stringify(metrics));
      remember(resources, key, metrics);
    }
    return metrics;
  } finally {
    engine.close();
  }
}

/** Keeps the last parsed metrics document only: a preview needs the current dataset's. */
function remember(resources: MetricsResources, key: string, doc: MetricsDocument): void {
  resources.parsed?.clear();
  resources.parsed?.set(key, doc);
}

