/**
 * The whole build as one cache entry: when nothing a build reads has changed since the last one and
 * its outputs are still in place, byte for byte, there is nothing to do. Checking costs the digests of
 * the inputs (the dataset, the edition's templates and sentences, the code and locked packages, the
 * browser) and of the outputs, a fraction of a second, where even an all-cached build recomputed
 * every figure's spec, both documents and the claims (seconds).
 *
 * The key is coarse (any file of the edition, any source file), so an entry is only ever reused when
 * the inputs are identical; a change anywhere runs the stages, which have their own finer keys.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileSystem } from '../effects.ts';
import { digest, folderDigest, knownFileDigests, rememberFileDigests, sourceDigest, SRC, treeDigest } from './digest.ts';
import type { Cache } from './store.ts';

/** Bump when the record's format changes. */
const FORMAT = 1;

export interface OutputsRequest {
  readonly root: string;
  readonly edition: string;
  readonly dataDir: string;
  readonly locales: readonly string[];
  readonly formats: readonly string[];
  /** How the HTML is written (single file or web folder). */
  readonly html?: string;
  readonly outDir: string;
  /** The browser's identity (src/cache/printer.ts) when PDFs are printed, else ''. */
  readonly printer: string;
  /** The metrics engine when it is not DuckDB (`--engine clickhouse`). */
  readonly engine?: string;
}

export interface OutputFileRecord {
  readonly path: string;
  readonly bytes: number;
  readonly pages?: number;
  readonly sha256: string;
  /** The file's identity when recorded (FileSystem.identity): while unchanged, its bytes need no reading. */
  readonly identity?: string | null;
}

/** What a build wrote, and the warnings it printed (said again when it is reused). */
export interface OutputsRecord {
  readonly files: readonly OutputFileRecord[];
  readonly warnings: readonly string[];
}

/** Everything a build reads, as one digest. */
export async function outputsKey(fs: FileSystem, r: OutputsRequest): Promise<string> {
  // Folders the edition may lack (an edition without sentences of its own) count as absent.
  const tree = (entry: string) => (existsSync(join(r.root, entry)) ? treeDigest(r.root, [entry]) : `${entry}: absent`);
  return digest(
    'outputs',
    String(FORMAT),
    JSON.stringify({ edition: r.edition, dataDir: r.dataDir, locales: r.locales, formats: r.formats, html: r.html ?? 'single', outDir: r.outDir, ...(r.engine ? { engine: r.engine } : {}) }),
    await folderDigest(fs, r.dataDir),
    tree(join('templates', r.edition)),
    tree(join('locales', 'shared')),
    tree(join('locales', r.edition)),
    sourceDigest('.'),
    digest(readFileSync(join(SRC, '..', 'package-lock.json'))),
    r.printer,
  );
}

/** The outputs recorded under `key`, if every one of them is in place with the very bytes recorded. */
export async function outputsInPlace(fs: FileSystem, cache: Cache, key: string): Promise<OutputsRecord | null> {
  const stored = await cache.get('outputs', key);
  if (!stored) return null;
  const record = JSON.parse(Buffer.from(stored).toString('utf8')) as OutputsRecord;
  for (const file of record.files) {
    if (file.identity && (await fs.identity?.(file.path)) === file.identity) continue;
    let bytes: Uint8Array;
    try {
      bytes = await fs.readBytes(file.path);
    } catch {
      return null;
    }
    if (sha256(bytes) !== file.sha256) return null;
  }
  return record;
}

/** Records what a build wrote under `key` (read back from where it was published). */
export async function recordOutputs(fs: FileSystem, cache: Cache, key: string, files: readonly Omit<OutputFileRecord, 'sha256'>[], warnings: readonly string[]): Promise<void> {
  const withDigests: OutputFileRecord[] = [];
  for (const f of files) withDigests.push({ ...f, sha256: sha256(await fs.readBytes(f.path)), identity: (await fs.identity?.(f.path)) ?? null });
  await cache.put('outputs', key, JSON.stringify({ files: withDigests, warnings } satisfies OutputsRecord));
}

/**
 * The dataset's file digests, kept with the cache between builds (see knownFileDigests): a build
 * with nothing changed then hashes none of its ~20 MB.
 */
export async function withFileDigests<T>(fs: FileSystem, cacheDir: string, work: () => Promise<T>): Promise<T> {
  const file = join(cacheDir, 'file-digests.json');
  let before = '{}';
  try {
    before = await fs.readText(file);
    rememberFileDigests(JSON.parse(before) as Record<string, { identity: string; digest: string }>);
  } catch {
    // none yet, or unreadable: the files are hashed again
  }
  const result = await work();
  const after = JSON.stringify(knownFileDigests());
  if (after !== before) await fs.writeAll([{ path: file, data: after }]);
  return result;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
