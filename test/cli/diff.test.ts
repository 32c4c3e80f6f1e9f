import { describe, expect, it } from 'vitest';
import { parseDiffArgs } from '../../src/cli/diff.ts';

describe('report diff arguments', () => {
  it('takes two builds, --html FILE and --exit-code', () => {
    expect(parseDiffArgs(['out/2023', 'out/2024', '--html', 'review.html', '--exit-code'])).toEqual({ help: false, args: { old: { kind: 'claims', path: 'out/2023' }, new: { kind: 'claims', path: 'out/2024' }, html: 'review.html', exitCode: true } });
    expect(parseDiffArgs(['a', 'b'])).toEqual({ help: false, args: { old: { kind: 'claims', path: 'a' }, new: { kind: 'claims', path: 'b' }, html: null, exitCode: false } });
    expect(parseDiffArgs(['-h'])).toEqual({ help: true });
  });

  it('builds editions and datasets: each --data goes with the --edition before it', () => {
    const sides = (...argv: string[]) => {
      const p = parseDiffArgs(argv);
      return 'args' in p ? [p.args.old, p.args.new] : p;
    };
    expect(sides('--edition', '2023', '--edition', '2024', '--data', 'd24')).toEqual([
      { kind: 'build', edition: '2023', data: null },
      { kind: 'build', edition: '2024', data: 'd24' },
    ]);
    expect(sides('--edition', '2024', '--data', 'a', '--data', 'b')).toEqual([
      { kind: 'build', edition: '2024', data: 'a' },
      { kind: 'build', edition: '2024', data: 'b' },
    ]);
    // No --edition: the newest edition, named when the diff runs (src/cli/editions.ts).
    expect(sides('--data', 'a', '--data', 'b')).toEqual([
      { kind: 'build', edition: null, data: 'a' },
      { kind: 'build', edition: null, data: 'b' },
    ]);
    expect(parseDiffArgs(['--edition', '2024', '--cache', 'off', '--data', 'a', '--data', 'b'])).toMatchObject({ args: { cache: null } });
    expect(parseDiffArgs(['--edition', '2024'])).toMatchObject({ problem: '--edition/--data name 1 build(s); report diff compares two. Run `report diff --help`.' });
    expect(parseDiffArgs(['out/a', '--edition', '2024', '--edition', '2023'])).toMatchObject({ problem: expect.stringContaining('not both') });
  });

  it('says what is wrong with a bad command line', () => {
    expect(parseDiffArgs(['a'])).toEqual({ help: false, problem: 'report diff needs two builds, <old> and <new>; got 1. Run `report diff --help`.' });
    expect(parseDiffArgs(['a', 'b', '--color'])).toMatchObject({ problem: expect.stringMatching(/Unknown option '--color'.*report diff --help/) });
  });
});
