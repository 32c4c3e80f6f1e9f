import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../src/effects.ts';
import { digest, folderDigest } from '../../src/cache/digest.ts';
import { diskCache, memoryCache } from '../../src/cache/store.ts';
import { memoryFs } from '../helpers/memory-fs.ts';

describe('cache keys', () => {
  it('frame their parts: moving a boundary changes the digest', () => {
    expect(digest('ab', 'c')).not.toBe(digest('a', 'bc'));
    expect(digest('a')).not.toBe(digest(new TextEncoder().encode('a')));
    expect(digest('x', 'y')).toBe(digest('x', 'y'));
  });

  it('cover every file of a dataset folder, names and bytes', async () => {
    const fs = memoryFs({ '/d/dataset.yaml': 'edition: x', '/d/papers.csv': 'a\n1\n' });
    const before = await folderDigest(fs, '/d');
    fs.files.set('/d/papers.csv', 'a\n2\n');
    const edited = await folderDigest(fs, '/d');
    expect(edited).not.toBe(before);
    fs.files.set('/d/papers.csv', 'a\n1\n');
    expect(await folderDigest(fs, '/d')).toBe(before);
    fs.files.set('/d/patents.csv', 'a\n');
    expect(await folderDigest(fs, '/d')).not.toBe(before);
  });

  it('pass over a folder or a dangling link in a dataset folder (the loader refuses them by name)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'digest-'));
    writeFileSync(join(dir, 'papers.csv'), 'a\n1\n');
    const before = await folderDigest(nodeFileSystem, dir);
    mkdirSync(join(dir, 'topics.csv'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'patents.csv'));
    expect(await folderDigest(nodeFileSystem, dir)).toBe(before);
  });
});

describe('disk cache', () => {
  it('gives back what was stored, by kind and key', async () => {
    const fs = memoryFs();
    const cache = diskCache(fs, '/c');
    expect(await cache.get('svg', 'ab12')).toBeNull();
    await cache.put('svg', 'ab12', '<svg/>');
    expect(Buffer.from((await cache.get('svg', 'ab12'))!).toString()).toBe('<svg/>');
    expect(await cache.get('pdf', 'ab12')).toBeNull();
    expect([...fs.files.keys()]).toEqual(['/c/svg/ab/ab12']);
  });

  it('treats a damaged entry as a miss, never as a result', async () => {
    const fs = memoryFs();
    const cache = diskCache(fs, '/c');
    await cache.put('metrics', 'ff00', '{"total": 1}');
    const stored = fs.files.get('/c/metrics/ff/ff00') as Uint8Array;
    fs.files.set('/c/metrics/ff/ff00', Buffer.from(Buffer.from(stored).toString().replace('1', '2')));
    expect(await cache.get('metrics', 'ff00')).toBeNull();
    fs.files.set('/c/metrics/ff/ff00', stored.subarray(0, 70));
    expect(await cache.get('metrics', 'ff00')).toBeNull();
  });

  it('in memory, answers repeated reads without the disk', async () => {
    const fs = memoryFs();
    const cache = memoryCache(diskCache(fs, '/c'));
    await cache.put('svg', 'aa', 'x');
    fs.files.clear();
    expect(Buffer.from((await cache.get('svg', 'aa'))!).toString()).toBe('x');
  });
});

describe('engine version in the metrics key', () => {
  it('changes with any SQL or code file of the metrics engine', async () => {
    const { cpSync, mkdtempSync, appendFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { SRC, treeDigest, sourceDigest } = await import('../../src/cache/digest.ts');
    const copy = mkdtempSync(join(tmpdir(), 'report-src-'));
    cpSync(join(SRC, 'metrics'), join(copy, 'metrics'), { recursive: true });
    cpSync(join(SRC, 'load'), join(copy, 'load'), { recursive: true });
    const before = treeDigest(copy, ['load', 'metrics']);
    expect(before).toBe(sourceDigest('load', 'metrics'));
    appendFileSync(join(copy, 'metrics/sql/papers.sql'), '\n-- a comment is a change too\n');
    expect(treeDigest(copy, ['load', 'metrics'])).not.toBe(before);
  });
});

describe('cache size', () => {
  it('stays bounded: the entries written longest ago go first', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, utimesSync, existsSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { pruneCache } = await import('../../src/cache/prune.ts');
    const dir = mkdtempSync(join(tmpdir(), 'report-prune-'));
    mkdirSync(join(dir, 'pdf/aa'), { recursive: true });
    for (let i = 0; i < 10; i++) {
      const file = join(dir, 'pdf/aa', `e${i}`);
      writeFileSync(file, Buffer.alloc(100));
      utimesSync(file, 1000 + i, 1000 + i);
    }
    expect(await pruneCache(dir, 2000)).toEqual({ removed: 0, bytes: 1000 });
    const result = await pruneCache(dir, 800);
    expect(result.bytes).toBeLessThanOrEqual(600);
    expect(existsSync(join(dir, 'pdf/aa/e0'))).toBe(false);
    expect(existsSync(join(dir, 'pdf/aa/e9'))).toBe(true);
  });
});
