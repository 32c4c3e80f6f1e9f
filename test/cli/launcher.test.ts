/**
 * bin/report.js: runs the compiled bundle (dist/, made by `prepare`) when it is as new as its sources,
 * else rebuilds it or runs the sources; either way `report --help` answers.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/main.ts';

const BIN = join(PROJECT_ROOT, 'bin', 'report.js');

describe('bin/report.js', () => {
  it('prints the help, from the bundle or the sources', () => {
    for (const env of [{}, { REPORT_FROM_SOURCES: '1' }]) {
      const out = execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', env: { ...process.env, ...env } });
      expect(out).toContain('Usage: report <command> [options]');
    }
  });

  it('gives a command its own help without loading the others', () => {
    const out = execFileSync(process.execPath, [BIN, 'build', '--help'], { encoding: 'utf8' });
    expect(out).toContain('Usage: report build');
  });
});
