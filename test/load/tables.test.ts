/**
 * Bad input: each kind of contract violation stops the load with a message naming the file, the row
 * (line number for CSV and JSONL), the column, the value and what was expected. Each test starts from
 * the valid hand-made dataset and breaks one thing.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../src/effects.ts';
import { InputError, ReportError, ROWS_PER_KIND } from '../../src/errors.ts';
import { readManifest } from '../../src/load/manifest.ts';
import { parseDuckDbError } from '../../src/load/reader-errors.ts';
import { loadTables } from '../../src/load/tables.ts';
import { openDuckDb } from '../../src/base/engine.ts';
import { requiredTables } from '../../src/metrics/metrics.ts';
import { FIXTURES } from '../metrics/compute.ts';

/** A copy of the small dataset with some files replaced (text) or removed (null). */
function broken(changes: Record<string, string | null>): string {
  const dir = mkdtempSync(join(tmpdir(), 'broken-'));
  cpSync(`${FIXTURES}small`, dir, { recursive: true });
  for (const [name, text] of Object.entries(changes)) {
    if (text === null) rmSync(join(dir, name));
    else writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Loads `dir` and returns the problems it reports (fails the test when it loads). */
async function problems(dir: string): Promise<string[]> {
  const engine = await openDuckDb();
  try {
    const manifest = await readManifest(nodeFileSystem, dir);
    await loadTables(nodeFileSystem, engine, dir, manifest, requiredTables());
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => p.text.replace(`${dir}/`, ''));
    throw error;
  } finally {
    engine.close();
  }
  throw new Error('the dataset loaded without problems');
}

const PAPERS = 'paper_id,year,doc_type,citations\nP1,2020,article,10\nP2,2020,review,10\nP3,2020,article,4\nP4,2020,article,0\nP5,2020,article,1\nP6,2021,article,5\nP7,2021,review,3\nP8,2021,article,0\n';
const withPaper = (line: number, text: string) => {
  const lines = PAPERS.split('\n');
  lines[line - 1] = text;
  return lines.join('\n');
};

describe('loading a dataset', () => {
  it('loads the valid dataset', async () => {
    const engine = await openDuckDb();
    try {
      const dir = `${FIXTURES}small`;
      const tables = await loadTables(nodeFileSystem, engine, dir, await readManifest(nodeFileSystem, dir), requiredTables());
      expect(tables.map((t) => t.name)).toHaveLength(10);
      expect(await engine.all('SELECT typeof(year) AS t, typeof(citations) AS c FROM papers LIMIT 1')).toEqual([{ t: 'INTEGER', c: 'INTEGER' }]);
      // JSONL numbers arrive as BIGINT and are converted; the extra column of institutions.csv is dropped.
      expect(await engine.all('SELECT typeof(h_index) AS t FROM scholars LIMIT 1')).toEqual([{ t: 'INTEGER' }]);
      const columns = await engine.all<{ column_name: string }>('SELECT column_name FROM (DESCRIBE institutions)');
      // institution_key: the number the metrics join on (src/load/storage.ts).
      expect(columns.map((c) => c.column_name)).toEqual(['institution_id', 'name_zh', 'name_en', 'country', 'kind', 'parent_id', 'province', 'city', 'institution_key']);
      expect(await engine.all("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'raw_%'")).toEqual([]);
    } finally {
      engine.close();
    }
  });

  it('reports a missing table', async () => {
    expect(await problems(broken({ 'paper_affiliations.csv': null }))).toEqual([
      expect.stringMatching(/: table "paper_affiliations" is missing \(expected paper_affiliations\.csv, paper_affiliations\.jsonl or paper_affiliations\.parquet\)$/),
    ]);
  });

  it('requires all tables of an optional family once its anchor table is there', async () => {
    const found = await problems(broken({ 'paper_citations_by_year.csv': null, 'patent_topics.csv': null }));
    expect(found).toEqual([expect.stringContaining('table "paper_citations_by_year" is missing'), expect.stringContaining('table "patent_topics" is missing')]);
  });

  it('requires the tables an optional family points to: moves need scholars', async () => {
    expect(await problems(broken({ 'scholars.jsonl': null }))).toEqual([expect.stringContaining('table "scholars" is missing')]);
  });

  it('reports an empty dataset: every table of the papers family missing, all at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'empty-'));
    cpSync(`${FIXTURES}small/dataset.yaml`, join(dir, 'dataset.yaml'));
    expect(await problems(dir)).toEqual([
      expect.stringContaining('table "institutions" is missing'),
      expect.stringContaining('table "papers" is missing'),
      expect.stringContaining('table "paper_affiliations" is missing'),
    ]);
  });

  it('reports an empty table', async () => {
    const found = await problems(broken({ 'papers.csv': 'paper_id,year,doc_type,citations\n' }));
    expect(found[0]).toBe('papers.csv: the table has no rows');
    // Affiliations now point nowhere: reported too, in the same run.
    expect(found.slice(1).every((p) => p.includes('expected an existing papers.paper_id'))).toBe(true);
  });

  it('reports a missing column with the header it found', async () => {
    expect(await problems(broken({ 'papers.csv': 'paper_id,year,doc_type\nP1,2020,article\n' }))).toEqual([
      'papers.csv:1: column "citations" is missing (header has: paper_id, year, doc_type)',
    ]);
  });

  it('reports a wrong type with file, line, column, value and expectation', async () => {
    expect(await problems(broken({ 'papers.csv': withPaper(3, 'P2,2020,review,ten') }))).toEqual([
      'papers.csv:3: column "citations": "ten": expected a whole number ≥ 0',
    ]);
  });

  it('reports a negative count', async () => {
    expect(await problems(broken({ 'papers.csv': withPaper(4, 'P3,2020,article,-4') }))).toEqual([
      'papers.csv:4: column "citations": "-4": expected a whole number ≥ 0',
    ]);
  });

  it('reports a count too large for the whole numbers it is stored as, instead of failing to convert it', async () => {
    expect(await problems(broken({ 'papers.csv': withPaper(4, 'P3,2020,article,99999999999') }))).toEqual([
      'papers.csv:4: column "citations": "99999999999": expected a whole number ≥ 0, at most 2,147,483,647',
    ]);
  });

  it('reports a negative patent value', async () => {
    const patents = 'patent_id,year,country,assignee_id,value_usd\nT1,2020,US,,-1\n';
    const found = await problems(broken({ 'patents.csv': patents, 'patent_topics.csv': 'patent_id,topic_id\nT1,K1\n' }));
    expect(found).toEqual(['patents.csv:2: column "value_usd": "-1": expected a number ≥ 0']);
  });

  it('reports a duplicate id at its second occurrence', async () => {
    expect(await problems(broken({ 'papers.csv': `${PAPERS}P1,2021,article,0\n` }))).toEqual([
      'papers.csv:10: column "paper_id": "P1": expected a value not used by an earlier row (ids are unique)',
    ]);
  });

  it('reports an unknown country code', async () => {
    const found = await problems(broken({ 'paper_affiliations.csv': 'paper_id,institution_id,country\nP1,U1b,XX\nP2,U1,us\n' }));
    expect(found).toEqual([
      'paper_affiliations.csv:2: column "country": "XX": expected an ISO 3166-1 alpha-2 country code (e.g. CN, US)',
      'paper_affiliations.csv:3: column "country": "us": expected an ISO 3166-1 alpha-2 country code (e.g. CN, US)',
    ]);
  });

  it('reports dangling foreign keys: affiliation → institution, move → scholar, topic link → topic', async () => {
    const found = await problems(
      broken({
        'paper_affiliations.csv': 'paper_id,institution_id,country\nP1,NOPE,US\n',
        'scholar_moves.csv': 'scholar_id,year,from_country,to_country,from_city,to_city\nS9,2020,US,CN,,\n',
        'paper_topics.csv': 'paper_id,topic_id\nP1,K9\n',
      }),
    );
    expect(found).toEqual([
      'paper_affiliations.csv:2: column "institution_id": "NOPE": expected an existing institutions.institution_id',
      'paper_topics.csv:2: column "topic_id": "K9": expected an existing topics.topic_id',
      'scholar_moves.csv:2: column "scholar_id": "S9": expected an existing scholars.scholar_id',
    ]);
  });

  it('reports a parent_id cycle once, with the whole loop', async () => {
    const institutions = [
      'institution_id,name_zh,name_en,country,kind,parent_id,province,city',
      'U1,甲,A,US,university,U1b,,', // U1 → U1b → U1a → U1
      'U1a,乙,B,US,university,U1,,',
      'U1b,丙,C,US,institute,U1a,,',
      'C1,丁,D,CN,university,,,',
      'C1a,戊,E,CN,university,C1,,',
      'G1,己,F,GB,company,G1,,', // its own parent
      'D1,庚,G,DE,government,,,',
    ].join('\n');
    expect(await problems(broken({ 'institutions.csv': institutions }))).toEqual([
      'institutions.csv:2: column "parent_id": "U1b": expected a parent chain that ends at a top-level institution, not the cycle U1 → U1b → U1a → U1',
      'institutions.csv:7: column "parent_id": "G1": expected a parent chain that ends at a top-level institution, not the cycle G1 → G1',
    ]);
  });

  it('leaves a year outside the manifest range out rather than refusing it (see window.test.ts)', async () => {
    const engine = await openDuckDb();
    try {
      const dir = broken({ 'papers.csv': withPaper(2, 'P1,2019,article,10') });
      const tables = await loadTables(nodeFileSystem, engine, dir, await readManifest(nodeFileSystem, dir), requiredTables());
      expect(tables.find((t) => t.name === 'papers')).toMatchObject({ rows: 8, outsideWindow: 1 });
      // paper_id is stored as a hash key (storage.ts): P1 is the one paper left out.
      expect(await engine.all("SELECT count(*)::INTEGER AS n FROM papers WHERE paper_id = hash('P1')")).toEqual([{ n: 0 }]);
      expect(await engine.all('SELECT count(*)::INTEGER AS n FROM papers')).toEqual([{ n: 7 }]);
    } finally {
      engine.close();
    }
  });

  it('names the line of a JSONL row and reports an empty required value', async () => {
    const scholars = [
      '{"scholar_id": "S1", "country": "US", "institution_id": null, "h_index": 3, "province": null, "city": null}',
      '{"scholar_id": "S2", "country": "US", "institution_id": null, "h_index": -2, "province": null, "city": null}',
      '{"scholar_id": "S3", "country": null, "institution_id": null, "h_index": 1, "province": null, "city": null}',
    ].join('\n');
    const moves = 'scholar_id,year,from_country,to_country,from_city,to_city\nS1,2020,US,CN,,\n';
    expect(await problems(broken({ 'scholars.jsonl': scholars, 'scholar_moves.csv': moves }))).toEqual([
      'scholars.jsonl:3: column "country": empty: expected an ISO 3166-1 alpha-2 country code (e.g. CN, US) (the column may not be empty)',
      'scholars.jsonl:2: column "h_index": "-2": expected a whole number ≥ 0',
    ]);
  });

  it('counts an id of space separators only as empty (trim removes U+0020, U+00A0, U+3000), not one with a tab or a leading space', async () => {
    const rows = PAPERS.trim().split('\n').slice(1).map((line) => {
      const [paper_id, year, doc_type, citations] = line.split(',');
      return { paper_id, year: Number(year), doc_type, citations: Number(citations) };
    });
    for (const paper_id of ['  ', '\u3000', '\u00a0 ', '\t', ' P9', '\u00e9']) rows.push({ paper_id, year: 2021, doc_type: 'article', citations: 0 });
    const papers = rows.map((r) => JSON.stringify(r)).join('\n');
    const found = await problems(broken({ 'papers.csv': null, 'papers.jsonl': papers }));
    expect(found.filter((p) => p.includes('may not be empty')).map((p) => p.split(':').slice(0, 2).join(':'))).toEqual(['papers.jsonl:9', 'papers.jsonl:10', 'papers.jsonl:11']);
  });

  it('checks Parquet tables with typed columns, naming the row', async () => {
    const dir = broken({ 'papers.csv': null });
    const engine = await openDuckDb();
    try {
      // Parquet keeps the columns' types: year and citations arrive as integers, value checks still apply.
      await engine.run(`COPY (SELECT * FROM (VALUES ('P1', 2020, 'article', 10), ('P2', 2020, 'review', 10), ('P3', 2019, 'article', -4),
        ('P4', 2020, 'article', 0), ('P5', 2020, 'article', 1), ('P6', 2021, 'article', 5), ('P7', 2021, 'review', 3), ('P8', 2021, 'article', 0))
        t(paper_id, year, doc_type, citations)) TO '${join(dir, 'papers.parquet')}' (FORMAT parquet)`);
    } finally {
      engine.close();
    }
    expect(await problems(dir)).toEqual(['papers.parquet: row 3: column "citations": "-4": expected a whole number ≥ 0']);
  });

  it('reports problems by kind: each kind counted, its first rows listed', async () => {
    const many = ['paper_id,year,doc_type,citations', ...Array.from({ length: 80 }, (_, i) => `Q${i},2020,letter,1`)].join('\n');
    const engine = await openDuckDb();
    const dir = broken({ 'papers.csv': many, 'paper_affiliations.csv': 'paper_id,institution_id,country\nQ1,U1,US\n' });
    try {
      await loadTables(nodeFileSystem, engine, dir, await readManifest(nodeFileSystem, dir), requiredTables());
      expect.unreachable();
    } catch (error) {
      const e = error as InputError;
      // 80 bad doc_types, plus the topic links (7) and citation rows (8) of papers P1…P8, now gone.
      expect(e.kinds.map((k) => [k.heading?.replace(`${dir}/`, ''), k.count, k.problems.length])).toEqual([
        ['papers.csv: column "doc_type": expected one of article, review', 80, ROWS_PER_KIND],
        ['paper_topics.csv: column "paper_id": expected an existing papers.paper_id', 7, ROWS_PER_KIND],
        ['paper_citations_by_year.csv: column "paper_id": expected an existing papers.paper_id', 8, ROWS_PER_KIND],
      ]);
      expect(e.total).toBe(80 + 7 + 8);
      const lines = e.message.replaceAll(`${dir}/`, '').split('\n');
      expect(lines.slice(0, 4)).toEqual([
        'The dataset breaks its contract in 95 place(s) of 3 kind(s); nothing was written:',
        '  papers.csv: column "doc_type": expected one of article, review: 80 rows, the first 5:',
        '    papers.csv:2: column "doc_type": "letter": expected one of article, review',
        '    papers.csv:3: column "doc_type": "letter": expected one of article, review',
      ]);
      expect(lines).toHaveLength(1 + 3 * (1 + ROWS_PER_KIND));
    } finally {
      engine.close();
    }
  });

  it('lists a missing column first, among thousands of bad years', async () => {
    const years = ['paper_id,year,doc_type,citations', ...Array.from({ length: 3000 }, (_, i) => `Q${i},${i % 2 ? '20x1' : 'MMXX'},article,1`)];
    const dir = broken({
      'papers.csv': years.join('\n'),
      'paper_affiliations.csv': 'paper_id,institution_id,country\nQ1,U1,US\n',
      'paper_topics.csv': 'paper_id,topic_id\nQ1,K1\n',
      'paper_citations_by_year.csv': 'paper_id,year,citations\nQ1,2020,1\n',
      'patents.csv': 'patent_id,year,country,assignee_id\nT1,2020,US,\n',
    });
    const engine = await openDuckDb();
    try {
      const error = await loadTables(nodeFileSystem, engine, dir, await readManifest(nodeFileSystem, dir), requiredTables()).then(() => null, (e: unknown) => e as InputError);
      const lines = error!.message.replaceAll(`${dir}/`, '').split('\n');
      expect(lines.slice(0, 4)).toEqual([
        'The dataset breaks its contract in 3,001 place(s) of 2 kind(s); nothing was written:',
        '  patents.csv:1: column "value_usd" is missing (header has: patent_id, year, country, assignee_id)',
        '  papers.csv: column "year": expected a whole number: 3,000 rows, the first 5:',
        '    papers.csv:2: column "year": "MMXX": expected a whole number',
      ]);
      expect(lines).toHaveLength(3 + ROWS_PER_KIND);
    } finally {
      engine.close();
    }
  });

  it('reports two tables given twice', async () => {
    const dir = broken({});
    writeFileSync(join(dir, 'topics.jsonl'), '{"topic_id": "K1"}\n');
    expect(await problems(dir)).toEqual([expect.stringContaining('table "topics" is given twice (topics.csv, topics.jsonl); keep one')]);
  });
});

