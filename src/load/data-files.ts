/**
 * What a name in a dataset folder is, looked at with lstat so that nothing is followed. A dataset
 * is regular files only: a symbolic link could make the loader read (and quote in an error) any
 * file on the machine, a dangling one would silently drop a table, and a folder ends in a bare
 * EISDIR deep in the engine. Each is refused by name before anything reads the file.
 */
import { lstat, readlink, stat } from 'node:fs/promises';
import { ReportError } from '../errors.ts';

export type DataEntry =
  | { readonly kind: 'file' | 'missing' | 'folder' | 'other' }
  | { readonly kind: 'link' | 'dangling-link'; readonly target: string };

export async function dataEntry(path: string): Promise<DataEntry> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    throw error;
  }
  if (info.isFile()) return { kind: 'file' };
  if (info.isDirectory()) return { kind: 'folder' };
  if (info.isSymbolicLink()) {
    const target = await readlink(path);
    const resolves = await stat(path).then(
      () => true,
      () => false,
    );
    return { kind: resolves ? 'link' : 'dangling-link', target };
  }
  return { kind: 'other' };
}

/** What an entry that exists but is not a regular file is, for the message refusing it. */
export function describeEntry(entry: DataEntry): string {
  switch (entry.kind) {
    case 'folder':
      return 'a folder';
    case 'link':
      return `a symbolic link to ${entry.target}`;
    case 'dangling-link':
      return `a symbolic link to ${entry.target}, which does not exist`;
    default:
      return 'a device, socket or pipe';
  }
}

/**
 * Throws unless `path` is a regular file or absent (absent is for the caller to report: some files
 * are optional). For single files such as dataset.yaml; tables are checked together by the loader.
 */
export async function assertRegularOrMissing(path: string): Promise<void> {
  const entry = await dataEntry(path);
  if (entry.kind !== 'file' && entry.kind !== 'missing') throw ReportError.of('data.not-regular', { file: path, what: describeEntry(entry) });
}
