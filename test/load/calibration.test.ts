import { describe, expect, it } from 'vitest';
import { parseCalibration, readManifest } from '../../src/load/manifest.ts';
import { memoryFs } from '../helpers/memory-fs.ts';

const MANIFEST = `edition: "2023"
title: {zh: 报告, en: Report}
paper_years: [2012, 2021]
patent_years: [2012, 2021]
snapshot: 2022-06-30
source: {zh: AMiner, en: AMiner}
reconstructed: true
`;
const CALIBRATION = JSON.stringify({
  note: 'x',
  entries: [
    { path: 'papers', field: 'total', value: 2204950, assumed: false },
    { path: 'papers.by_country', key: { country: 'FR' }, field: 'papers', value: 85000, assumed: true },
  ],
});

describe('published or modelled: calibration.json beside the manifest', () => {
  it('is read with the manifest, so the metrics document can say which values were modelled', async () => {
    const m = await readManifest(memoryFs({ 'd/dataset.yaml': MANIFEST, 'd/calibration.json': CALIBRATION }), 'd');
    expect(m.reconstructed).toBe(true);
    expect(m.calibration).toEqual([
      { path: 'papers', field: 'total', value: 2204950, assumed: false },
      { path: 'papers.by_country', key: { country: 'FR' }, field: 'papers', value: 85000, assumed: true },
    ]);
  });

  it('is empty for a dataset of real records', async () => {
    const m = await readManifest(memoryFs({ 'd/dataset.yaml': MANIFEST.replace('reconstructed: true\n', '') }), 'd');
    expect(m.reconstructed).toBe(false);
    expect(m.calibration).toEqual([]);
  });

  it('names the file and the entry that is malformed', () => {
    expect(() => parseCalibration('d/calibration.json', JSON.stringify({ entries: [{ path: 'papers', field: 'total' }] }))).toThrow(
      'd/calibration.json: entries.0: expected {path, field, value, assumed[, key]}',
    );
    // A syntax error at its line and column, not V8's byte position.
    expect(() => parseCalibration('d/calibration.json', '{\n  "entries": [\n    {"path": "papers",}\n  ]\n}')).toThrow('d/calibration.json:3:23: invalid JSON: Expected double-quoted property name');
  });
});
