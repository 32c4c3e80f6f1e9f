import { describe, expect, it } from 'vitest';
import { parseDiffArgs } from '../../src/cli/diff.ts';

describe('report diff arguments', () => {
  it('takes two builds, --html FILE and --exit-code', () => {
    expect(parseDiffArgs(['out/2023', 'out/2024', '--html', 'review.html', '--exit-code'])).toEqual({ help: false, args: { old: 'out/2023', new: 'out/2024', html: 'review.html', exitCode: true } });
    expect(parseDiffArgs(['a', 'b'])).toEqual({ help: false, args: { old: 'a', new: 'b', html: null, exitCode: false } });
    expect(parseDiffArgs(['-h'])).toEqual({ help: true });
  });

  it('says what is wrong with a bad command line', () => {
    expect(parseDiffArgs(['a'])).toEqual({ help: false, problem: 'report diff needs two builds, <old> and <new>; got 1. Run `report diff --help`.' });
    expect(parseDiffArgs(['a', 'b', '--color'])).toMatchObject({ problem: expect.stringMatching(/Unknown option '--color'.*report diff --help/) });
  });
});
