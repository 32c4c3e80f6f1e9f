/**
 * Metric SQL lives in files named after the metric family (src/metrics/sql/<family>.sql). A file is a
 * list of statements: unnamed ones prepare shared tables, `-- name: key` ones return a result.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Row, SqlEngine, SqlParameters } from '../base/engine.ts';

export interface QueryFile {
  readonly family: string;
  readonly sha256: string;
  readonly statements: readonly Statement[];
}

export interface Statement {
  readonly name: string | null;
  readonly sql: string;
  /** The named parameters (`$name`) the statement uses, sorted. */
  readonly parameters: readonly string[];
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
    .map((sql) => Object.freeze({ name: /^--\s*name:\s*(\w+)/m.exec(sql)?.[1] ?? null, sql, parameters: Object.freeze(parametersOf(sql)) }));
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
    if (statement.name === null) await engine.run(statement.sql, given);
    else results[statement.name] = await engine.all(statement.sql, given);
  }
  return results;
}
