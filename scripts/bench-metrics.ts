/**
 * Benchmark of the metrics stage (issue 3): generates synthetic data of the 2023 edition's size
 * straight in DuckDB (Parquet files in a temporary folder), then loads, validates and computes the
 * whole metrics document, printing time and peak memory per step. Not a timed test: run it by hand.
 *
 *   npm run bench:metrics                      # 1×, 3 runs, medians
 *   npm run bench:metrics -- --scale 10 --runs 1
 *   npm run bench:metrics -- --scale 1 --keep  # keep the generated dataset folder
 *   npm run bench:metrics -- --runs 0 --keep   # only generate
 *   npm run bench:metrics -- --data DIR        # measure an existing dataset (e.g. the calibrated one)
 *   npm run bench:metrics -- --memory-limit 3GB  # cap DuckDB's memory; it spills to a temp folder
 *   npm run bench:metrics -- --threads 1       # DuckDB's worker threads (default 2)
 *   npm run bench:metrics -- --uncompressed    # DuckDB's tables uncompressed in memory (default: compressed
 *                                              # at every scale, like with like; a build compresses from
 *                                              # COMPRESS_FROM_BYTES of data only, src/base/engine.ts)
 *   npm run bench:metrics -- --scales 1,3,10 --engine duckdb,clickhouse
 *       # the scaling: per scale and engine, time and peak memory, and the ratio to linear
 *
 * --engine: duckdb, clickhouse (chDB in process; engines/clickhouse must be installed) or both (the
 * default with --scales, when the ClickHouse package is installed). With --scales, each scale's
 * dataset is generated once, and each engine measured on it in a process of its own, so that one
 * engine's memory (chDB keeps its allocator's arenas) never counts as the other's peak.
 * 1× = 2,204,950 papers, 669,942 patent families, 774,710 scholars, 244,000 moves (the 2023
 * edition). Peak memory is the process's resident set (DuckDB runs in process, so it is included),
 * sampled every 20 ms while a step runs; `maxRSS` is the kernel's high-water mark for the process.
 * CPU time (user + system, all threads) is printed beside wall time because it depends much less
 * on what else the machine is doing; the load average is printed with each run for the same reason.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { nodeFileSystem } from '../src/effects.ts';
import { readManifest } from '../src/load/manifest.ts';
import { loadTables } from '../src/load/tables.ts';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openDuckDb, sqlString, type SqlEngine } from '../src/base/engine.ts';
import { clickHouseInstalled, openClickHouse } from '../src/base/clickhouse.ts';
import { computeMetrics, requiredTables } from '../src/metrics/metrics.ts';
import { readEdition } from '../src/base/edition.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    runs: { type: 'string' },
    keep: { type: 'boolean', default: false },
    data: { type: 'string' },
    'memory-limit': { type: 'string' },
    threads: { type: 'string' },
    /** DuckDB: keep the tables uncompressed in memory, as before the compressed store (docs/scale.md). */
    uncompressed: { type: 'boolean', default: false },
    scales: { type: 'string' },
    engine: { type: 'string' },
    /** Internal: print the measurements as one JSON line (the --scales parent reads it). */
    json: { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const threads = values.threads === undefined ? undefined : Number(values.threads);
if (threads !== undefined && !(Number.isInteger(threads) && threads > 0)) throw new Error(`--threads ${values.threads}: expected a whole number above 0`);
const runs = Number(values.runs ?? (values.scales ? '1' : '3'));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENGINES = ['duckdb', 'clickhouse'] as const;
type EngineName = (typeof ENGINES)[number];
const engines: EngineName[] = (values.engine ?? (values.scales && clickHouseInstalled(ROOT) ? 'duckdb,clickhouse' : 'duckdb')).split(',').map((e) => {
  if (!(ENGINES as readonly string[]).includes(e)) throw new Error(`--engine ${e}: expected duckdb or clickhouse`);
  return e as EngineName;
});
if (!(scale > 0) || !Number.isInteger(runs) || runs < 0) throw new Error('usage: bench-metrics [--scale N] [--runs N] [--keep] [--data DIR]');

const SIZE = {
  papers: 2_204_950,
  patents: 669_942,
  scholars: 774_710,
  moves: 244_000,
  institutions: 25_000,
  topics: 150,
};
const n = (x: number) => Math.round(x * scale);

// Countries with a skew like the report's (repeats weight the draw).
const COUNTRIES = ['US', 'US', 'US', 'US', 'CN', 'CN', 'CN', 'CN', 'DE', 'GB', 'GB', 'IN', 'JP', 'KR', 'CA', 'IT', 'FR', 'ES', 'AU', 'NL', 'CH', 'RU', 'BR', 'SE', 'SG', 'IL', 'TW', 'HK', 'PL', 'BE', 'AT', 'DK', 'FI', 'NO', 'IE', 'PT', 'TR', 'IR', 'SA', 'EG', 'ZA', 'MX', 'AR', 'CL', 'NZ', 'MY', 'TH', 'VN', 'PK', 'ID'];
const ARR = `[${COUNTRIES.map(sqlString).join(', ')}]`;
/** A deterministic pick from the country list, driven by a hash (runs give the same data). */
const country = (h: string) => `${ARR}[1 + (${h} % ${COUNTRIES.length})::INTEGER]`;
/** A uniform in (0, 1] from a hash. */
const uniform = (h: string) => `((${h} % 1000000)::DOUBLE + 1) / 1000000`;

async function generate(engine: SqlEngine, dir: string): Promise<void> {
  const copy = (name: string, select: string) =>
    engine.run(`COPY (${select}) TO ${sqlString(join(dir, `${name}.parquet`))} (FORMAT parquet, ROW_GROUP_SIZE 122880)`);
  const inst = n(SIZE.institutions);
  // Institutions: every fifth one above 100 has a parent with a smaller number, so chains nest
  // without cycles. An institution's country is a function of its number, reused by affiliations.
  await copy('institutions', `
    SELECT 'I' || i AS institution_id, '机构 ' || i AS name_zh, 'Institution ' || i AS name_en, ${country('hash(i)')} AS country,
           ['university', 'institute', 'company', 'government', 'other'][1 + (hash(i, 1) % 5)::INTEGER] AS kind,
           CASE WHEN i % 5 = 0 AND i > 100 THEN 'I' || (i // 100) END AS parent_id,
           NULL::VARCHAR AS province, 'City ' || (hash(i, 2) % 500) AS city
    FROM range(1, ${inst + 1}) t(i)`);
  await copy('papers', `
    SELECT 'P' || i AS paper_id, (2012 + hash(i, 1) % 10)::INTEGER AS year,
           CASE WHEN hash(i, 2) % 10 = 0 THEN 'review' ELSE 'article' END AS doc_type,
           floor(-ln(${uniform('hash(i, 3)')}) * 14)::INTEGER AS citations
    FROM range(${n(SIZE.papers)}) t(i)`);
  // 1 to 3 institutions per paper (about 1.4 on average).
  await copy('paper_affiliations', `
    WITH a AS (
      SELECT i, unnest(range(1 + (hash(i, 4) % 10 < 3)::INTEGER + (hash(i, 5) % 10 < 1)::INTEGER)) AS j FROM range(${n(SIZE.papers)}) t(i)
    ), b AS (SELECT i, 1 + hash(i, j, 6) % ${inst} AS inst FROM a)
    SELECT 'P' || i AS paper_id, 'I' || inst AS institution_id, ${country('hash(inst)')} AS country FROM b`);
  await copy('patents', `
    SELECT 'T' || i AS patent_id, (2012 + hash(i, 1) % 10)::INTEGER AS year, ${country('hash(i, 2)')} AS country,
           CASE WHEN hash(i, 3) % 10 < 7 THEN 'I' || (1 + hash(i, 4) % ${inst}) END AS assignee_id,
           CASE WHEN hash(i, 5) % 10 < 8 THEN round(exp(${uniform('hash(i, 6)')} * 18), 2) END AS value_usd
    FROM range(${n(SIZE.patents)}) t(i)`);
  await copy('scholars', `
    SELECT 'S' || i AS scholar_id, ${country('hash(i, 1)')} AS country,
           CASE WHEN hash(i, 2) % 10 < 8 THEN 'I' || (1 + hash(i, 3) % ${inst}) END AS institution_id,
           floor(-ln(${uniform('hash(i, 4)')}) * 12)::INTEGER AS h_index,
           CASE WHEN hash(i, 5) % 4 = 0 THEN 'CN-' || ['BJ', 'SH', 'GD', 'JS', 'ZJ', 'SC', 'HB', 'SN'][1 + (hash(i, 6) % 8)::INTEGER] END AS province,
           'City ' || (hash(i, 7) % 500) AS city
    FROM range(${n(SIZE.scholars)}) t(i)`);
  await copy('scholar_moves', `
    SELECT 'S' || (hash(i, 1) % ${n(SIZE.scholars)}) AS scholar_id, (2012 + hash(i, 2) % 10)::INTEGER AS year,
           ${country('hash(i, 3)')} AS from_country,
           CASE WHEN hash(i, 4) % 5 = 0 THEN ${country('hash(i, 3)')} ELSE ${country('hash(i, 5)')} END AS to_country,
           CASE WHEN hash(i, 6) % 10 > 0 THEN 'City ' || (hash(i, 7) % 500) END AS from_city,
           CASE WHEN hash(i, 8) % 10 > 0 THEN 'City ' || (hash(i, 9) % 500) END AS to_city
    FROM range(${n(SIZE.moves)}) t(i)`);
  await copy('topics', `
    SELECT 'K' || i AS topic_id, '主题 ' || i AS name_zh, 'Topic ' || i AS name_en, CASE WHEN i % 2 = 0 THEN 'frontier' ELSE 'hot-2022' END AS "group"
    FROM range(${SIZE.topics}) t(i)`);
  // A tenth of the papers and patents have one or two topics; topic papers have a yearly citation series.
  await copy('paper_topics', `
    WITH p AS (SELECT i, unnest(range(1 + (hash(i, 8) % 2)::INTEGER)) AS j FROM range(${n(SIZE.papers)}) t(i) WHERE hash(i, 7) % 10 = 0)
    SELECT DISTINCT 'P' || i AS paper_id, 'K' || (hash(i, j, 9) % ${SIZE.topics}) AS topic_id FROM p`);
  await copy('paper_citations_by_year', `
    WITH p AS (SELECT i, (2012 + hash(i, 1) % 10)::INTEGER AS y FROM range(${n(SIZE.papers)}) t(i) WHERE hash(i, 7) % 10 = 0),
    s AS (SELECT i, unnest(range(y, 2023)) AS year FROM p)
    SELECT 'P' || i AS paper_id, year::INTEGER AS year, floor(-ln(${uniform('hash(i, year)')}) * 3)::INTEGER AS citations FROM s`);
  await copy('patent_topics', `
    SELECT 'T' || i AS patent_id, 'K' || (hash(i, 8) % ${SIZE.topics}) AS topic_id FROM range(${n(SIZE.patents)}) t(i) WHERE hash(i, 7) % 10 = 0`);
  writeFileSync(
    join(dir, 'dataset.yaml'),
    `edition: "bench"\ntitle: {zh: "基准", en: "Benchmark"}\npaper_years: [2012, 2021]\npatent_years: [2012, 2021]\nsnapshot: 2022-06-30\nsource: {zh: "合成", en: "Synthetic"}\n`,
  );
}

/** CPU seconds of the whole process (DuckDB's threads included), user + system. */
function cpuSeconds(): number {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1e6;
}

interface Measured<T> {
  readonly result: T;
  readonly seconds: number;
  readonly cpu: number;
  readonly peak: number;
}

/** Runs `work` while sampling the resident set; returns its wall and CPU seconds and the peak seen. */
async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const start = performance.now();
  const cpu = cpuSeconds();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, seconds: (performance.now() - start) / 1000, cpu: cpuSeconds() - cpu, peak };
  } finally {
    clearInterval(timer);
  }
}

