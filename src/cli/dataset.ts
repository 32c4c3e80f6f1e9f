/**
 * Before a build: an edition whose dataset is made by its own tooling (`data: { dir, make }` in
 * edition.yaml) gets it made. The maker is a module of the edition's, named by path and imported here
 * at run time (the engine never imports edition code statically); it decides itself whether the
 * dataset is missing or out of date (the 2023 generator compares a digest of its sources, targets and
 * scale), so an up-to-date dataset costs a few file reads.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { datasetDir } from '../load/dataset-dir.ts';
import { timed, type Effects } from '../effects.ts';
import type { Edition } from '../base/edition.ts';
import { ReportError } from '../errors.ts';

/** What a data maker module exports. */
export interface DataMaker {
  /** Writes the dataset into `out` unless it is up to date; `log` prints a progress line. */
  make(options: { readonly out: string; readonly log: (line: string) => void }): Promise<{ readonly skipped: boolean }>;
}

export async function ensureDataset(fx: Effects, root: string, edition: Pick<Edition, 'data' | 'make'>): Promise<void> {
  if (!edition.make) return;
  const file = resolve(root, edition.make);
  if (!(await fx.fs.exists(file))) throw ReportError.of('input.not-found', { file });
  const maker = (await importModule(file)) as Partial<DataMaker>;
  if (typeof maker.make !== 'function') throw ReportError.of('data.no-maker', { file });
  const make = maker.make;
  await timed(
    fx,
    'make data',
    () => make({ out: datasetDir(root, edition.data), log: (line) => fx.log.info(`  ${line}`) }),
    (r) => (r.skipped ? 'up to date' : `${edition.data} written`),
  );
}

/**
 * An edition's module, TypeScript or JavaScript. The compiled command (dist/) runs without a
 * TypeScript loader: it imports the module's compiled copy when it has one, else loads the .ts through
 * tsx's own loader, for that module alone (the sources, run by tsx or vitest, import it directly).
 */
async function importModule(file: string): Promise<unknown> {
  // bin/report.js names the compiled copies it has of editions' modules (fresh, like the rest of dist/).
  const compiled = (globalThis as { [key: symbol]: Map<string, string> | undefined })[Symbol.for('report.compiled-modules')]?.get(resolve(file));
  if (compiled) return import(compiled);
  const url = pathToFileURL(file).href;
  try {
    return await import(url);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    const { tsImport } = await import('tsx/esm/api');
    return tsImport(url, import.meta.url);
  }
}
