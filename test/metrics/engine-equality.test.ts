/**
 * One definition of every metric, two engines, the same answer byte for byte: the metrics document
 * computed by ClickHouse (chDB in process) is the JSON DuckDB computes, on the sample dataset, on
 * edge cases built here from it (ties at the top-1 % threshold, a dataset without any top paper or
 * high-value patent or cross-border move, a single year, only the required tables), and with
 * GENERATE_FULL=1 on the full calibrated dataset.
 *
 * The ClickHouse engine is a package installed apart (npm install --prefix engines/clickhouse). Without it
 * the ClickHouse side is skipped, with the reason, except in CI (CI=1, as .ci/run sets), where it must run.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../src/effects.ts';
import { readManifest } from '../../src/load/manifest.ts';
import { loadTables } from '../../src/load/tables.ts';
import { openDuckDb, type SqlEngine } from '../../src/base/engine.ts';
import { clickHouseInstalled, openClickHouse } from '../../src/base/clickhouse.ts';
import { computeMetrics, requiredTables } from '../../src/metrics/metrics.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const SAMPLE = join(ROOT, 'data', '2023');
const installed = clickHouseInstalled(ROOT);
const inCi = Boolean(process.env.CI);

async function metricsWith(open: () => Promise<SqlEngine>, dir: string): Promise<MetricsDocument> {
  const engine = await open();
  try {
    const manifest = await readManifest(nodeFileSystem, dir);
    const tables = await loadTables(nodeFileSystem, engine, dir, manifest, requiredTables());
    return await computeMetrics(engine, manifest, tables, DEFINITIONS_2023);
  } finally {
    engine.close();
  }
}

/** Both engines' documents, as the JSON `report metrics` writes. */
async function both(dir: string): Promise<{ duckdb: string; clickhouse: string; doc: MetricsDocument }> {
  const doc = await metricsWith(() => openDuckDb(), dir);
  const clickhouse = await metricsWith(() => openClickHouse({ root: ROOT, env: {} }), dir);
  return { duckdb: JSON.stringify(doc, null, 2), clickhouse: JSON.stringify(clickhouse, null, 2), doc };
}

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the sample with some CSV tables rewritten (rows as split on commas: these tables quote nothing) and some removed. */
function variant(edit: { manifest?: (text: string) => string; tables?: Record<string, (row: string[], header: string[]) => string[]>; drop?: string[] }): string {
  const dir = mkdtempSync(join(tmpdir(), 'engine-equality-'));
  made.push(dir);
  cpSync(SAMPLE, dir, { recursive: true });
  if (edit.manifest) writeFileSync(join(dir, 'dataset.yaml'), edit.manifest(readFileSync(join(dir, 'dataset.yaml'), 'utf8')));
  for (const [table, change] of Object.entries(edit.tables ?? {})) {
    const file = join(dir, `${table}.csv`);
    const [head, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
    const header = head!.split(',');
    writeFileSync(file, [head, ...lines.map((line) => change(line.split(','), header).join(','))].join('\n') + '\n');
  }
  for (const table of edit.drop ?? []) rmSync(join(dir, `${table}.csv`));
  return dir;
}

const set = (column: string, value: (old: string, row: string[], header: string[]) => string) => (row: string[], header: string[]) => {
  const i = header.indexOf(column);
  return row.map((cell, j) => (j === i ? value(cell, row, header) : cell));
};

describe.skipIf(!installed && !inCi)('DuckDB and ClickHouse compute the same metrics document', () => {
  it('on the sample dataset', async () => {
    const { duckdb, clickhouse, doc } = await both(SAMPLE);
    expect(doc.papers.top1_total).toBeGreaterThan(0);
    expect(clickhouse).toBe(duckdb);
  }, 60_000);

  it('with ties at the top-1 % threshold (citations rounded down to tens; one year all equal)', async () => {
    const dir = variant({
      tables: { papers: set('citations', (c, row, header) => (row[header.indexOf('year')] === '2016' ? '7' : String(Math.floor(Number(c) / 10) * 10))) },
    });
    const { duckdb, clickhouse, doc } = await both(dir);
    // A tie at the threshold takes every tied paper: more top papers than 1 % of the papers.
    expect(doc.papers.top1_total).toBeGreaterThan(Math.ceil(doc.papers.total * 0.01) + 10);
    expect(doc.papers.top1_thresholds.find((t) => t.year === 2016)?.citations).toBe(7);
    expect(clickhouse).toBe(duckdb);
  }, 60_000);

  it('with empty results: no top paper, no high-value patent, no cross-border move, no province', async () => {
    const dir = variant({
      tables: {
        papers: set('citations', () => '0'),
        patents: set('value_usd', () => ''),
        scholars: set('province', () => ''),
        scholar_moves: (row, header) => {
          const from = header.indexOf('from_country');
          return row.map((cell, j) => (j === header.indexOf('to_country') ? row[from]! : cell));
        },
      },
    });
    const { duckdb, clickhouse, doc } = await both(dir);
    expect(doc.papers.top1_total).toBe(0);
    expect(doc.collaboration.pairs).toEqual([]);
    expect(doc.patents?.high_value_total).toBe(0);
    expect(doc.talent?.by_province).toEqual([]);
    expect(doc.flows?.total_moves).toBe(0);
    expect(doc.papers.by_country[0]!.top1_avg_citations).toBeNull();
    expect(doc.topics?.every((t) => t.frontier_index === null && t.avg_pub_year === null)).toBe(true);
    expect(clickhouse).toBe(duckdb);
  }, 60_000);

  it('on a single year', async () => {
    const dir = variant({ manifest: (text) => text.replace(/^paper_years: .*$/m, 'paper_years: [2019, 2019]').replace(/^patent_years: .*$/m, 'patent_years: [2019, 2019]') });
    const { duckdb, clickhouse, doc } = await both(dir);
    expect(doc.papers.top1_thresholds.map((t) => t.year)).toEqual([2019]);
    expect(clickhouse).toBe(duckdb);
  }, 60_000);

  it('with only the required tables (the optional families absent)', async () => {
    const dir = variant({ drop: ['patents', 'patent_topics', 'topics', 'paper_topics', 'paper_citations_by_year', 'scholars', 'scholar_moves'] });
    const { duckdb, clickhouse, doc } = await both(dir);
    expect(doc.provenance.omitted).toEqual(['patents', 'talent', 'flows', 'topics']);
    expect(clickhouse).toBe(duckdb);
  }, 60_000);

  it.runIf(process.env.GENERATE_FULL === '1')('on the full calibrated dataset', async () => {
    const { defaultOut, generate } = await import('../../data/2023/generator/main.ts');
    const out = defaultOut(1);
    await generate({ scale: 1, out });
    const { duckdb, clickhouse, doc } = await both(out);
    expect(doc.papers.total).toBeGreaterThan(2_000_000);
    expect(clickhouse).toBe(duckdb);
  }, 900_000);
});

describe.runIf(!installed && !inCi)('without the ClickHouse engine package', () => {
  it('skips the engine-equality tests: engines/clickhouse is not installed (npm install --prefix engines/clickhouse) and this is not CI', () => {
    expect(installed).toBe(false);
  });
});

describe('the ClickHouse engine package', () => {
  it('when it is not installed, --engine clickhouse stops with the exact command that installs it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'no-engine-'));
    made.push(root);
    const error = await openClickHouse({ root, env: {} }).then(
      () => null,
      (e: unknown) => e as { id?: string; message: string },
    );
    expect(error?.id).toBe('engine.clickhouse-missing');
    expect(error?.message).toMatch(/npm install --prefix \S*engines\/clickhouse/);
  });
});
