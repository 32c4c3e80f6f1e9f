/**
 * The edition's definitions reach the SQL as parameters: changing a threshold changes the counts,
 * the document records the values it was computed with, and no SQL file states a threshold itself.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricsKey } from '../../src/cache/keys.ts';
import { FAMILIES } from '../../src/metrics/metrics.ts';
import { parseQueryFile, readQueryFile, runQueryFile } from '../../src/metrics/queries.ts';
import { openDuckDb } from '../../src/base/engine.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';
import { memoryFs } from '../helpers/memory-fs.ts';
import { datasetDir, metricsOf } from './compute.ts';

const INSTITUTIONS = 'institution_id,name_zh,name_en,country,kind,parent_id,province,city\nI1,甲,A,CN,university,,Beijing,Beijing\n';
/** 300 papers of 2020 with citations 300, 299 … 1 (k = 3 at 1%, 21 at 7%), patents worth 0.5, 1, 1.5, 2 and 3 million, scholars with h-index 10, 20, 25, 30. */
function dataset(): string {
  const papers = Array.from({ length: 300 }, (_, i) => `P${i + 1},2020,article,${300 - i}`);
  const patents = [500_000, 1_000_000, 1_500_000, 2_000_000, 3_000_000].map((v, i) => `T${i + 1},2021,CN,I1,${v}`);
  const scholars = [10, 20, 25, 30].map((h, i) => `S${i + 1},CN,I1,${h},Beijing,Beijing`);
  return datasetDir({
    'institutions.csv': INSTITUTIONS,
    'papers.csv': `paper_id,year,doc_type,citations\n${papers.join('\n')}\n`,
    'paper_affiliations.csv': `paper_id,institution_id,country\n${papers.map((p) => `${p.split(',')[0]},I1,CN`).join('\n')}\n`,
    'patents.csv': `patent_id,year,country,assignee_id,value_usd\n${patents.join('\n')}\n`,
    'scholars.csv': `scholar_id,country,institution_id,h_index,province,city\n${scholars.join('\n')}\n`,
  });
}

describe('metric definitions as SQL parameters', () => {
  it('count by the thresholds given: a stricter high-value line, h-index or wider top share changes the result', async () => {
    const dir = dataset();
    const base = await metricsOf(dir);
    expect(base.patents!.high_value_total).toBe(4); // 1, 1.5, 2 and 3 million
    expect(base.talent!.high_level_total).toBe(3); // 20, 25, 30
    expect(base.papers.top1_total).toBe(3); // ceil(300 × 1%) = 3
    expect(base.provenance.definitions).toEqual(DEFINITIONS_2023);

    // 300 × 0.07 is 21.000000000000004 in binary floating point: k must still be 21, not 22.
    const other = { top_share: 0.07, high_value_usd: 2_000_000, high_level_h: 25 };
    const changed = await metricsOf(dir, other);
    expect(changed.patents!.high_value_total).toBe(2); // 2 and 3 million
    expect(changed.patents!.by_country).toEqual([{ country: 'CN', patents: 5, high_value: 2 }]);
    expect(changed.talent!.high_level_total).toBe(2);
    expect(changed.talent!.by_province).toEqual([{ province: 'Beijing', scholars: 4, high_level: 2 }]);
    expect(changed.papers.top1_total).toBe(21);
    expect(changed.papers.top1_thresholds).toEqual([{ year: 2020, citations: 280 }]);
    expect(changed.provenance.definitions).toEqual(other);
  });

  it('are the only thresholds: no SQL file writes one as a literal, and every parameter used is a definition', () => {
    const known = new Set(Object.keys(DEFINITIONS_2023));
    for (const family of FAMILIES) {
      const file = readQueryFile(family.name);
      const code = readFileSync(new URL(`../../src/metrics/sql/${family.name}.sql`, import.meta.url), 'utf8').replace(/--.*$/gm, '');
      expect(code, family.name).not.toMatch(/value_usd\s*>=\s*\d|h_index\s*>=\s*\d|\/\s*100\.0/);
      for (const s of file.statements) for (const p of s.parameters) expect(known.has(p), `${family.name}: $${p}`).toBe(true);
    }
    expect(readQueryFile('patents').statements.some((s) => s.parameters.includes('high_value_usd'))).toBe(true);
    expect(readQueryFile('talent').statements.some((s) => s.parameters.includes('high_level_h'))).toBe(true);
    expect(readQueryFile('papers').statements.some((s) => s.parameters.includes('top_share'))).toBe(true);
  });

  it('bind each statement its own parameters, ignore names in comments, and refuse a missing one', async () => {
    const file = parseQueryFile('demo', '-- uses $nothing here\nCREATE TEMP TABLE t AS SELECT range AS v FROM range(10);\n-- name: above\nSELECT count(*)::BIGINT AS n FROM t WHERE v >= $min;\n');
    expect(file.statements.map((s) => s.parameters)).toEqual([[], ['min']]);
    const engine = await openDuckDb();
    try {
      expect(await runQueryFile(engine, file, { min: 7, unused: 1 })).toEqual({ above: [{ n: 3 }] });
      await expect(runQueryFile(engine, file, {})).rejects.toThrow('demo.sql uses parameter(s) $min that the metrics stage does not give');
    } finally {
      engine.close();
    }
  });

  it('are part of the metrics cache key', async () => {
    const fs = memoryFs({ '/d/dataset.yaml': 'edition: x', '/d/papers.csv': 'a\n1\n' });
    const key = await metricsKey(fs, '/d', DEFINITIONS_2023);
    expect(await metricsKey(fs, '/d', { ...DEFINITIONS_2023 })).toBe(key);
    expect(await metricsKey(fs, '/d', { ...DEFINITIONS_2023, high_value_usd: 2_000_000 })).not.toBe(key);
  });

  it('the engine is part of the metrics cache key: --engine clickhouse never reads DuckDB’s cached document', async () => {
    const fs = memoryFs({ '/d/dataset.yaml': 'edition: x', '/d/papers.csv': 'a\n1\n' });
    const key = await metricsKey(fs, '/d', DEFINITIONS_2023);
    expect(await metricsKey(fs, '/d', DEFINITIONS_2023, 'clickhouse')).not.toBe(key);
    expect(await metricsKey(fs, '/d', DEFINITIONS_2023, 'clickhouse')).toBe(await metricsKey(fs, '/d', DEFINITIONS_2023, 'clickhouse'));
  });
});
