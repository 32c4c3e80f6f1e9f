import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../src/effects.ts';
import { outputsInPlace, outputsKey, recordOutputs } from '../../src/cache/outputs.ts';
import { diskCache } from '../../src/cache/store.ts';

/** A project with one edition, its sentences and a dataset, in a temporary folder. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'outputs-'));
  for (const [file, text] of Object.entries({
    'templates/e/edition.yaml': 'data: data\n',
    'templates/e/intro.md.hbs': 'Hello\n',
    'locales/shared/en/report.json': '{}\n',
    'data/dataset.yaml': 'edition: e\n',
    'data/papers.csv': 'a\n1\n',
  })) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  const request = { root, edition: 'e', dataDir: join(root, 'data'), locales: ['en'], formats: ['html'], outDir: join(root, 'out'), printer: '' };
  return { root, request };
}

describe('the whole build as one cache entry', () => {
  it('changes its key with the data, the templates, the sentences and the options', async () => {
    const { root, request } = project();
    const key = await outputsKey(nodeFileSystem, request);
    expect(await outputsKey(nodeFileSystem, request)).toBe(key);
    expect(await outputsKey(nodeFileSystem, { ...request, locales: ['zh', 'en'] })).not.toBe(key);
    for (const file of ['data/papers.csv', 'templates/e/intro.md.hbs', 'locales/shared/en/report.json']) {
      writeFileSync(join(root, file), 'changed\n');
      const changed = await outputsKey(nodeFileSystem, request);
      expect(changed, file).not.toBe(key);
    }
  });

  it('is reused only while every output is in place with the bytes recorded', async () => {
    const { root } = project();
    const cache = diskCache(nodeFileSystem, join(root, '.cache'));
    const file = join(root, 'out', 'e', 'en', 'index.html');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '<p>Hello</p>');
    await recordOutputs(nodeFileSystem, cache, 'k', [{ path: file, bytes: 12 }], ['a warning']);
    expect(await outputsInPlace(nodeFileSystem, cache, 'k')).toMatchObject({ files: [{ path: file, bytes: 12 }], warnings: ['a warning'] });
    expect(await outputsInPlace(nodeFileSystem, cache, 'other')).toBeNull();
    writeFileSync(file, '<p>Edited</p>');
    expect(await outputsInPlace(nodeFileSystem, cache, 'k')).toBeNull();
  });
});

describe('file digests kept between processes', () => {
  it('are used only for a file whose identity is unchanged', async () => {
    const { knownFileDigests, rememberFileDigests, folderDigest } = await import('../../src/cache/digest.ts');
    const { root, request } = project();
    const before = await folderDigest(nodeFileSystem, request.dataDir);
    const file = join(request.dataDir, 'papers.csv');
    const known = knownFileDigests()[file]!;
    expect(known.identity).toBeTruthy();
    // A remembered digest that lies about the bytes, under another identity: never used.
    rememberFileDigests({ [join(root, 'data', 'other.csv')]: { identity: 'x', digest: 'y' } });
    writeFileSync(file, 'a\n2\n');
    expect(await folderDigest(nodeFileSystem, request.dataDir)).not.toBe(before);
  });
});
