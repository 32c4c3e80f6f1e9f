/**
 * The generator at 1/100 of full size: same bytes on every run, the contract's tables and rules,
 * the scaled totals, and the same key metrics from the project's loader and metrics engine as from
 * the generator's own SQL check.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../../data/2023/generator/db.ts';
import { PROVINCES } from '../../../../data/2023/generator/entities.ts';
import { generate } from '../../../../data/2023/generator/main.ts';
import { sqlMetrics, type Doc } from '../../../../data/2023/generator/sql-metrics.ts';
import { nodeFileSystem } from '../../../../src/effects.ts';
import { readManifest } from '../../../../src/load/manifest.ts';
import { loadTables } from '../../../../src/load/tables.ts';
import { openDuckDb } from '../../../../src/base/engine.ts';
import { computeMetrics, requiredTables } from '../../../../src/metrics/metrics.ts';
import { DEFINITIONS_2023 } from '../../../helpers/definitions.ts';

const SCALE = 0.01;
const S = (v: number) => Math.round(v * SCALE);
const a = mkdtempSync(join(tmpdir(), 'gen-a-'));
const b = mkdtempSync(join(tmpdir(), 'gen-b-'));
let db: Db;
let doc: Doc;

const digestOf = (dir: string) =>
  Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.parquet')).sort().map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));

beforeAll(async () => {
  await generate({ scale: SCALE, out: a, force: true });
  await generate({ scale: SCALE, out: b, force: true });
  db = await openDb();
  doc = await sqlMetrics(db, a);
});

afterAll(() => {
  db.close();
  for (const dir of [a, b]) rmSync(dir, { recursive: true, force: true });
});

describe('generated dataset (scale 0.01)', () => {
  it('is the same, byte for byte, on every run', () => {
    const da = digestOf(a);
    expect(Object.keys(da)).toHaveLength(10);
    expect(digestOf(b)).toEqual(da);
  });

  it('is not regenerated when the generator, targets and scale are unchanged', async () => {
    expect((await generate({ scale: SCALE, out: a })).skipped).toBe(true);
  });

  it('has the scaled totals', () => {
    expect(doc.papers!.total).toBe(S(2204950));
    expect(doc.papers!.top1_total).toBe(S(23138));
    expect(doc.patents!.total).toBe(S(669942));
    expect(doc.talent!.total).toBe(S(774710));
  });

  it('keeps the contract: unique ids, links that resolve, codes and ranges', async () => {
    const one = async (sql: string) => Number((await db.all(sql))[0]!.n);
    expect(await one(`SELECT count(*) - count(DISTINCT paper_id) AS n FROM papers`)).toBe(0);
    expect(await one(`SELECT count(*) - count(DISTINCT patent_id) AS n FROM patents`)).toBe(0);
    expect(await one(`SELECT count(*) - count(DISTINCT scholar_id) AS n FROM scholars`)).toBe(0);
    expect(await one(`SELECT count(*) AS n FROM paper_affiliations a ANTI JOIN institutions i USING (institution_id)`)).toBe(0);
    expect(await one(`SELECT count(*) AS n FROM paper_affiliations a ANTI JOIN papers p USING (paper_id)`)).toBe(0);
    expect(await one(`SELECT count(*) AS n FROM papers p ANTI JOIN paper_affiliations a USING (paper_id)`)).toBe(0);
    expect(await one(`SELECT count(*) AS n FROM patents p WHERE assignee_id IS NOT NULL AND assignee_id NOT IN (SELECT institution_id FROM institutions)`)).toBe(0);
    expect(await one(`SELECT count(*) AS n FROM scholar_moves m ANTI JOIN scholars s USING (scholar_id)`)).toBe(0);
    expect(await one(`SELECT count(*) AS n FROM paper_topics t ANTI JOIN topics USING (topic_id)`)).toBe(0);
    expect(await one(`SELECT count(*) AS n FROM patent_topics t ANTI JOIN patents USING (patent_id)`)).toBe(0);
    expect(await one(`SELECT count(*) AS n FROM papers WHERE year NOT BETWEEN 2012 AND 2021 OR citations < 0 OR doc_type NOT IN ('article', 'review')`)).toBe(0);
    expect(await one(`SELECT count(*) AS n FROM patents WHERE year NOT BETWEEN 2012 AND 2021 OR value_usd < 0`)).toBe(0);
    const codes = new Set(Object.keys(countries.getAlpha2Codes()));
    for (const table of ['paper_affiliations', 'institutions', 'patents', 'scholars']) {
      for (const r of await db.all(`SELECT DISTINCT country FROM ${table}`)) expect(codes.has(String(r.country))).toBe(true);
    }
    const provinces = new Set(PROVINCES.map((p) => p.code));
    for (const r of await db.all(`SELECT DISTINCT province FROM scholars WHERE province IS NOT NULL UNION SELECT DISTINCT province FROM institutions WHERE province IS NOT NULL`)) {
      expect(provinces.has(String(r.province))).toBe(true);
    }
  });

  it('gives the metrics engine the same numbers as the generator check', async () => {
    const engine = await openDuckDb();
    try {
      const manifest = await readManifest(nodeFileSystem, a);
      const tables = await loadTables(nodeFileSystem, engine, a, manifest, requiredTables());
      const m = (await computeMetrics(engine, manifest, tables, DEFINITIONS_2023)) as unknown as Doc;
      const pick = (rows: unknown, key: string, fields: string[]) =>
        Object.fromEntries((rows as Record<string, unknown>[]).map((r) => [String(r[key]), fields.map((f) => Number(Number(r[f]).toFixed(6)))]));
      expect(m.papers!.total).toBe(doc.papers!.total);
      expect(m.papers!.top1_total).toBe(doc.papers!.top1_total);
      expect(pick(m.papers!.by_country, 'country', ['papers', 'top1', 'avg_citations'])).toEqual(pick(doc.papers!.by_country, 'country', ['papers', 'top1', 'avg_citations']));
      expect(pick(m.patents!.by_country, 'country', ['patents', 'high_value'])).toEqual(pick(doc.patents!.by_country, 'country', ['patents', 'high_value']));
      expect(pick(m.talent!.by_province, 'province', ['scholars', 'high_level'])).toEqual(pick(doc.talent!.by_province, 'province', ['scholars', 'high_level']));
      expect(pick(m.flows!.by_city, 'city', ['inflow', 'outflow'])).toEqual(pick(doc.flows!.by_city, 'city', ['inflow', 'outflow']));
      expect(pick(m.topics, 'topic_id', ['top1_papers', 'reviews', 'patents', 'high_value', 'frontier_index'])).toEqual(pick(doc.topics, 'topic_id', ['top1_papers', 'reviews', 'patents', 'high_value', 'frontier_index']));
    } finally {
      engine.close();
    }
  });
});
