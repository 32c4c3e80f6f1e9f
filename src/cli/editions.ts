/**
 * Which edition a command works on when `--edition` is not given: the newest one under templates/
 * (by name, numbers compared as numbers: 2024 after 2023, 2023b after 2023), so that next year's
 * `report build` builds next year's edition once `report new` has made it, with no edition named
 * in the tool.
 */
import { join } from 'node:path';
import type { FileSystem } from '../effects.ts';
import { ReportError } from '../errors.ts';

/** The editions of a project: the folders of templates/ that hold an edition.yaml, oldest first. */
export async function listEditions(fs: FileSystem, root: string): Promise<string[]> {
  const templates = join(root, 'templates');
  if (!(await fs.exists(templates))) return [];
  const names: string[] = [];
  for (const name of await fs.list(templates)) if (await fs.exists(join(templates, name, 'edition.yaml'))) names.push(name);
  return names.sort(new Intl.Collator('en', { numeric: true }).compare);
}

/** `--edition`'s value, or the newest edition. */
export async function chosenEdition(fs: FileSystem, root: string, given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  const editions = await listEditions(fs, root);
  const newest = editions.at(-1);
  if (newest === undefined) throw ReportError.of('cli.no-edition', { dir: join(root, 'templates') });
  return newest;
}
