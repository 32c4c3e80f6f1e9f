/** `report new 2024 --from 2023`: a whole copy of the edition's folders, the old one untouched, never half-written. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editionDataPath } from '../../src/cli/new.ts';
import { newEdition } from '../../src/scaffold/new-edition.ts';
import { ROOT } from '../chapters/fixtures.ts';

/** A project with the real 2023 edition's folders. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'project-'));
  for (const top of ['templates', 'locales']) cpSync(join(ROOT, top), join(root, top), { recursive: true });
  return root;
}

function treeHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(relative(dir, p)).update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

describe('report new', () => {
  it('copies the edition whole and points the copy at its own dataset; the old edition is unchanged', async () => {
    const root = project();
    const before = treeHash(join(root, 'templates/2023'));
    const made = await newEdition({ root, name: '2024', from: '2023', data: '/srv/snapshots/2024' });
    expect(made.folders[0]).toBe('templates/2024');
    expect(treeHash(join(root, 'templates/2023'))).toBe(before);
    // Every file of the old edition is in the new one; only edition.yaml differs.
    const files = (d: string): string[] => readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(d, join(e.parentPath, e.name))).sort();
    expect(files(join(root, 'templates/2024'))).toEqual(files(join(root, 'templates/2023')));
    const yaml = readFileSync(join(root, 'templates/2024/edition.yaml'), 'utf8');
    expect(yaml).toMatch(/^data: \/srv\/snapshots\/2024$/m);
    expect(yaml).not.toMatch(/^generated:|make:/m); // the old edition's data maker is not the new one's
    // The edition's other settings (chapters, focus, definitions, needs, comments) come along.
    expect(yaml).toContain('chapters:');
    expect(yaml).toContain('needs:');
    expect(yaml).toContain('definitions:');
    // Only the data: entry is rewritten: every other line (comments, flow mappings, spacing) is the editor's.
    const old = readFileSync(join(root, 'templates/2023/edition.yaml'), 'utf8');
    const dataBlock = /^data:.*\n(?:[ \t]+.*\n)*/m;
    expect(yaml.replace(dataBlock, '')).toBe(old.replace(dataBlock, ''));
    // And its sentences: locales/2023/ is copied to locales/2024/; the shared vocabulary stays shared.
    expect(made.folders).toEqual(['templates/2024', 'locales/2024']);
    expect(files(join(root, 'locales/2024'))).toEqual(files(join(root, 'locales/2023')));
  });

  it('without --data the copy names data/<edition>, to be filled', async () => {
    const root = project();
    const made = await newEdition({ root, name: '2024', from: '2023' });
    expect(made.data).toBe('data/2024');
    expect(readFileSync(join(root, 'templates/2024/edition.yaml'), 'utf8')).toMatch(/^data: data\/2024$/m);
  });

  it('stores --data as given from the working directory: relative to the root inside the project, absolute outside', () => {
    expect(editionDataPath('/p/proj', '../../snap', '/p/proj/templates')).toBe('/p/snap');
    expect(editionDataPath('/p/proj', 'snapshots/2024', '/p/proj')).toBe('snapshots/2024');
    expect(editionDataPath('/p/proj', '../snapshots/2024', '/p/proj/templates')).toBe('snapshots/2024');
    expect(editionDataPath('/p/proj', '/srv/2024', '/anywhere')).toBe('/srv/2024');
    expect(editionDataPath('/p/proj', '.', '/p/proj')).toBe('/p/proj');
  });

  it('never overwrites an edition, refuses a bad name or an unknown source, and leaves no staging folder', async () => {
    const root = project();
    mkdirSync(join(root, 'templates/2025'));
    await expect(newEdition({ root, name: '2025', from: '2023' })).rejects.toThrow(/^templates\/2025 exists already/);
    await expect(newEdition({ root, name: '../evil', from: '2023' })).rejects.toThrow(/cannot name an edition/);
    await expect(newEdition({ root, name: '2026', from: '1999' })).rejects.toThrow(/No edition "1999"/);
    expect(readdirSync(join(root, 'templates')).filter((n) => n.includes('.new-'))).toEqual([]);
    expect(existsSync(join(root, 'templates/2026'))).toBe(false);
  });
});