const GiB = 1024 ** 3;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  const dir = values.data ?? mkdtempSync(join(tmpdir(), `bench-metrics-${scale}x-`));
  if (!values.data) {
    const gen = await openDuckDb();
    const g = await measure(() => generate(gen, dir));
    gen.close();
    console.log(`scale ${scale}×: generated ${dir} in ${g.seconds.toFixed(1)} s`);
  }

  const samples = new Map<string, { seconds: number[]; cpu: number[]; peak: number }>();
  const record = (step: string, m: { seconds: number; cpu: number; peak: number }) => {
    const s = samples.get(step) ?? { seconds: [], cpu: [], peak: 0 };
    s.seconds.push(m.seconds);
    s.cpu.push(m.cpu);
    s.peak = Math.max(s.peak, m.peak);
    samples.set(step, s);
  };
  let rows = 0;
  // The document must not depend on the run (thread scheduling, spilling): compare their digests.
  const digests = new Set<string>();
  for (let run = 0; run < runs; run++) {
    const limit = values['memory-limit'];
    const engine =
      engines[0] === 'clickhouse' ? await openClickHouse({ root: ROOT, env: {} }) : await openDuckDb({ ...(limit ? { memoryLimit: limit, tempDirectory: join(dir, '.spill') } : {}), ...(threads ? { threads } : {}), compress: !values.uncompressed });
    try {
      const manifest = await readManifest(nodeFileSystem, dir);
      // The 2023 edition's thresholds, as the build gives them to the SQL.
      const { definitions } = await readEdition(nodeFileSystem, new URL('../templates', import.meta.url).pathname, '2023');
      const load = await measure(() => loadTables(nodeFileSystem, engine, dir, manifest, requiredTables()));
      record('load + validate', load);
      rows = load.result.reduce((sum, t) => sum + t.rows, 0);
      // Per family: the sampler runs through the whole computation and restarts at each family's end.
      let peak = process.memoryUsage.rss();
      let cpu = cpuSeconds();
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
      const metrics = await measure(() =>
        computeMetrics(engine, manifest, load.result, definitions, {
          onFamily: (family, seconds) => {
            record(family, { seconds, cpu: cpuSeconds() - cpu, peak: Math.max(peak, process.memoryUsage.rss()) });
            peak = process.memoryUsage.rss();
            cpu = cpuSeconds();
          },
        }),
      );
      clearInterval(timer);
      digests.add(createHash('sha256').update(JSON.stringify(metrics.result)).digest('hex'));
      record('metrics (all families)', metrics);
      record('total', { seconds: load.seconds + metrics.seconds, cpu: load.cpu + metrics.cpu, peak: Math.max(load.peak, metrics.peak) });
      console.log(`run ${run + 1}: load ${load.seconds.toFixed(2)} s, metrics ${metrics.seconds.toFixed(2)} s (load average ${loadavg()[0]!.toFixed(1)})`);
    } finally {
      engine.close();
    }
  }
  console.log(`\n${rows.toLocaleString('en-US')} input rows, ${runs} run(s); medians of wall and CPU time, peak resident memory`);
  console.log(`  ${'step'.padEnd(24)} ${'wall'.padStart(9)} ${'cpu'.padStart(9)} ${'peak'.padStart(10)}`);
  for (const [step, s] of samples) {
    console.log(`  ${step.padEnd(24)} ${median(s.seconds).toFixed(2).padStart(7)} s ${median(s.cpu).toFixed(2).padStart(7)} s ${(s.peak / GiB).toFixed(2).padStart(6)} GiB`);
  }
  if (runs > 1) console.log(`  documents of the ${runs} runs: ${digests.size === 1 ? 'identical' : `${digests.size} different`}`);
  console.log(`  maxRSS (process)         ${((process.resourceUsage().maxRSS * 1024) / GiB).toFixed(2).padStart(26)} GiB`);
  if (values.json) {
    const total = samples.get('total');
    const steps = Object.fromEntries([...samples].map(([step, x]) => [step, { seconds: median(x.seconds), peak: x.peak }]));
    console.log(`BENCH ${JSON.stringify({ rows, seconds: total ? median(total.seconds) : 0, cpu: total ? median(total.cpu) : 0, peak: total?.peak ?? 0, maxRss: process.resourceUsage().maxRSS * 1024, steps, digests: [...digests], load: loadavg()[0] })}`);
  }
  if (values.keep) console.log(`dataset kept in ${dir}`);
  else if (!values.data) rmSync(dir, { recursive: true, force: true });
}

