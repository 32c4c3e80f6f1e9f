/** The dataset manifest `dataset.yaml`: what the data is, its years in scope and its source. */
import { join } from 'node:path';
import type { FileSystem } from '../effects.ts';
import { ReportError } from '../errors.ts';
import { assertRegularOrMissing } from './data-files.ts';
import { describeValue } from '../base/describe.ts';
import { jsonSyntaxError } from '../base/json-position.ts';
import { parseYaml, YamlReader, type Localized } from '../base/yaml.ts';

export interface Manifest {
  readonly edition: string;
  readonly title: Localized;
  readonly paperYears: readonly [number, number];
  readonly patentYears: readonly [number, number];
  readonly snapshot: string;
  readonly source: Localized;
  /**
   * The records are a reconstruction calibrated to published aggregates, not the source's own
   * records: the edition says so in its preface and its data-source notes.
   */
  readonly reconstructed: boolean;
  /**
   * For a reconstructed dataset: which values are published and which modelled (`calibration.json`
   * beside the manifest, written by the generator), so that the metrics document can tell them apart.
   */
  readonly calibration: readonly CalibrationEntry[];
  /**
   * The tables the calibration was made for: table name → SHA-256 of its file (`inputs` of
   * calibration.json). The reconstruction statements and modelled marks hold for those files only;
   * null when calibration.json is absent or does not name them.
   */
  readonly calibratedInputs: Readonly<Record<string, string>> | null;
}

/** One calibrated value: where it is in the metrics document, and whether it was published. */
export interface CalibrationEntry {
  /** Dotted path of the value or list, e.g. `papers.by_country`. */
  readonly path: string;
  /** For a list: the row's identifying fields, e.g. `{country: <code>}`. */
  readonly key?: Readonly<Record<string, string | number>>;
  readonly field: string;
  readonly value: number;
  /** Printed precision of an average or a ratio: the value matches at this many decimals. */
  readonly digits?: number;
  /** true: not printed in the published edition, chosen by the project to agree with what is. */
  readonly assumed: boolean;
}

export const CALIBRATION_FILE = 'calibration.json';

export function parseCalibration(file: string, text: string): CalibrationEntry[] {
  return parseCalibrationFile(file, text).entries;
}

/** calibration.json: its entries, and the tables (by SHA-256) it was made for. */
export function parseCalibrationFile(file: string, text: string): { entries: CalibrationEntry[]; inputs: Readonly<Record<string, string>> | null } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw jsonSyntaxError(file, text, error);
  }
  const entries = (doc as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) throw ReportError.of('input.field', { file, path: 'entries', expected: 'a list', got: describeValue(entries) });
  const rawInputs = (doc as { inputs?: unknown }).inputs;
  let inputs: Record<string, string> | null = null;
  if (rawInputs !== undefined) {
    const ok = typeof rawInputs === 'object' && rawInputs !== null && !Array.isArray(rawInputs) && Object.values(rawInputs).every((v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v));
    if (!ok) throw ReportError.of('input.field', { file, path: 'inputs', expected: 'a mapping of table name to the SHA-256 (hex) of its file', got: describeValue(rawInputs) });
    inputs = Object.freeze({ ...(rawInputs as Record<string, string>) });
  }
  return { inputs, entries: entries.map((e: unknown, i) => {
    const x = e as Record<string, unknown>;
    if (typeof x?.path !== 'string' || typeof x.field !== 'string' || typeof x.value !== 'number' || typeof x.assumed !== 'boolean') {
      throw ReportError.of('input.field', { file, path: `entries.${i}`, expected: '{path, field, value, assumed[, key]}', got: describeValue(e) });
    }
    const key = x.key && typeof x.key === 'object' ? (x.key as Record<string, string | number>) : undefined;
    const digits = typeof x.digits === 'number' && Number.isInteger(x.digits) ? x.digits : undefined;
    return Object.freeze({ path: x.path, ...(key ? { key: Object.freeze({ ...key }) } : {}), field: x.field, value: x.value, ...(digits === undefined ? {} : { digits }), assumed: x.assumed });
  }) };
}

export const MANIFEST_FILE = 'dataset.yaml';

export function parseManifest(file: string, text: string, calibration: readonly CalibrationEntry[] = [], calibratedInputs: Readonly<Record<string, string>> | null = null): Manifest {
  const r = new YamlReader(parseYaml(file, text));
  r.object([]);
  return Object.freeze({
    edition: r.label(['edition']),
    title: r.localized(['title']),
    paperYears: r.yearRange(['paper_years']),
    patentYears: r.yearRange(['patent_years']),
    snapshot: r.date(['snapshot']),
    source: r.localized(['source']),
    reconstructed: r.optionalBoolean(['reconstructed']) ?? false,
    calibration: Object.freeze([...calibration]),
    calibratedInputs,
  });
}

export async function readManifest(fs: FileSystem, dir: string): Promise<Manifest> {
  const file = join(dir, MANIFEST_FILE);
  const calibrationFile = join(dir, CALIBRATION_FILE);
  // On disk, neither may be a link or a folder (see data-files.ts); a FileSystem in memory has neither.
  await assertRegularOrMissing(file);
  await assertRegularOrMissing(calibrationFile);
  if (!(await fs.exists(file))) throw ReportError.of('input.not-found', { file });
  const calibration = (await fs.exists(calibrationFile)) ? parseCalibrationFile(calibrationFile, await fs.readText(calibrationFile)) : { entries: [], inputs: null };
  return parseManifest(file, await fs.readText(file), calibration.entries, calibration.inputs);
}
