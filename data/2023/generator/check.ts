/**
 * Checks a generated dataset against data/2023/targets.yaml and prints how many target values are
 * reproduced; exits 1 on any miss.
 *
 *   npx tsx data/2023/generator/check.ts [--data .cache/data/2023] [--metrics FILE.json] [--verbose]
 *
 * Without --metrics the key metrics are computed here with DuckDB SQL (sql-metrics.ts); with it,
 * the metrics engine's document (`report metrics --data DIR --out FILE.json`) is compared instead.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareDocument, report, type Checker } from './compare.ts';
import { openDb } from './db.ts';
import { sqlMetrics, type Doc } from './sql-metrics.ts';
import { loadTargets, type Raw } from './targets.ts';

export async function checkDataset(dir: string, t: Raw = loadTargets()): Promise<Checker> {
  const db = await openDb();
  try {
    return compareDocument(await sqlMetrics(db, dir), t);
  } finally {
    db.close();
  }
}

export function checkMetricsFile(file: string, t: Raw = loadTargets()): Checker {
  return compareDocument(JSON.parse(readFileSync(file, 'utf8')) as Doc, t);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const metrics = arg('metrics');
  const c = metrics ? checkMetricsFile(metrics) : await checkDataset(arg('data') ?? '.cache/data/2023');
  if (c.results.length === 0) console.log('no tables found: run `npm run generate` first (or pass --data DIR)');
  else console.log(report(c, process.argv.includes('--verbose')));
  process.exitCode = c.results.length > 0 && c.results.every((r) => r.ok) ? 0 : 1;
}
