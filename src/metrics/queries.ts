/**
 * Metric SQL lives in files named after the metric family (src/metrics/sql/<family>.sql). A file is a
 * list of statements: unnamed ones prepare shared tables, `-- name: key` ones return a result.
 *
 * A preparing statement marked `-- for each <column> of <table>` is run once per distinct value of
 * that column, in ascending order, with the value bound as `$<column>`: e.g. an INSERT that adds one
 * year's rows at a time, so that a DISTINCT over all papers never holds every year's groups at once
 * (docs/scale.md, fifth pass). Both engines run it the same way; the loop is not SQL.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sqlIdent, type Row, type SqlEngine, type SqlParameters } from '../base/engine.ts';

export interface QueryFile {
  readonly family: string;
  readonly sha256: string;
  readonly statements: readonly Statement[];
}

export interface Statement {
  readonly name: string | null;
  readonly sql: string;
  /** The named parameters (`$name`) the statement uses and the metrics stage gives, sorted. */
  readonly parameters: readonly string[];
  /** `-- for each <column> of <table>`: run once per distinct value, bound as `$<column>`. */
  readonly each: { readonly column: string; readonly table: string } | null;
}

/** `-- for each year of papers`: the statement's loop, if it has one. */
function eachOf(sql: string): Statement['each'] {
  const m = /^--\s*for each (\w+) of (\w+)\s*$/m.exec(sql);
  return m ? Object.freeze({ column: m[1]!, table: m[2]! }) : null;
}

/** `$name` outside comments; `$1`-style positional parameters are not used by the metric SQL. */
function parametersOf(sql: string): string[] {
  const code = sql.replace(/--.*$/gm, '');
  return [...new Set([...code.matchAll(/\$([A-Za-z_]\w*)/g)].map((m) => m[1]!))].sort();
}

export function parseQueryFile(family: string, text: string): QueryFile {
  const statements = text
    .split(/;[ \t]*(?:\r?\n|$)/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.replace(/^--.*$/gm, '').trim() !== '')
    .map((sql) => {
      const name = /^--\s*name:\s*(\w+)/m.exec(sql)?.[1] ?? null;
      const each = eachOf(sql);
      if (each && name !== null) throw new Error(`${family}.sql: the named result "${name}" cannot be run "for each ${each.column}"`);
      const parameters = parametersOf(sql).filter((p) => p !== each?.column);
      return Object.freeze({ name, sql, parameters: Object.freeze(parameters), each });
    });
  const sha256 = createHash('sha256').update(text).digest('hex');
  return Object.freeze({ family, sha256, statements: Object.freeze(statements) });
}

export function readQueryFile(family: string): QueryFile {
  const url = new URL(`./sql/${family}.sql`, import.meta.url);
  return parseQueryFile(family, readFileSync(fileURLToPath(url), 'utf8'));
}

/** The parameters a file uses that `parameters` does not give, sorted. */
export function missingParameters(file: QueryFile, parameters: SqlParameters): string[] {
  return [...new Set(file.statements.flatMap((s) => s.parameters))].filter((p) => !Object.hasOwn(parameters, p)).sort();
}

/**
 * Runs a family's statements in order and returns each named result by its name. Each statement is
 * given the parameters it uses, and only those (an engine may refuse unused ones).
 */
export async function runQueryFile(engine: SqlEngine, file: QueryFile, parameters: SqlParameters = {}): Promise<Record<string, Row[]>> {
  const missing = missingParameters(file, parameters);
  if (missing.length > 0) throw new Error(`${file.family}.sql uses parameter(s) ${missing.map((p) => `$${p}`).join(', ')} that the metrics stage does not give`);
  const results: Record<string, Row[]> = {};
  for (const statement of file.statements) {
    const given = Object.fromEntries(statement.parameters.map((p) => [p, parameters[p]!]));
    if (statement.each) {
      const { column, table } = statement.each;
      const values = await engine.all<{ v: number | string }>(`SELECT DISTINCT ${sqlIdent(column)} AS v FROM ${sqlIdent(table)} ORDER BY v`);
      for (const { v } of values) await engine.run(statement.sql, { ...given, [column]: v });
    } else if (statement.name === null) await engine.run(statement.sql, given);
    else results[statement.name] = await engine.all(statement.sql, given);
  }
  return results;
}
