/**
 * edition.yaml itself, and from it alone where the edition's dataset is and what makes it: what a
 * build needs before it knows whether anything changed. Apart from edition.ts (the whole edition:
 * chapters, figures, tables, content), so that reading it loads no template or markdown code.
 */
import { join } from 'node:path';
import type { FileSystem } from '../effects.ts';
import { ReportError } from '../errors.ts';
import { parseYaml, YamlReader } from './yaml.ts';

/**
 * Where an edition's dataset is and what makes it, from edition.yaml alone: what a build needs before
 * it knows whether anything changed (the chapters, figures and tables are read only when it did).
 */
export async function readEditionDataset(fs: FileSystem, templatesRoot: string, edition: string): Promise<{ readonly data: string; readonly make?: string }> {
  const { data, make } = await readEditionFile(fs, templatesRoot, edition);
  return make === undefined ? { data } : { data, make };
}

export async function readEditionFile(fs: FileSystem, templatesRoot: string, edition: string) {
  const file = join(templatesRoot, edition, 'edition.yaml');
  if (!(await fs.exists(file))) {
    const known = (await fs.exists(templatesRoot)) ? await fs.list(templatesRoot) : [];
    throw ReportError.of('cli.unknown-edition', { edition, known });
  }
  const source = parseYaml(file, await fs.readText(file));
  const r = new YamlReader(source);
  // `data: DIR` (a supplied dataset), or `data: { dir: DIR, make: MODULE }` (one the edition makes).
  const declared = (source.value as { data?: unknown } | null)?.data;
  const made = typeof declared === 'object' && declared !== null;
  const data = made ? r.string(['data', 'dir']) : r.string(['data']);
  const make = made && (declared as { make?: unknown }).make !== undefined ? r.string(['data', 'make']) : undefined;
  return { file, source, r, data, make };
}

