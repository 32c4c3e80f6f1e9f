/**
 * One way to find a dataset folder: relative to the project root, or absolute as given, for build
 * and check alike.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/check.ts';
import { PROJECT_ROOT } from '../../src/cli/main.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { datasetDir } from '../../src/load/dataset-dir.ts';
import { quietEffects } from '../helpers/memory-fs.ts';

describe('the dataset folder', () => {
  it('is found from the project root, or taken as it is when absolute', () => {
    expect(datasetDir('/project', 'data/2023')).toBe('/project/data/2023');
    expect(datasetDir('/project', '/tmp/x/data')).toBe('/tmp/x/data');
    expect(datasetDir('/project', '.cache/data/2023/')).toBe('/project/.cache/data/2023');
  });

  it('of an edition whose data: is absolute is found by report check', async () => {
    const root = mkdtempSync(join(tmpdir(), 'check-abs-'));
    const data = mkdtempSync(join(tmpdir(), 'check-abs-data-'));
    cpSync(join(PROJECT_ROOT, 'data/2023'), data, { recursive: true });
    cpSync(join(PROJECT_ROOT, 'locales'), join(root, 'locales'), { recursive: true });
    cpSync(join(PROJECT_ROOT, 'templates/2023'), join(root, 'templates/abs'), { recursive: true });
    cpSync(join(PROJECT_ROOT, 'locales/2023'), join(root, 'locales/abs'), { recursive: true }); // the edition's own sentences
    const file = join(root, 'templates/abs/edition.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^data:\n  dir: .*\n  make: .*\n/m, `data: ${JSON.stringify(data)}\n`));
    const fx = quietEffects(nodeFileSystem);
    const code = await checkCommand(root, 'abs', fx);
    expect(fx.lines.join('\n')).not.toMatch(/file not found/);
    expect(fx.lines.find((l) => l.startsWith('load'))).toMatch(/10 tables/);
    expect(code).toBe(0);
  }, 120_000);
});
