/**
 * The typed tables' stored form (src/load/storage.ts): low-cardinality text as ENUMs sorted as the
 * text sorts, ids as hash keys, unread columns dropped; the values the metrics read, their joins and
 * their order are those of the text.
 */
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../src/effects.ts';
import { readManifest } from '../../src/load/manifest.ts';
import { loadTables } from '../../src/load/tables.ts';
import { openDuckDb, type SqlEngine } from '../../src/base/engine.ts';
import { computeMetrics, requiredTables } from '../../src/metrics/metrics.ts';
import { storedColumns } from '../../src/load/storage.ts';
import { datasetDir, FIXTURES, metricsOf } from '../metrics/compute.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

async function loaded<T>(dir: string, work: (engine: SqlEngine) => Promise<T>): Promise<T> {
  const engine = await openDuckDb();
  try {
    await loadTables(nodeFileSystem, engine, dir, await readManifest(nodeFileSystem, dir), requiredTables());
    return await work(engine);
  } finally {
    engine.close();
  }
}

const typeOf = async (engine: SqlEngine, table: string, column: string) =>
  ((await engine.all<{ t: string }>(`SELECT column_type AS t FROM (DESCRIBE ${table}) WHERE column_name = '${column}'`))[0]?.t ?? null);

describe('stored form of the typed tables', () => {
  it('stores ids as hash keys and text codes as ENUMs, and drops what no metric reads', async () => {
    await loaded(`${FIXTURES}small`, async (engine) => {
      for (const [table, column] of [
        ['papers', 'paper_id'],
        ['paper_affiliations', 'paper_id'],
        ['paper_topics', 'paper_id'],
        ['paper_citations_by_year', 'paper_id'],
        ['patents', 'patent_id'],
        ['patent_topics', 'patent_id'],
        ['institutions', 'institution_key'],
        ['institutions', 'parent_id'],
        ['paper_affiliations', 'institution_id'],
        ['patents', 'assignee_id'],
        ['scholars', 'institution_id'],
      ]) {
        expect(await typeOf(engine, table!, column!), `${table}.${column}`).toBe('UBIGINT');
      }
      // Printed: the institutions keep their text ids.
      expect(await typeOf(engine, 'institutions', 'institution_id')).toBe('VARCHAR');
      for (const [table, column] of [['papers', 'doc_type'], ['paper_affiliations', 'country'], ['institutions', 'kind'], ['institutions', 'country'], ['scholar_moves', 'to_country']]) {
        expect(await typeOf(engine, table!, column!), `${table}.${column}`).toMatch(/^ENUM\(/);
      }
      // A missing parent or assignee stays missing.
      expect(await engine.all('SELECT count(*)::INTEGER AS n FROM institutions WHERE parent_id IS NULL')).toEqual(
        await engine.all('SELECT count(*)::INTEGER AS n FROM institutions i WHERE NOT EXISTS (SELECT 1 FROM institutions p WHERE p.institution_key = i.parent_id)'),
      );
      expect(await typeOf(engine, 'scholars', 'scholar_id')).toBeNull();
      expect(await typeOf(engine, 'scholar_moves', 'year')).toBeNull();
      // Every affiliation still finds its paper and its institution.
      const [joined] = await engine.all<{ a: number; j: number }>(
        `SELECT (SELECT count(*) FROM paper_affiliations)::INTEGER AS a,
                (SELECT count(*) FROM paper_affiliations a JOIN papers USING (paper_id) JOIN institutions i ON i.institution_key = a.institution_id)::INTEGER AS j`,
      );
      expect(joined!.j).toBe(joined!.a);
    });
  });

  it('orders and compares the ENUMs as the text they stand for, and reads them back as that text', async () => {
    const dir = datasetDir({
      'institutions.csv': 'institution_id,name_zh,name_en,country,kind,parent_id,province,city\nb10,乙,B,US,university,,,\na2,甲,A,CN,other,,,\nb9,丙,C,DE,company,b10,,\nB1,丁,D,GB,government,,,\n',
      'papers.csv': 'paper_id,year,doc_type,citations\nP1,2020,review,3\nP2,2020,article,1\n',
      'paper_affiliations.csv': 'paper_id,institution_id,country\nP1,b10,US\nP1,a2,CN\nP2,b9,DE\nP2,B1,GB\n',
    });
    await loaded(dir, async (engine) => {
      const countries = await engine.all<{ c: string }>('SELECT country AS c FROM paper_affiliations ORDER BY country');
      expect(countries.map((r) => r.c)).toEqual(['CN', 'DE', 'GB', 'US']);
      const kinds = await engine.all<{ k: string }>('SELECT kind AS k FROM institutions ORDER BY kind');
      expect(kinds.map((r) => r.k)).toEqual(['company', 'government', 'other', 'university']);
      expect(await engine.all("SELECT count(*)::INTEGER AS n FROM paper_affiliations WHERE country < 'GB'")).toEqual([{ n: 2 }]);
      expect(await engine.all("SELECT count(*)::INTEGER AS n FROM papers WHERE doc_type = 'review'")).toEqual([{ n: 1 }]);
      // The hand-over exports the ENUMs as text and the keys as numbers.
      expect((await storedColumns(engine, 'paper_affiliations')).map((c) => c.column)).toEqual([
        { name: 'paper_id', type: 'UBIGINT', nullable: false },
        { name: 'institution_id', type: 'UBIGINT', nullable: false },
        { name: 'country', type: 'VARCHAR', nullable: false },
      ]);
    });
  });

  it('keeps the text ids of a table whose ids share a hash, with the same metrics', async () => {
    const dir = `${FIXTURES}small`;
    const expected = await metricsOf(dir);
    const engine = await openDuckDb();
    try {
      // An engine on which every paper id hashes alike in the load's checks: distinct ids sharing a hash.
      const same = (sql: string) => sql.replaceAll('hash(CAST("paper_id" AS VARCHAR))', '0::UBIGINT');
      const colliding: SqlEngine = { ...engine, run: (sql, p) => engine.run(same(sql), p), all: (sql, p) => engine.all(same(sql), p) };
      const manifest = await readManifest(nodeFileSystem, dir);
      const tables = await loadTables(nodeFileSystem, colliding, dir, manifest, requiredTables());
      expect(await typeOf(engine, 'papers', 'paper_id')).toBe('VARCHAR');
      expect(await typeOf(engine, 'paper_affiliations', 'paper_id')).toBe('VARCHAR');
      expect(await typeOf(engine, 'patents', 'patent_id')).toBe('UBIGINT');
      expect(await computeMetrics(engine, manifest, tables, DEFINITIONS_2023)).toEqual(expected);
    } finally {
      engine.close();
    }
  });
});
