/**
 * How `report` ends when something fails: one message, exit code 1 or 2, no stack trace; `--debug`
 * (before or after the command) adds the stack and the chain of causes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { debugDetails, failureMessage } from '../../src/cli/failure.ts';
import { ReportError } from '../../src/errors.ts';
import type { Effects, FileSystem } from '../../src/effects.ts';
import { memoryFs, quietEffects } from '../helpers/memory-fs.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs the command with a file system whose `exists` (the first thing build asks) fails with `error`. */
async function run(args: string[], error?: unknown): Promise<{ code: number; stderr: string }> {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const fs: FileSystem = error === undefined ? memoryFs() : { ...memoryFs(), exists: async () => Promise.reject(error) };
  const fx: Effects = quietEffects(fs);
  const code = await main(args, fx);
  return { code, stderr: stderr.mock.calls.map((c) => String(c[0])).join('') };
}

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

describe('report fails with one message, never a stack trace', () => {
  it('a wrong command line: exit 2', async () => {
    const { code, stderr } = await run(['build', '--colour', 'red']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^report: Unknown option '--colour'/);
  });

  it('bad input (an edition that does not exist): exit 1, the message only', async () => {
    const { code, stderr } = await run(['build', '--format', 'html', '--edition', 'nope']);
    expect(code).toBe(1);
    expect(stderr).toBe('report: No edition "nope" under templates/ (known: none)\n');
  });

  it('a file the system refuses, named with the reason', async () => {
    const denied = Object.assign(new Error("EACCES: permission denied, stat '/data/x'"), { code: 'EACCES', path: '/data/x', syscall: 'stat' });
    const { code, stderr } = await run(['build', '--format', 'html'], denied);
    expect(code).toBe(1);
    expect(stderr).toBe('report: /data/x: permission denied (EACCES)\n');
  });

  it('an internal error says it is one, in one line, and how to see more', async () => {
    const { code, stderr } = await run(['build', '--format', 'html'], new TypeError('Cannot read properties of undefined (reading \'x\')'));
    expect(code).toBe(1);
    expect(stderr).toBe("report: internal error (a bug in the report compiler, not in your input): TypeError: Cannot read properties of undefined (reading 'x'). Run with --debug for details.\n");
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('--debug, before or after the command, adds the stack and every cause', async () => {
    const cause = new Error('the root cause');
    const error = ReportError.of('input.not-found', { file: '/t/x.yaml' }, new Error('middle', { cause }));
    for (const args of [['--debug', 'build', '--format', 'html'], ['build', '--format', 'html', '--debug']]) {
      const { code, stderr } = await run(args, error);
      expect(code).toBe(1);
      expect(stderr).toMatch(STACK_LINE);
      expect(stderr).toContain('caused by: Error: middle');
      expect(stderr).toContain('caused by: Error: the root cause');
      expect(stderr.trim().split('\n').at(-1)).toBe('report: /t/x.yaml: file not found');
    }
  });
});

describe('failureMessage and debugDetails', () => {
  it('keeps an internal error to one short line', () => {
    const text = failureMessage(new Error(`first line ${'x'.repeat(1000)}\nsecond line`));
    expect(text.split('\n')).toHaveLength(1);
    expect(text.length).toBeLessThan(420);
    expect(failureMessage('a thrown string')).toContain('internal error (a bug in the report compiler, not in your input): a thrown string.');
  });

  it('names an unknown system error by its own message', () => {
    expect(failureMessage(Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV', path: '/a' }))).toBe('/a: EXDEV: cross-device link not permitted (EXDEV)');
  });

  it('stops at a cause that refers back to itself', () => {
    const a = new Error('a');
    (a as { cause?: unknown }).cause = a;
    expect(debugDetails(a).match(/Error: a/g)).toHaveLength(1);
  });
});
