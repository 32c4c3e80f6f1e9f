/**
 * Reads a build's claims.json (src/claims) as `unknown` and validates it into a frozen ClaimsRecord:
 * a file from another version or edited by hand gets a message naming the file, the path in it and
 * what was expected, never a crash later in the comparison.
 */
import { join } from 'node:path';
import type { FileSystem } from '../effects.ts';
import { ReportError } from '../errors.ts';
import { jsonSyntaxError } from '../base/json-position.ts';
import { LOCALES, type Locale } from '../base/yaml.ts';
import { deepFreeze } from '../metrics/metrics.ts';
import { CLAIMS_FORMAT, type ClaimsRecord, type ClaimValue, type DataClaim, type LocaleClaims, type Ranking, type SentenceClaim } from '../base/claims.ts';

export const CLAIMS_FILE = 'claims.json';

/** `where` is a build folder (holding claims.json) or a claims file itself. */
export async function readClaims(fs: FileSystem, where: string): Promise<ClaimsRecord> {
  const file = where.endsWith('.json') ? where : join(where, CLAIMS_FILE);
  if (!(await fs.exists(file))) throw ReportError.of('diff.no-claims', { where, file });
  const text = await fs.readText(file);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw jsonSyntaxError(file, text, error);
  }
  return deepFreeze(claimsRecord(doc, new Reader(file)));
}

/** Validation of one file: each check names the path it is at. */
class Reader {
  constructor(readonly file: string) {}

  fail(path: string, expected: string, got: unknown): never {
    const shown = got === undefined ? 'nothing' : JSON.stringify(got)?.slice(0, 60) ?? String(got);
    throw ReportError.of('input.field', { file: this.file, path, expected, got: shown });
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(path, 'an object', value);
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'a list', value);
    return value;
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string') this.fail(path, 'a string', value);
    return value;
  }

  number(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, 'a number', value);
    return value;
  }

  scalar(value: unknown, path: string): ClaimValue {
    if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
    return this.fail(path, 'a string, number, true/false or null', value);
  }

  /** An object whose every value is read by `item`. */
  record<T>(value: unknown, path: string, item: (v: unknown, path: string, key: string) => T): Record<string, T> {
    const source = this.object(value, path);
    return Object.fromEntries(Object.keys(source).map((k) => [k, item(source[k], `${path}.${k}`, k)]));
  }
}

function claimsRecord(doc: unknown, r: Reader): ClaimsRecord {
  const top = r.object(doc, '(document)');
  if (top.format !== CLAIMS_FORMAT) r.fail('format', `${CLAIMS_FORMAT} (rebuild it with this version's \`report build\`)`, top.format);
  const locales: Partial<Record<Locale, LocaleClaims>> = {};
  const given = r.object(top.locales, 'locales');
  for (const key of Object.keys(given)) {
    if (!LOCALES.includes(key as Locale)) r.fail(`locales.${key}`, `a locale (${LOCALES.join(', ')})`, key);
    locales[key as Locale] = localeClaims(given[key], `locales.${key}`, r);
  }
  return {
    format: CLAIMS_FORMAT,
    edition: r.string(top.edition, 'edition'),
    chapters: r.array(top.chapters, 'chapters').map((c, i) => r.string(c, `chapters[${i}]`)),
    locales,
    rankings: r.record(top.rankings, 'rankings', (v, path) => ranking(v, path, r)),
  };
}

function localeClaims(value: unknown, path: string, r: Reader): LocaleClaims {
  const o = r.object(value, path);
  return {
    sentences: r.record(o.sentences, `${path}.sentences`, (v, p, id) => sentence(v, p, id, r)),
    figures: r.record(o.figures, `${path}.figures`, (v, p) => dataClaim(v, p, r)),
    tables: r.record(o.tables, `${path}.tables`, (v, p) => dataClaim(v, p, r)),
  };
}

function sentence(value: unknown, path: string, id: string, r: Reader): SentenceClaim {
  const o = r.object(value, path);
  if (o.id !== id) r.fail(`${path}.id`, `its key, "${id}"`, o.id);
  return {
    id,
    chapter: r.string(o.chapter, `${path}.chapter`),
    key: r.string(o.key, `${path}.key`),
    text: r.string(o.text, `${path}.text`),
    values: r.record(o.values, `${path}.values`, (v, p) => r.scalar(v, p)),
  };
}

function dataClaim(value: unknown, path: string, r: Reader): DataClaim {
  const o = r.object(value, path);
  return {
    columns: r.array(o.columns, `${path}.columns`).map((c, i) => r.string(c, `${path}.columns[${i}]`)),
    rows: r.array(o.rows, `${path}.rows`).map((row, i) => r.array(row, `${path}.rows[${i}]`).map((c, j) => r.scalar(c, `${path}.rows[${i}][${j}]`))),
  };
}

function ranking(value: unknown, path: string, r: Reader): Ranking {
  const o = r.object(value, path);
  return {
    list: r.string(o.list, `${path}.list`),
    field: r.string(o.field, `${path}.field`),
    ranks: r.record(o.ranks, `${path}.ranks`, (v, p) => r.number(v, p)),
    names: r.record(o.names, `${path}.names`, (v, p) => r.record(v, p, (name, q) => r.string(name, q))),
  };
}
