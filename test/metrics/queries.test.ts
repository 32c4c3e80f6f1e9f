import { describe, expect, it } from 'vitest';
import { parseQueryFile, readQueryFile } from '../../src/metrics/queries.ts';
import { FAMILIES } from '../../src/metrics/metrics.ts';

describe('metric SQL files', () => {
  it('splits a file into preparing and named statements, comments kept with their statement', () => {
    const file = parseQueryFile('demo', '-- a comment only\n\nCREATE TEMP TABLE t AS SELECT 1 AS x;\n-- name: one\nSELECT x FROM t;\n-- trailing comment\n');
    expect(file.statements.map((s) => s.name)).toEqual([null, 'one']);
    expect(file.statements[1]!.sql).toBe('-- name: one\nSELECT x FROM t');
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has one file per family, each with named results', () => {
    for (const family of FAMILIES) {
      const file = readQueryFile(family.name);
      expect(file.statements.some((s) => s.name !== null), family.name).toBe(true);
    }
  });
});
