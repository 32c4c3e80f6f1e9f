/**
 * Watches folders for changes, recursively, and reports them in batches: editors save with several
 * events (write, rename, chmod), so events are gathered until the tree has been quiet for `quietMs`.
 * Each folder gets its own non-recursive fs.watch (inotify on Linux), and the set is rescanned when
 * something changes, so folders created later are watched too.
 */
import { watch, readdirSync, statSync, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export interface Watcher {
  close(): void;
}

function folders(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    out.push(dir);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name === 'node_modules' || name.startsWith('.git')) continue;
      const path = join(dir, name);
      try {
        if (statSync(path).isDirectory()) visit(path);
      } catch {
        // removed meanwhile
      }
    }
  };
  try {
    if (statSync(root).isDirectory()) visit(root);
  } catch {
    // a root that does not exist (yet) is not watched
  }
  return out;
}

/** Calls `onChange` with the paths changed (absolute) and when the first was seen (performance.now()), once per quiet period. */
export function watchTrees(roots: readonly string[], onChange: (paths: string[], firstAt: number) => void, quietMs = 30): Watcher {
  const watchers = new Map<string, FSWatcher>();
  let pending = new Set<string>();
  let firstAt = 0;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const flush = () => {
    timer = null;
    const paths = [...pending];
    pending = new Set();
    rescan();
    if (paths.length && !closed) onChange(paths, firstAt);
  };
  const rescan = () => {
    const want = new Set(roots.flatMap(folders));
    for (const [dir, w] of watchers) if (!want.has(dir)) (w.close(), watchers.delete(dir));
    for (const dir of want) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, (_event, name) => {
          if (pending.size === 0) firstAt = performance.now();
          pending.add(name ? join(dir, name.toString()) : dir);
          if (timer) clearTimeout(timer);
          timer = setTimeout(flush, quietMs);
        });
        w.on('error', () => {
          w.close();
          watchers.delete(dir);
        });
        watchers.set(dir, w);
      } catch {
        // a folder removed between listing and watching
      }
    }
  };
  rescan();
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
