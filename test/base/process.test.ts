import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isAlive } from '../../src/base/process.ts';

describe('isAlive', () => {
  it('is true for this process and for one it cannot signal (init)', () => {
    expect(isAlive(process.pid)).toBe(true);
    expect(isAlive(1)).toBe(true);
  });

  it('is false for a process that has ended', () => {
    const child = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
    expect(child.pid).toBeGreaterThan(0);
    expect(isAlive(child.pid!)).toBe(false);
  });
});