describe('a dataset folder holds regular files only', () => {
  it('refuses a table that is a folder, by name', async () => {
    const dir = broken({ 'topics.csv': null });
    mkdirSync(join(dir, 'topics.csv'));
    expect(await problems(dir)).toEqual(['topics.csv: a folder, not a regular file; a dataset folder may hold regular files only (links are not followed)']);
  });

  it('refuses a symbolic link without reading what it points to', async () => {
    const dir = broken({ 'papers.csv': null });
    symlinkSync('/etc/passwd', join(dir, 'papers.csv'));
    const found = await problems(dir);
    expect(found[0]).toBe('papers.csv: a symbolic link to /etc/passwd, not a regular file; a dataset folder may hold regular files only (links are not followed)');
    expect(found.join('\n')).not.toMatch(/root:/);
  });

  it('refuses a link even to a good copy of the table inside the folder', async () => {
    const dir = broken({});
    cpSync(join(dir, 'topics.csv'), join(dir, 'topics.copy'));
    rmSync(join(dir, 'topics.csv'));
    symlinkSync('topics.copy', join(dir, 'topics.csv'));
    expect(await problems(dir)).toEqual([expect.stringMatching(/^topics\.csv: a symbolic link to topics\.copy, not a regular file/)]);
  });

  it('refuses a dangling link instead of dropping its optional table', async () => {
    // scholar_moves is the anchor of an optional family: a missing file would leave the family out.
    const dir = broken({ 'scholar_moves.csv': null });
    symlinkSync(join(dir, 'nowhere.csv'), join(dir, 'scholar_moves.csv'));
    expect(await problems(dir)).toEqual([
      `scholar_moves.csv: a symbolic link to ${join(dir, 'nowhere.csv')}, which does not exist, not a regular file; a dataset folder may hold regular files only (links are not followed)`,
    ]);
  });

  it('refuses a dataset.yaml that is a link or a folder', async () => {
    const linked = broken({});
    rmSync(join(linked, 'dataset.yaml'));
    symlinkSync('/etc/hostname', join(linked, 'dataset.yaml'));
    await expect(readManifest(nodeFileSystem, linked)).rejects.toThrow(new ReportError('data.not-regular', `${join(linked, 'dataset.yaml')}: a symbolic link to /etc/hostname, not a regular file; a dataset folder may hold regular files only (links are not followed)`));
    const folder = broken({ 'dataset.yaml': null });
    mkdirSync(join(folder, 'dataset.yaml'));
    await expect(readManifest(nodeFileSystem, folder)).rejects.toThrow(/dataset\.yaml: a folder, not a regular file/);
  });
});

