/**
 * Keeps the build cache bounded. Entries are never stale (keys are content digests), only unused: an
 * editor's every PDF build adds ~1 MB. When the cache grows past `maxBytes`, the entries written
 * longest ago are removed until it is back under three quarters of it. A removed entry is recomputed
 * when next needed, nothing more.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const CACHE_LIMIT = 1024 ** 3;

export async function pruneCache(dir: string, maxBytes = CACHE_LIMIT): Promise<{ removed: number; bytes: number }> {
  const entries: { path: string; size: number; mtime: number }[] = [];
  const walk = async (folder: string): Promise<void> => {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(folder, name);
      const s = await stat(path).catch(() => null);
      if (s?.isDirectory()) await walk(path);
      else if (s) entries.push({ path, size: s.size, mtime: s.mtimeMs });
    }
  };
  await walk(dir);
  let total = entries.reduce((n, e) => n + e.size, 0);
  if (total <= maxBytes) return { removed: 0, bytes: total };
  let removed = 0;
  for (const e of entries.sort((a, b) => a.mtime - b.mtime)) {
    if (total <= maxBytes * 0.75) break;
    await rm(e.path, { force: true });
    total -= e.size;
    removed++;
  }
  return { removed, bytes: total };
}
