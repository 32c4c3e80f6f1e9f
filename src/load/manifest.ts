/** The dataset manifest `dataset.yaml`: what the data is, its years in scope and its source. */
import { join } from 'node:path';
import type { FileSystem } from '../effects.ts';
import { ReportError } from '../errors.ts';
import { parseYaml, YamlReader, type Localized } from './yaml.ts';

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
}

export const MANIFEST_FILE = 'dataset.yaml';

export function parseManifest(file: string, text: string): Manifest {
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
  });
}

export async function readManifest(fs: FileSystem, dir: string): Promise<Manifest> {
  const file = join(dir, MANIFEST_FILE);
  if (!(await fs.exists(file))) throw ReportError.of('input.not-found', { file });
  return parseManifest(file, await fs.readText(file));
}
