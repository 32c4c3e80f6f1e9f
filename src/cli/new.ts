/** `report new <edition> --from <edition> [--data DIR]`: argument parsing; the action is src/scaffold/new-edition.ts. */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Effects } from '../effects.ts';
import { message } from '../messages.ts';
import { newEdition } from '../scaffold/new-edition.ts';

export const NEW_HELP = `Usage: report new <edition> --from <edition> [--data DIR]

Starts an edition as a copy of an existing one: templates/<from>/ (chapters, figures, tables,
content, settings) and locales/<from>/ (its sentences) are copied to templates/<edition>/ and
locales/<edition>/. The old edition is not changed. The copy's edition.yaml names its own dataset:
DIR, or data/<edition>/ to be filled.

Options:
  --from E      the edition to copy (required)
  --data DIR    the new edition's dataset folder (dataset.yaml and its tables)
  -h, --help    this text`;

/**
 * `--data DIR` as the new edition.yaml stores it. DIR is given from where the command runs (as every
 * command's --data is); edition.yaml's paths are read from the project root, so a folder inside the
 * project is stored relative to the root (the project can move) and any other folder absolute.
 */
export function editionDataPath(root: string, dir: string, cwd = process.cwd()): string {
  const absolute = resolve(cwd, dir);
  const inside = relative(resolve(root), absolute);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : absolute;
}

export class NewUsageError extends Error {}

export async function newCommand(args: string[], fx: Effects, root: string): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' }, from: { type: 'string' }, data: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new NewUsageError(message('cli.bad-option', { detail: (error as Error).message }));
  }
  const { values, positionals } = parsed;
  if (values.help) return void process.stdout.write(`${NEW_HELP}\n`), 0;
  if (positionals.length !== 1 || !values.from) throw new NewUsageError(message('cli.bad-option', { detail: 'report new needs one edition name and --from <edition>' }));
  const name = positionals[0]!;
  const data = values.data === undefined ? undefined : editionDataPath(root, values.data);
  const made = await newEdition({ root, name, from: values.from, ...(data ? { data } : {}) });
  if (values.data !== undefined && !(await fx.fs.exists(join(resolve(root, made.data), 'dataset.yaml')))) {
    fx.log.warn(message('new.no-dataset', { dir: made.data, name }));
  }
  fx.log.info(message('new.done', { name, from: values.from, folders: made.folders, data: made.data, given: values.data !== undefined, published: made.published }));
  return 0;
}
