/**
 * `report metrics --data DIR --out FILE.json`: writes the same document as the metrics stage, and
 * on bad input writes nothing and exits 1 with every problem listed.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { memoryFs, quietEffects } from '../helpers/memory-fs.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { datasetDir, FIXTURES, metricsOf } from './compute.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

const effects = () => ({ ...quietEffects(memoryFs()), fs: nodeFileSystem });

describe('report metrics', () => {
  it('writes the metrics document of a dataset', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'metrics-out-')), 'm.json');
    expect(await main(['metrics', '--data', `${FIXTURES}small`, '--out', out], effects())).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written).toEqual(JSON.parse(JSON.stringify(await metricsOf(`${FIXTURES}small`))));
    // The thresholds are the edition's (default 2023), recorded with the document.
    expect(written.provenance.definitions).toEqual(DEFINITIONS_2023);
    // Markup in names is a JSON string like any other, not something that was run or rendered.
    expect(readFileSync(out, 'utf8')).toContain('"name_zh": "<script>alert(1)</script>"');
  });

  it('takes the definitions of the edition named by --edition, and refuses an unknown one', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = join(mkdtempSync(join(tmpdir(), 'metrics-out-')), 'm.json');
    expect(await main(['metrics', '--data', `${FIXTURES}small`, '--out', out, '--edition', 'no-such-edition'], effects())).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain('no-such-edition');
  });

  it('writes nothing and lists the problems when the data breaks the contract', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const dir = datasetDir({
      'institutions.csv': 'institution_id,name_zh,name_en,country,kind,parent_id,province,city\nI1,甲,A,CN,university,I1,,\n',
      'papers.csv': 'paper_id,year,doc_type,citations\nP1,MMXX,article,-1\n',
      'paper_affiliations.csv': 'paper_id,institution_id,country\nP1,I9,ZZ\n',
    });
    const out = join(dir, 'out.json');
    expect(await main(['metrics', '--data', dir, '--out', out], effects())).toBe(1);
    expect(existsSync(out)).toBe(false);
    const text = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(text).toContain('The dataset breaks its contract in 5 place(s); nothing was written:');
    expect(text).toContain('institutions.csv:2: column "parent_id": "I1": expected a parent chain that ends at a top-level institution, not the cycle I1 → I1');
    expect(text).toContain('papers.csv:2: column "year": "MMXX": expected a whole number');
    expect(text).toContain('papers.csv:2: column "citations": "-1": expected a whole number ≥ 0');
    expect(text).toContain('paper_affiliations.csv:2: column "country": "ZZ"');
    expect(text).toContain('paper_affiliations.csv:2: column "institution_id": "I9": expected an existing institutions.institution_id');
  });
});
