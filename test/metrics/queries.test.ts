import { describe, expect, it } from 'vitest';
import { parseQueryFile, readQueryFile, runQueryFile } from '../../src/metrics/queries.ts';
import { FAMILIES } from '../../src/metrics/metrics.ts';
import { openDuckDb } from '../../src/base/engine.ts';

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

  it('runs a `-- for each <column> of <table>` statement once per distinct value, ascending, bound as $<column>', async () => {
    const file = parseQueryFile(
      'demo',
      [
        'CREATE TEMP TABLE papers AS SELECT * FROM (VALUES (2021, 5), (2019, 1), (2021, 7), (2020, 2)) v(year, citations);',
        'CREATE TEMP TABLE seen (year INTEGER, n BIGINT, step BIGINT);',
        '-- for each year of papers',
        'INSERT INTO seen SELECT $year, count(*), (SELECT count(*) FROM seen) FROM papers WHERE year = $year AND citations >= $least;',
        '-- name: seen',
        'SELECT year, n, step FROM seen ORDER BY step;',
      ].join('\n'),
    );
    // The loop's own value is not a parameter the metrics stage must give; the others are.
    expect(file.statements[2]!.each).toEqual({ column: 'year', table: 'papers' });
    expect(file.statements[2]!.parameters).toEqual(['least']);
    const engine = await openDuckDb();
    try {
      const result = await runQueryFile(engine, file, { least: 2 });
      expect(result.seen).toEqual([
        { year: 2019, n: 0, step: 0 },
        { year: 2020, n: 1, step: 1 },
        { year: 2021, n: 2, step: 2 },
      ]);
    } finally {
      engine.close();
    }
  });

  it('refuses a named result run for each value (its rows would be one value\'s only)', () => {
    expect(() => parseQueryFile('demo', '-- name: x\n-- for each year of papers\nSELECT $year AS y;\n')).toThrow(/for each year/);
  });
});
