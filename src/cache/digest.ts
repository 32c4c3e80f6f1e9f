/**
 * Content digests for cache keys. A key is the SHA-256 of everything a result depends on, framed so
 * that two different lists of parts can never hash alike ("ab"+"c" ≠ "a"+"bc").
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileSystem } from '../effects.ts';

export type Part = string | Uint8Array;

/** SHA-256 (hex) of the parts, each prefixed by its kind and length. */
export function digest(...parts: readonly Part[]): string {
  const h = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    h.update(`${typeof part === 'string' ? 's' : 'b'}${bytes.length}:`).update(bytes);
  }
  return h.digest('hex');
}

/**
 * Digest of every file in a dataset folder, names and contents: whatever the loader may read is in
 * the key (an extra file only costs a recomputation, never a stale result). Sub-folders are skipped.
 */
export async function folderDigest(fs: FileSystem, dir: string): Promise<string> {
  const parts: Part[] = [];
  for (const name of await fs.list(dir)) {
    // A file with the same inode, size and modification and change times (nanoseconds) as when it
    // was last hashed in this process has the same bytes: one build digests its dataset twice (the
    // inputs, the metrics) and the preview at every edit, ~20 MB each time.
    const identity = (await fs.identity?.(join(dir, name))) ?? null;
    const known = identity ? fileDigests.get(join(dir, name)) : undefined;
    if (known && known.identity === identity) {
      usedFiles.add(join(dir, name));
      parts.push(name, known.digest);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await fs.readBytes(join(dir, name));
    } catch (error) {
      // A folder, or a link to nothing: not data; the loader refuses it by name if it is a table.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EISDIR' || code === 'ENOENT') continue;
      throw error;
    }
    const value = digest(bytes);
    if (identity) {
      fileDigests.set(join(dir, name), { identity, digest: value });
      usedFiles.add(join(dir, name));
    }
    parts.push(name, value);
  }
  return digest('folder', ...parts);
}

const fileDigests = new Map<string, { identity: string; digest: string }>();
const usedFiles = new Set<string>();

/**
 * The file digests known to this process, to be kept between processes (src/cache/outputs.ts stores
 * them with the build cache): the next `report build` then reads no dataset file whose identity is
 * unchanged, as git's index does. An entry is only ever used with the very identity it was made for.
 */
export function knownFileDigests(): Record<string, { identity: string; digest: string }> {
  // Only the files this process digested: what is kept never outgrows the datasets last built.
  return Object.fromEntries([...fileDigests].filter(([path]) => usedFiles.has(path)));
}

export function rememberFileDigests(known: Record<string, { identity: string; digest: string }>): void {
  for (const [path, entry] of Object.entries(known)) if (!fileDigests.has(path)) fileDigests.set(path, entry);
}

/** The project's source folder (src/), wherever the process was started. */
export const SRC = fileURLToPath(new URL('..', import.meta.url));

const sourceMemo = new Map<string, string>();

/**
 * Digest of the code under some folders of src/ (names and contents, recursively), i.e. the version of
 * a stage's implementation. Memoised per process: code does not change under a running process (a
 * preview restarts its worker when it does).
 */
export function sourceDigest(...folders: readonly string[]): string {
  const id = folders.join('\n');
  const known = sourceMemo.get(id);
  if (known) return known;
  const value = treeDigest(SRC, folders);
  sourceMemo.set(id, value);
  return value;
}

/** Digest of files and folders (recursively) under `base`: their paths relative to it and their bytes. */
export function treeDigest(base: string, entries: readonly string[]): string {
  const parts: Part[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else parts.push(relative(base, path), readFileSync(path));
    }
  };
  for (const entry of entries) {
    const path = join(base, entry);
    if (statSync(path).isDirectory()) walk(path);
    else parts.push(entry, readFileSync(path));
  }
  return digest('source', ...parts);
}

const require = createRequire(import.meta.url);

/** "name@version" of installed packages, read from their package.json. */
export function packageVersions(...names: readonly string[]): string {
  return names
    .map((name) => {
      try {
        return `${name}@${(JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version}`;
      } catch {
        // Some packages do not export their package.json: find it beside the resolved entry point.
        return `${name}@${packageJsonVersion(name)}`;
      }
    })
    .join(',');
}

function packageJsonVersion(name: string): string {
  const paths = require.resolve.paths(name) ?? [];
  for (const base of paths) {
    try {
      return (JSON.parse(readFileSync(join(base, name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      // try the next node_modules folder
    }
  }
  return 'unknown';
}
