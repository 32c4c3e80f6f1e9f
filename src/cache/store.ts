/**
 * The build cache: results stored by the digest of everything they depend on (see keys.ts), under
 * .cache/build/<kind>/<key>. An entry never needs invalidating: a changed input is a different key.
 * Entries are written with FileSystem.writeAll (temporary file, then rename), and each carries the
 * digest of its value, checked on read, so a damaged entry is a miss, never a wrong result.
 */
import { join } from 'node:path';
import type { FileSystem } from '../effects.ts';
import { digest } from './digest.ts';

export interface Cache {
  get(kind: string, key: string): Promise<Uint8Array | null>;
  put(kind: string, key: string, value: string | Uint8Array): Promise<void>;
}

/** No cache: every stage runs. */
export const NO_CACHE: Cache = {
  get: async () => null,
  put: async () => {},
};

const HEADER = 65; // 64 hex digits and a newline

export function diskCache(fs: FileSystem, dir: string): Cache {
  const path = (kind: string, key: string) => join(dir, kind, key.slice(0, 2), key);
  return {
    async get(kind, key) {
      const file = path(kind, key);
      if (!(await fs.exists(file))) return null;
      let bytes: Uint8Array;
      try {
        bytes = await fs.readBytes(file);
      } catch {
        return null;
      }
      const value = bytes.subarray(HEADER);
      const stored = Buffer.from(bytes.subarray(0, HEADER - 1)).toString('latin1');
      return stored === digest(value) ? value : null;
    },
    async put(kind, key, value) {
      const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
      const data = new Uint8Array(HEADER + bytes.length);
      data.set(Buffer.from(`${digest(bytes)}\n`, 'latin1'));
      data.set(bytes, HEADER);
      await fs.writeAll([{ path: path(kind, key), data }]);
    },
  };
}

/** A cache that also keeps values in memory, for a long-running process (the preview). */
export function memoryCache(under: Cache, limit = 256): Cache {
  const values = new Map<string, Uint8Array>();
  const remember = (id: string, value: Uint8Array) => {
    values.delete(id);
    values.set(id, value);
    if (values.size > limit) values.delete(values.keys().next().value!);
  };
  return {
    async get(kind, key) {
      const id = `${kind}/${key}`;
      const known = values.get(id);
      if (known) return known;
      const value = await under.get(kind, key);
      if (value) remember(id, value);
      return value;
    },
    async put(kind, key, value) {
      remember(`${kind}/${key}`, typeof value === 'string' ? Buffer.from(value, 'utf8') : value);
      await under.put(kind, key, value);
    },
  };
}
