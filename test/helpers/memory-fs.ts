/** An in-memory FileSystem and silent Effects for testing stages without disk. */
import type { Effects, FileSystem, OutputFile } from '../../src/effects.ts';

export function memoryFs(files: Record<string, string | Uint8Array> = {}): FileSystem & { files: Map<string, string | Uint8Array> } {
  const map = new Map(Object.entries(files));
  return {
    files: map,
    readText: async (path) => {
      const v = map.get(path);
      if (v === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return typeof v === 'string' ? v : new TextDecoder().decode(v);
    },
    readBytes: async (path) => {
      const v = map.get(path);
      if (v === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return typeof v === 'string' ? new TextEncoder().encode(v) : v;
    },
    exists: async (path) => map.has(path) || [...map.keys()].some((k) => k.startsWith(`${path}/`)),
    list: async (dir) => [...new Set([...map.keys()].filter((k) => k.startsWith(`${dir}/`)).map((k) => k.slice(dir.length + 1).split('/')[0]!))].sort(),
    writeAll: async (out: readonly OutputFile[]) => {
      for (const f of out) map.set(f.path, f.data);
    },
    publish: async (_dir: string, out: readonly OutputFile[]) => {
      for (const f of out) map.set(f.path, f.data);
      return [];
    },
  };
}

export function quietEffects(fs: FileSystem = memoryFs()): Effects & { lines: string[] } {
  const lines: string[] = [];
  let t = 0;
  return { fs, lines, log: { info: (l) => lines.push(l), warn: (l) => lines.push(`warning: ${l}`) }, clock: { now: () => (t += 1) } };
}
