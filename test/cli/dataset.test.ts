/**
 * The build runs the data maker the edition declares (`data: { dir, make }`), generically: a module
 * of the edition's, imported by path, never a special case of the engine's.
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEdition } from '../../src/base/edition.ts';
import { ensureDataset } from '../../src/cli/dataset.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { quietEffects } from '../helpers/memory-fs.ts';

/** A project folder with one edition whose edition.yaml declares `data` as given. */
function project(data: string, files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'maker-'));
  mkdirSync(join(root, 'templates/e/chapters'), { recursive: true });
  writeFileSync(join(root, 'templates/e/edition.yaml'), `${data}\nfocus: {home: DE, rival: FR}\ndefinitions: {top_share: 0.01, high_value_usd: 1000000, high_level_h: 20}\nchapters:\n  - id: a\n    template: chapters/a.md.hbs\n`);
  writeFileSync(join(root, 'templates/e/chapters/a.md.hbs'), '# a\n');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

const MAKER = `import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
export async function make({ out, log }) {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'made.txt'), 'made');
  log('one progress line');
  return { skipped: false };
}
`;

describe('the edition\'s data maker', () => {
  it('is run with the dataset folder, and its progress lines and timing are printed', async () => {
    const root = project('data:\n  dir: .cache/data/e\n  make: data/e/tools/make.mjs', { 'data/e/tools/make.mjs': MAKER });
    const edition = await readEdition(nodeFileSystem, join(root, 'templates'), 'e');
    expect(edition.data).toBe('.cache/data/e');
    expect(edition.make).toBe('data/e/tools/make.mjs');
    const fx = { ...quietEffects(), fs: nodeFileSystem };
    await ensureDataset(fx, root, edition);
    expect(readFileSync(join(root, '.cache/data/e/made.txt'), 'utf8')).toBe('made');
    expect(fx.lines[0]).toBe('  one progress line');
    expect(fx.lines[1]).toMatch(/^make data\s+\d+\.\d\d s {2}\.cache\/data\/e written$/);
  });

  it('is not run for a supplied dataset (data: DIR)', async () => {
    const root = project('data: data/e');
    const edition = await readEdition(nodeFileSystem, join(root, 'templates'), 'e');
    expect(edition.make).toBeUndefined();
    const fx = { ...quietEffects(), fs: nodeFileSystem };
    await ensureDataset(fx, root, edition);
    expect(fx.lines).toEqual([]);
  });

  it('names the file when the maker is missing or exports no make()', async () => {
    const missing = project('data:\n  dir: d\n  make: data/e/nothing.mjs');
    const fx = { ...quietEffects(), fs: nodeFileSystem };
    await expect(ensureDataset(fx, missing, await readEdition(nodeFileSystem, join(missing, 'templates'), 'e'))).rejects.toThrow(`${join(missing, 'data/e/nothing.mjs')}: file not found`);
    const wrong = project('data:\n  dir: d\n  make: data/e/wrong.mjs', { 'data/e/wrong.mjs': 'export const nothing = 1;\n' });
    await expect(ensureDataset(fx, wrong, await readEdition(nodeFileSystem, join(wrong, 'templates'), 'e'))).rejects.toThrow(
      `${join(wrong, 'data/e/wrong.mjs')}: expected a module exporting make({ out, log }), the edition's data maker (data.make in edition.yaml)`,
    );
  });
});

describe('the engine', () => {
  it('imports no edition code: nothing under src/ names data/ or the 2023 generator in an import', async () => {
    const { readdirSync } = await import('node:fs');
    const src = new URL('../../src/', import.meta.url).pathname;
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) {
      const imports = [...readFileSync(join(src, f), 'utf8').matchAll(/(?:from|import\()\s*'([^']+)'/g)].map((m) => m[1]!);
      expect(imports.filter((i) => /(^|\/)data\/|generat/.test(i)), f).toEqual([]);
    }
  });
});