interface ChildResult {
  readonly rows: number;
  readonly seconds: number;
  readonly cpu: number;
  readonly peak: number;
  readonly maxRss: number;
  readonly steps: Record<string, { seconds: number; peak: number }>;
  readonly digests: string[];
  /** The machine's 1-minute load average when the run ended. */
  readonly load?: number;
}

/**
 * --scales: the scaling. Per scale, generates the dataset once, measures each engine on it in a
 * child process (this script with --data and --json), and prints time and peak per scale with the
 * ratio to linear: (time at N× / time at the smallest scale) / (N / smallest scale); 1.00 is linear.
 */
async function scaling(scales: number[]) {
  // The measuring children get the same DuckDB settings.
  const passOn = [...(threads ? ['--threads', String(threads)] : []), ...(values.uncompressed ? ['--uncompressed'] : []), ...(values['memory-limit'] ? ['--memory-limit', values['memory-limit']] : [])];
  const results: { scale: number; engine: EngineName; r: ChildResult }[] = [];
  for (const x of scales) {
    {
      const gen = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--scale', String(x), '--runs', '0', '--keep'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
      const made = /dataset kept in (\S+)/.exec(gen.stdout)?.[1];
      if (gen.status !== 0 || !made) throw new Error(`generating the ${x}× dataset failed`);
      for (const engine of engines) {
        console.log(`scale ${x}×, ${engine}: measuring (${runs} run(s))`);
        const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--data', made, '--engine', engine, '--runs', String(runs), '--json', ...passOn], {
          stdio: ['ignore', 'pipe', 'inherit'],
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        });
        const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH '));
        if (child.status !== 0 || !line) {
          console.log(`  failed (exit ${child.status ?? child.signal})`);
          continue;
        }
        const r = JSON.parse(line.slice(6)) as ChildResult;
        results.push({ scale: x, engine, r });
        console.log(`  ${r.seconds.toFixed(1)} s, peak ${(r.peak / GiB).toFixed(2)} GiB; ${Object.entries(r.steps).map(([k, v]) => `${k} ${v.seconds.toFixed(1)} s`).join(', ')}`);
      }
      rmSync(made, { recursive: true, force: true });
    }
  }
  console.log('\nscaling: load + validate + metrics, median wall and CPU time (CPU depends less on a busy machine); peak resident memory of the process');
  console.log('  time × and peak ×: against the smallest scale; vs linear: time × / scale ×, from wall (and CPU) time, 1.00 is linear');
  console.log(`  ${'engine'.padEnd(11)} ${'scale'.padStart(5)} ${'rows'.padStart(13)} ${'time'.padStart(9)} ${'cpu'.padStart(9)} ${'peak'.padStart(10)} ${'time ×'.padStart(7)} ${'peak ×'.padStart(7)} ${'vs linear'.padStart(9)} ${'(cpu)'.padStart(6)} ${'load'.padStart(5)}`);
  for (const engine of engines) {
    const mine = results.filter((x) => x.engine === engine);
    const base = mine[0];
    for (const { scale: x, r } of mine) {
      const t = r.seconds / base!.r.seconds;
      const p = r.peak / base!.r.peak;
      const linear = t / (x / base!.scale);
      const linearCpu = r.cpu / base!.r.cpu / (x / base!.scale);
      console.log(
        `  ${engine.padEnd(11)} ${`${x}×`.padStart(5)} ${r.rows.toLocaleString('en-US').padStart(13)} ${r.seconds.toFixed(1).padStart(7)} s ${r.cpu.toFixed(1).padStart(7)} s ${(r.peak / GiB).toFixed(2).padStart(6)} GiB ${t.toFixed(2).padStart(7)} ${p.toFixed(2).padStart(7)} ${linear.toFixed(2).padStart(9)} ${linearCpu.toFixed(2).padStart(6)} ${(r.load ?? 0).toFixed(1).padStart(5)}`,
      );
    }
  }
  // Both engines on one dataset must give one document.
  for (const x of scales) {
    const ds = new Set(results.filter((r) => r.scale === x).flatMap((r) => r.r.digests));
    if (results.some((r) => r.scale === x) && engines.length > 1) console.log(`  ${x}×: documents of ${engines.join(' and ')} ${ds.size === 1 ? 'identical' : 'DIFFERENT'}`);
  }
}

if (values.scales) await scaling(values.scales.split(',').map(Number));
else await main();
