/**
 * `--data DIR` builds any dataset that follows the contract (the edition's own tooling is not run for
 * it); without `--edition` a command takes the newest edition under templates/ — the tool names none.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chosenEdition, listEditions } from '../../src/cli/editions.ts';
import { main } from '../../src/cli/main.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { ROOT } from '../chapters/fixtures.ts';
import { memoryFs, quietEffects } from '../helpers/memory-fs.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('which edition', () => {
  it('lists the folders with an edition.yaml, numbers compared as numbers, and takes the newest', async () => {
    const fs = memoryFs({ '/p/templates/2023/edition.yaml': 'x', '/p/templates/2024/edition.yaml': 'x', '/p/templates/999/edition.yaml': 'x', '/p/templates/notes/README.md': 'x' });
    expect(await listEditions(fs, '/p')).toEqual(['999', '2023', '2024']);
    expect(await chosenEdition(fs, '/p', undefined)).toBe('2024');
    expect(await chosenEdition(fs, '/p', '2023')).toBe('2023');
    await expect(chosenEdition(memoryFs({}), '/p', undefined)).rejects.toThrow(/^\/p\/templates: no edition here .*report new/);
  });
});

describe('report build --data', () => {
  it('builds the edition from another dataset folder, with the title of its manifest', async () => {
    const data = mkdtempSync(join(tmpdir(), 'data-'));
    cpSync(join(ROOT, 'data/2023'), data, { recursive: true });
    // Another title: the cover and running heads follow the dataset's manifest.
    const manifest = join(data, 'dataset.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('en: "Global Digital Science and Technology Development Research Report (2023)"', 'en: "A Report Built From Another Dataset"'));
    const out = mkdtempSync(join(tmpdir(), 'out-'));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const fx = { ...quietEffects(memoryFs()), fs: nodeFileSystem };
    expect(await main(['build', '--edition', '2023', '--data', data, '--format', 'html', '--locale', 'en', '--out', out, '--cache', 'off'], fx)).toBe(0);
    const html = readFileSync(join(out, '2023/en/index.html'), 'utf8');
    expect(html).toContain('A Report Built From Another Dataset');
    expect(existsSync(join(out, '2023/zh'))).toBe(false);
  });

  it('an unknown option is a usage error (exit 2), not a stack trace', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['build', '--dataset', 'x'], { ...quietEffects(memoryFs()), fs: nodeFileSystem })).toBe(2);
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(/^report: Unknown option '--dataset'/);
  });
});
