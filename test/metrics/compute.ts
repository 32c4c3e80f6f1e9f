/** Loads a dataset folder from disk into a fresh DuckDB and computes its metrics document. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFileSystem } from '../../src/effects.ts';
import { readManifest } from '../../src/load/manifest.ts';
import { loadTables } from '../../src/load/tables.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { openDuckDb } from '../../src/base/engine.ts';
import { computeMetrics, requiredTables } from '../../src/metrics/metrics.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';
import type { Definitions } from '../../src/base/definitions.ts';

export const FIXTURES = new URL('../fixtures/datasets/', import.meta.url).pathname;

/** `definitions`: the thresholds given to the SQL, by default the 2023 edition's. */
export async function metricsOf(dir: string, definitions: Definitions = DEFINITIONS_2023): Promise<MetricsDocument> {
  const engine = await openDuckDb();
  try {
    const manifest = await readManifest(nodeFileSystem, dir);
    const tables = await loadTables(nodeFileSystem, engine, dir, manifest, requiredTables());
    return await computeMetrics(engine, manifest, tables, definitions);
  } finally {
    engine.close();
  }
}

export const MANIFEST = `edition: "test"
title: {zh: "测试", en: "Test"}
paper_years: [2020, 2021]
patent_years: [2020, 2021]
snapshot: 2022-06-30
source: {zh: "手工", en: "Hand-made"}
`;

/** Writes `files` (name → text) into a new temporary folder, with MANIFEST unless one is given. */
export function datasetDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dataset-'));
  for (const [name, text] of Object.entries({ 'dataset.yaml': MANIFEST, ...files })) writeFileSync(join(dir, name), text);
  return dir;
}
