/**
 * The full-size 2023 dataset reproduces every calibration target, through the generator's SQL check
 * and through the metrics engine. Slow (about a minute): runs when GENERATE_FULL=1, e.g. in CI:
 *   GENERATE_FULL=1 npx vitest run test/editions/2023/generator/full.test.ts
 */
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../../../data/2023/generator/check.ts';
import { compareDocument, report } from '../../../../data/2023/generator/compare.ts';
import { defaultOut, generate } from '../../../../data/2023/generator/main.ts';
import type { Doc } from '../../../../data/2023/generator/sql-metrics.ts';
import { nodeFileSystem } from '../../../../src/effects.ts';
import { readManifest } from '../../../../src/load/manifest.ts';
import { loadTables } from '../../../../src/load/tables.ts';
import { openDuckDb } from '../../../../src/base/engine.ts';
import { computeMetrics, requiredTables } from '../../../../src/metrics/metrics.ts';
import { loadTargets } from '../../../../data/2023/generator/targets.ts';
import { calibrationEntries, matches, valueAt } from '../../../../data/2023/generator/calibration.ts';
import { DEFINITIONS_2023 } from '../../../helpers/definitions.ts';

describe.runIf(process.env.GENERATE_FULL === '1')('full-size 2023 dataset', () => {
  const out = defaultOut(1);

  it('reproduces every target (generator SQL check)', async () => {
    await generate({ scale: 1, out });
    const c = await checkDataset(out);
    console.log(report(c));
    expect(c.results.filter((r) => !r.ok)).toEqual([]);
  }, 600_000);

  it('reproduces every target (metrics engine)', async () => {
    const engine = await openDuckDb();
    try {
      const manifest = await readManifest(nodeFileSystem, out);
      const tables = await loadTables(nodeFileSystem, engine, out, manifest, requiredTables());
      const doc = (await computeMetrics(engine, manifest, tables, DEFINITIONS_2023)) as unknown as Doc;
      const c = compareDocument(doc, loadTargets());
      console.log(report(c));
      expect(c.results.filter((r) => !r.ok)).toEqual([]);
      // calibration.json points at the same numbers in the engine's document.
      const entries = calibrationEntries(loadTargets());
      expect(entries.filter((e) => !matches(doc, e)).map((e) => ({ ...e, got: valueAt(doc, e) }))).toEqual([]);
    } finally {
      engine.close();
    }
  }, 600_000);
});
