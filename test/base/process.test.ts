import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
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

describe('tuneForBatchRun', () => {
  // A small function run 350 times: V8's default budget marks it for TurboFan (at ~200 runs), the
  // command's (INTERRUPT_BUDGET, ~6× as much bytecode) does not yet (at ~600).
  const marked = (tuning: string) => {
    const process_ = JSON.stringify(fileURLToPath(new URL('../../src/base/process.ts', import.meta.url)));
    const main = JSON.stringify(fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url)));
    const script = `import { tuneForBatchRun } from ${process_};
      import { tuneForCommand } from ${main};
      ${tuning};
      function hot(x) { let s = 0; for (let i = 0; i < 20; i++) s += (i * x) % 7; return s; }
      let t = 0; for (let k = 0; k < 350; k++) t += hot(k);
      console.log('sum', t);`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--trace-opt', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout).toContain('sum');
    return /marking \S+ <JSFunction hot /.test(child.stdout);
  };

  it('leaves a briefly run function to the baseline tiers, which the default would optimize', () => {
    expect(marked('')).toBe(true);
    expect(marked('tuneForBatchRun()')).toBe(false);
  });

  it('is what a command that runs once gets, not the preview, which runs until stopped', () => {
    expect(marked(`tuneForCommand(['build', '--cache', 'off'])`)).toBe(false);
    expect(marked(`tuneForCommand(['--debug', 'check'])`)).toBe(false);
    expect(marked(`tuneForCommand(['preview'])`)).toBe(true);
    expect(marked(`tuneForCommand(['--debug', 'preview', '--port', '0'])`)).toBe(true);
  });
});
