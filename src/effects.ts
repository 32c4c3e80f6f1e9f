/**
 * Side effects the pipeline needs, passed in so that every stage can run in tests without disk,
 * clock or browser. `nodeEffects()` gives the real ones.
 */
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { publishEdition } from './publish.ts';
import { isAlive } from './base/process.ts';

export interface FileSystem {
  readText(path: string): Promise<string>;
  readBytes(path: string): Promise<Uint8Array>;
  exists(path: string): Promise<boolean>;
  list(dir: string): Promise<string[]>;
  /**
   * A file's identity as the system sees it (inode, size, modification time), or null where there is
   * none to ask (a file system in memory): a file whose identity is unchanged need not be read again.
   */
  identity?(path: string): Promise<string | null>;
  /**
   * Writes all files or none: each goes to a temporary name first and the renames happen only once
   * every file is written, so a failed build never leaves half an edition behind.
   */
  writeAll(files: readonly OutputFile[]): Promise<void>;
  /**
   * Replaces the folder `dir` (an edition's outputs) with `files` in one atomic step, keeping the files
   * of the previous build that are not given (src/publish.ts); a failure leaves the previous folder as it was.
   * Returns the files kept from the previous build (relative to `dir`, sorted).
   */
  publish(dir: string, files: readonly OutputFile[]): Promise<readonly string[]>;
}

export interface OutputFile {
  readonly path: string;
  readonly data: string | Uint8Array;
}

export interface Logger {
  info(line: string): void;
  warn(line: string): void;
}

export interface Clock {
  /** Milliseconds, for durations only: never written into an output. */
  now(): number;
}

export interface Effects {
  readonly fs: FileSystem;
  readonly log: Logger;
  readonly clock: Clock;
}

export const nodeFileSystem: FileSystem = {
  readText: (path) => readFile(path, 'utf8'),
  readBytes: async (path) => new Uint8Array(await readFile(path)),
  exists: async (path) => {
    try {
      await stat(path);
      return true;
    } catch {
      return false;
    }
  },
  list: async (dir) => (await readdir(dir)).sort(),
  identity: async (path) => {
    try {
      const s = await stat(path, { bigint: true });
      return s.isFile() ? `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` : null;
    } catch {
      return null;
    }
  },
  writeAll: async (files) => {
    const staged: string[] = [];
    try {
      for (const dir of new Set(files.map((f) => dirname(f.path)))) await removeStaleTemporaries(dir);
      for (const file of files) {
        await mkdir(dirname(file.path), { recursive: true });
        // Unique in the process: writes may run at once, on this thread or the figures' (cache/figure-threads.ts).
        const tmp = join(dirname(file.path), `.${process.pid}.tmp-${threadId}-${++temporaries}`);
        await writeFile(tmp, file.data);
        staged.push(tmp);
      }
    } catch (error) {
      await Promise.all(staged.map((tmp) => rm(tmp, { force: true })));
      throw error;
    }
    for (const [i, file] of files.entries()) await rename(staged[i]!, file.path);
  },
  publish: publishEdition,
};

let temporaries = 0;

/** `.PID.tmp-T-N` files of writes whose process no longer runs (killed between write and rename). */
async function removeStaleTemporaries(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(/^\.(\d+)\.tmp-\d+(?:-\d+)?$/.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    if (!isAlive(pid)) await rm(join(dir, name), { force: true });
  }
}

export function nodeEffects(stream: NodeJS.WritableStream = process.stderr): Effects {
  return {
    fs: nodeFileSystem,
    log: {
      info: (line) => stream.write(`${line}\n`),
      warn: (line) => stream.write(`warning: ${line}\n`),
    },
    clock: { now: () => performance.now() },
  };
}

/** Runs `work` and logs one line with its duration: `label … 1.23 s`. */
export async function timed<T>(fx: Effects, label: string, work: () => Promise<T>, detail?: (result: T) => string): Promise<T> {
  const start = fx.clock.now();
  const result = await work();
  const seconds = (fx.clock.now() - start) / 1000;
  const extra = detail ? `  ${detail(result)}` : '';
  fx.log.info(`${label.padEnd(22)} ${seconds.toFixed(2).padStart(6)} s${extra}`);
  return result;
}
