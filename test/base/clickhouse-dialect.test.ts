/** The one translation step from the metric SQL to ClickHouse's dialect (src/base/clickhouse-dialect.ts). */
import { describe, expect, it } from 'vitest';
import { toClickHouse } from '../../src/base/clickhouse-dialect.ts';

describe('toClickHouse', () => {
  it('drops DuckDB settings and comment lines', () => {
    expect(toClickHouse('-- a comment\nSET preserve_insertion_order = false')).toBeNull();
    expect(toClickHouse('-- name: totals\nSELECT 1 AS x')?.sql).toBe('SELECT 1 AS x');
  });

  it('makes temp tables session tables on disk (MergeTree), not in memory', () => {
    expect(toClickHouse('CREATE OR REPLACE TEMP TABLE t AS\nSELECT 1 AS x')?.sql).toBe(
      'CREATE OR REPLACE TEMPORARY TABLE t ENGINE = MergeTree ORDER BY tuple() AS\nSELECT 1 AS x',
    );
  });

  it('binds $name parameters with their types; a decimal cast binds the text, parsed exactly', () => {
    const s = toClickHouse('-- $top_share in a comment\nSELECT ceil(n * CAST($top_share AS DECIMAL(18, 9))) AS k, $h AS h, $v AS v, $s AS s', { top_share: 0.07, h: 30, v: 1.5, s: 'x' });
    expect(s).toEqual({
      sql: 'SELECT ceil(n * CAST({top_share:String} AS Decimal(18, 9))) AS k, {h:Int64} AS h, {v:Float64} AS v, {s:String} AS s',
      parameters: { top_share: '0.07', h: 30, v: 1.5, s: 'x' },
    });
  });

  it('refuses a parameter that is not given', () => {
    expect(() => toClickHouse('SELECT $missing')).toThrow(/\$missing/);
  });
});
