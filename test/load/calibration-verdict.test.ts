/**
 * Reconstruction statements and modelled marks hold only for the dataset they were made for: the
 * tables whose SHA-256 calibration.json names. A changed dataset that keeps the old calibration gets
 * neither, and says why.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationVerdict } from '../../src/load/calibration.ts';
import { parseManifest } from '../../src/load/manifest.ts';
import { ROOT, sampleMetrics } from '../chapters/fixtures.ts';
import { metricsOf } from '../metrics/compute.ts';

const MANIFEST = 'edition: "x"\ntitle: {zh: 报告, en: Report}\npaper_years: [2012, 2021]\npatent_years: [2012, 2021]\nsnapshot: 2022-06-30\nsource: {zh: A, en: A}\nreconstructed: true\n';
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('calibrationVerdict', () => {
  it('holds for the very files it names, and for real records with no calibration at all', () => {
    expect(calibrationVerdict(parseManifest('d.yaml', MANIFEST, [], { papers: A }), [{ name: 'papers', sha256: A }])).toEqual({ holds: true });
    expect(calibrationVerdict(parseManifest('d.yaml', MANIFEST.replace('reconstructed: true\n', '')), [{ name: 'papers', sha256: A }])).toEqual({ holds: true });
  });

  it('does not hold for a changed table, an added table, or a calibration that names no files', () => {
    expect(calibrationVerdict(parseManifest('d.yaml', MANIFEST, [], { papers: A }), [{ name: 'papers', sha256: B }])).toEqual({ holds: false, reason: 'calibration.json was made for other table files: papers differs from the file it was made for' });
    expect(calibrationVerdict(parseManifest('d.yaml', MANIFEST, [], { papers: A }), [{ name: 'papers', sha256: A }, { name: 'patents', sha256: B }])).toEqual({ holds: false, reason: 'calibration.json was made for other table files: patents was not part of it' });
    expect(calibrationVerdict(parseManifest('d.yaml', MANIFEST), [{ name: 'papers', sha256: A }])).toMatchObject({ holds: false, reason: 'no calibration.json names the table files this reconstruction was made for' });
  });
});

describe('a dataset changed under its calibration', () => {
  it('the shipped sample is the dataset its calibration names: a reconstruction, nothing set aside', async () => {
    const m = await sampleMetrics();
    expect(m.provenance.manifest.reconstructed).toBe(true);
    expect(m.provenance.calibration_ignored).toBeUndefined();
  });

  it('one edited row: no reconstruction statement, no calibration, and the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calibration-'));
    cpSync(join(ROOT, 'data/2023'), dir, { recursive: true });
    const papers = join(dir, 'papers.csv');
    const lines = readFileSync(papers, 'utf8').split('\n');
    lines[1] = lines[1]!.replace(/,(\d+)$/, (_, n: string) => `,${Number(n) + 1}`);
    writeFileSync(papers, lines.join('\n'));
    const m = await metricsOf(dir);
    expect(m.provenance.manifest.reconstructed).toBe(false);
    expect(m.provenance.calibration).toEqual([]);
    expect(m.provenance.calibration_ignored).toBe('calibration.json was made for other table files: papers differs from the file it was made for');
  });
});
