import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../src/effects.ts';

const dir = mkdtempSync(join(tmpdir(), 'report-effects-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeAll', () => {
  it('removes temporary files left by a process that no longer runs, and keeps a live one\'s', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(dir, `.${dead}.tmp-0`), 'half');
    writeFileSync(join(dir, `.${process.ppid}.tmp-0`), 'a live writer');
    await nodeFileSystem.writeAll([{ path: join(dir, 'a.json'), data: '{}' }]);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{}');
    expect(existsSync(join(dir, `.${dead}.tmp-0`))).toBe(false);
    expect(existsSync(join(dir, `.${process.ppid}.tmp-0`))).toBe(true);
  });

  it('writes at once into one folder without one write taking another\'s temporary file', async () => {
    const into = join(dir, 'together');
    const names = Array.from({ length: 12 }, (_, i) => `f${i}.txt`);
    await Promise.all(names.map((name) => nodeFileSystem.writeAll([{ path: join(into, name), data: name.repeat(1000) }])));
    for (const name of names) expect(readFileSync(join(into, name), 'utf8')).toBe(name.repeat(1000));
  });

  it('removes a dead process\'s temporary files named by thread too', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(dir, `.${dead}.tmp-1-3`), 'half');
    await nodeFileSystem.writeAll([{ path: join(dir, 'b.json'), data: '{}' }]);
    expect(existsSync(join(dir, `.${dead}.tmp-1-3`))).toBe(false);
  });
});