describe('a file the engine cannot read', () => {
  const EXPECTED_CSV = 'expected UTF-8 text, comma-separated, a header row, the same number of fields on every line, and fields holding commas, quotes or line breaks in double quotes ("" for a quote inside)';

  it('names the real line of an over-long field (line 7, not DuckDB\'s line 1) and the cause', async () => {
    const lines = PAPERS.split('\n');
    lines[6] = `P6,2021,article,${'9'.repeat(3_000_000)}`;
    const dir = broken({ 'papers.csv': lines.join('\n') });
    const found = await problems(dir);
    expect(found[0]).toBe(
      'papers.csv:7: cannot be read as CSV: the line has 3,000,016 bytes, more than the reader\'s limit of 2,000,000 bytes per line (DuckDB: "Maximum line size exceeded"); expected lines of at most 2,000,000 bytes (a line this long is usually an unclosed quote or binary data)',
    );
    expect(found[0]!.length).toBeLessThan(400);
    // DuckDB's own error stays the cause, whole, for --debug.
    const engine = await openDuckDb();
    try {
      const error = await loadTables(nodeFileSystem, engine, dir, await readManifest(nodeFileSystem, dir), requiredTables()).then(() => null, (e: unknown) => e as InputError);
      expect(error!.problems[0]!.cause).toBeInstanceOf(Error);
      expect(String((error!.cause as Error).message)).toMatch(/Maximum line size of 2000000 bytes exceeded/);
    } finally {
      engine.close();
    }
  });

  it('names the line DuckDB gives, with its whole reason: a row with an extra field', async () => {
    const many = ['paper_id,year,doc_type,citations', ...Array.from({ length: 3000 }, (_, i) => `Q${i},2020,article,1`)];
    many[2500] = 'Q2499,2020,article,1,extra';
    expect((await problems(broken({ 'papers.csv': many.join('\n') })))[0]).toBe(`papers.csv:2501: cannot be read as CSV: Expected Number of Columns: 4 Found: 5; ${EXPECTED_CSV}`);
  });

  it('finds the line behind "Error when sniffing file": an unclosed quote', async () => {
    expect((await problems(broken({ 'papers.csv': withPaper(4, 'P3,"2020,article,4') })))[0]).toBe(
      `papers.csv:4: cannot be read as CSV: DuckDB could not detect the CSV layout ("Error when sniffing file"): Value with unterminated quote found.; ${EXPECTED_CSV}`,
    );
  });

  it('names the line of bytes that are not UTF-8', async () => {
    const dir = broken({});
    writeFileSync(join(dir, 'papers.csv'), Buffer.concat([Buffer.from(PAPERS), Buffer.from([0x50, 0x39, 0x2c, 0xff, 0xfe, 0x2c, 0x61, 0x2c, 0x31, 0x0a])]));
    expect((await problems(dir))[0]).toMatch(/^papers\.csv:10: cannot be read as CSV: Invalid unicode \(byte sequence mismatch\) detected\. This file is not utf-8 encoded\.; expected UTF-8/);
  });

  it('says so when a sniffing failure has no line to find', () => {
    const duckdb = 'Invalid Input Error: Error when sniffing file "x.csv".\nIt was not possible to automatically detect the CSV parsing dialect\nPossible fixes:\n* Set comment\n\nLINE 1: CREATE …';
    expect(parseDuckDbError(duckdb)).toEqual({ line: null, cause: 'Error when sniffing file "x.csv".; It was not possible to automatically detect the CSV parsing dialect' });
  });

  it('passes the line of a JSONL error on, and says so when DuckDB gives none', async () => {
    const dir = broken({ 'papers.csv': null });
    writeFileSync(join(dir, 'papers.jsonl'), '{"paper_id": "P1", "year": 2020}\n{"paper_id": "P2", "year": 2020\n{"paper_id": "P3"}\n');
    const [found] = await problems(dir);
    expect(found).toMatch(/^papers\.jsonl:3: cannot be read as JSON lines: Malformed JSON in file ".*papers\.jsonl", at byte \d+ in line 3: .+; expected UTF-8 text with one JSON object per line$/);
    expect(found).not.toMatch(/LINE 1|read_json|Possible/);
    const parquet = broken({ 'papers.csv': null });
    writeFileSync(join(parquet, 'papers.parquet'), 'not parquet at all');
    expect((await problems(parquet))[0]).toMatch(/^papers\.parquet: cannot be read as Parquet \(DuckDB does not say on which line\): .+; expected a Parquet file$/);
  });
});
