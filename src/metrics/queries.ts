/**
 * Metric SQL lives in files named after the metric family (src/metrics/sql/<family>.sql). A file is a
 * list of statements: unnamed ones prepare shared tables, `-- name: key` ones return a result.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Row, SqlEngine } from './engine.ts';

export interface QueryFile {
  readonly family: string;
  readonly sha256: string;
  readonly statements: readonly { readonly name: string | null; readonly sql: string }[];
}

export function parseQueryFile(family: string, text: string): QueryFile {
  const statements = text
    .split(/;[ \t]*(?:\r?\n|$)/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.replace(/^--.*$/gm, '').trim() !== '')
    .map((sql) => ({ name: /^--\s*name:\s*(\w+)/m.exec(sql)?.[1] ?? null, sql }));
  const sha256 = createHash('sha256').update(text).digest('hex');
  return Object.freeze({ family, sha256, statements: Object.freeze(statements) });
}

export function readQueryFile(family: string): QueryFile {
  const url = new URL(`./sql/${family}.sql`, import.meta.url);
  return parseQueryFile(family, readFileSync(fileURLToPath(url), 'utf8'));
}

/** Runs a family's statements in order and returns each named result by its name. */
export async function runQueryFile(engine: SqlEngine, file: QueryFile): Promise<Record<string, Row[]>> {
  const results: Record<string, Row[]> = {};
  for (const statement of file.statements) {
    if (statement.name === null) await engine.run(statement.sql);
    else results[statement.name] = await engine.all(statement.sql);
  }
  return results;
}
