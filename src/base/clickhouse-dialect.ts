/**
 * The one translation step from the metric SQL's dialect (DuckDB's, written in the subset DuckDB and
 * ClickHouse share) to ClickHouse. The metric files are the only definition of every metric; what the
 * two engines spell differently is rewritten here, and what they compute differently is settled by
 * CLICKHOUSE_SETTINGS, so that both return the same rows.
 *
 * The rewrites, each a plain textual rule on the statement:
 * 1. Whole-line comments are dropped (they may mention `$name`s, which ClickHouse must not see).
 * 2. `SET …` statements are DuckDB settings (e.g. preserve_insertion_order): dropped.
 * 3. `CREATE OR REPLACE TEMP TABLE t AS` → `CREATE OR REPLACE TEMPORARY TABLE t ENGINE = MergeTree
 *    ORDER BY tuple() AS`: a session's table, like DuckDB's, but on disk rather than in memory
 *    (ClickHouse's default for a temporary table is the Memory engine).
 * 4. `$name` parameters → `{name:Type}`, ClickHouse's bound parameters: Int64 for whole numbers,
 *    Float64 for others, String for text; `CAST($name AS DECIMAL(p, s))` binds the value as text, so
 *    that the decimal is parsed exactly rather than converted from a binary double.
 *
 * Everything else is the common subset: `::` casts to BIGINT/INTEGER/DOUBLE/DECIMAL, `count(*)
 * FILTER (WHERE …)`, `argMax`, `any_value`, `unnest(range(…))`, window sums, `WITH RECURSIVE`, and
 * results whose columns carry explicit names (ClickHouse names a selected `t.x` "t.x", DuckDB "x").
 */
import type { SqlParameters } from './engine.ts';

/**
 * Settings that make ClickHouse answer as DuckDB does:
 * - join_use_nulls: an outer join's missing side is NULL, not the type's default (0, '').
 * - aggregate_functions_null_for_empty: avg/max/sum of no rows is NULL, not nan or 0 (count stays 0).
 * - cast_keep_nullable: `x::DOUBLE` of a NULL is NULL, as in SQL, not an error.
 * - prefer_column_name_to_alias: `count(*) FILTER (WHERE top1) AS top1` reads the column top1
 *   inside, not the alias being defined.
 * - output_format_json_quote_64bit_integers / _decimals: numbers come back as JSON numbers.
 * - distributed_product_mode = 'global': on a cluster, a join or IN between Distributed tables
 *   sends the right side to every shard (GLOBAL JOIN), so the answer does not depend on how the
 *   rows are sharded.
 * NULL order needs no setting: both put NULLs last, ascending and descending, and every metric's
 * ORDER BY ends on a key that is never NULL. Integer division does not occur: every `/` in the metric
 * SQL has a DOUBLE operand.
 */
export const CLICKHOUSE_SETTINGS: Readonly<Record<string, string | number>> = {
  join_use_nulls: 1,
  aggregate_functions_null_for_empty: 1,
  cast_keep_nullable: 1,
  prefer_column_name_to_alias: 1,
  output_format_json_quote_64bit_integers: 0,
  output_format_json_quote_decimals: 0,
  distributed_product_mode: 'global',
};

export interface ClickHouseStatement {
  readonly sql: string;
  /** `{name:Type}` values, bound by the client (never pasted into the text). */
  readonly parameters: Readonly<Record<string, number | string>>;
}

/** The statement in ClickHouse's dialect, or null for a statement that has no meaning there. */
export function toClickHouse(sql: string, parameters: SqlParameters = {}): ClickHouseStatement | null {
  const text = sql
    .split('\n')
    .filter((line) => !/^\s*--/.test(line))
    .join('\n')
    .trim();
  if (text === '' || /^SET\s/i.test(text)) return null;
  const bound: Record<string, number | string> = {};
  const bind = (name: string, type: string, value: number | string) => {
    bound[name] = value;
    return `{${name}:${type}}`;
  };
  const value = (name: string) => {
    if (!Object.hasOwn(parameters, name)) throw new Error(`the statement uses $${name}, which is not given`);
    return parameters[name]!;
  };
  const out = text
    .replace(/^CREATE OR REPLACE TEMP TABLE (\S+) AS\b/i, 'CREATE OR REPLACE TEMPORARY TABLE $1 ENGINE = MergeTree ORDER BY tuple() AS')
    .replace(/CAST\(\$([A-Za-z_]\w*) AS DECIMAL\((\d+),\s*(\d+)\)\)/gi, (_, name: string, p: string, s: string) => `CAST(${bind(name, 'String', String(value(name)))} AS Decimal(${p}, ${s}))`)
    .replace(/\$([A-Za-z_]\w*)/g, (_, name: string) => {
      const v = value(name);
      return bind(name, typeof v === 'string' ? 'String' : Number.isInteger(v) ? 'Int64' : 'Float64', v);
    });
  return { sql: out, parameters: bound };
}
