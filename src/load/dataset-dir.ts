/**
 * Where a dataset folder is. An edition's `data:` is relative to the project root, or absolute; a
 * `--data DIR` option is made absolute from the working directory by the command line first. Build,
 * check and the generator all resolve through this one function, so they never disagree (joining an
 * absolute `data:` onto the root gave "/project/tmp/…/dataset.yaml: file not found").
 */
import { resolve } from 'node:path';

export function datasetDir(root: string, data: string): string {
  return resolve(root, data);
}
