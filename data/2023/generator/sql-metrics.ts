/**
 * The key metrics of a generated dataset computed directly with DuckDB SQL, following the
 * definitions of docs/data-contract.md, in the shape of the metrics document (a subset). It lets the
 * generator be checked without the metrics engine; compare.ts reads either this or the engine's
 * document, so the two can be compared with the same targets.
 */
import { resolve } from 'node:path';
import type { Db } from './db.ts';

export type Row = Record<string, unknown>;
export interface Doc {
  papers?: Row & { by_year?: Row[] };
  collaboration?: Row;
  patents?: Row;
  talent?: Row;
  flows?: Row;
  topics?: Row[];
}

const TABLES = ['papers', 'paper_affiliations', 'institutions', 'patents', 'scholars', 'scholar_moves', 'topics', 'paper_topics', 'patent_topics', 'paper_citations_by_year'];

async function views(db: Db, dir: string): Promise<Set<string>> {
  const present = new Set<string>();
  for (const t of TABLES) {
    try {
      await db.run(`CREATE OR REPLACE VIEW ${t} AS SELECT * FROM read_parquet('${resolve(dir, `${t}.parquet`)}')`);
      await db.all(`SELECT 1 FROM ${t} LIMIT 1`);
      present.add(t);
    } catch {
      /* table not generated */
    }
  }
  return present;
}

const ROOTS = `CREATE OR REPLACE TEMP TABLE roots AS
  WITH RECURSIVE up(institution_id, root, depth) AS (
    SELECT institution_id, institution_id, 0 FROM institutions WHERE parent_id IS NULL
    UNION ALL SELECT i.institution_id, up.root, up.depth + 1 FROM institutions i JOIN up ON i.parent_id = up.institution_id WHERE up.depth < 20)
  SELECT r.institution_id, r.root, i.country FROM up r JOIN institutions i ON i.institution_id = r.root`;

const BAND = `CASE WHEN value_usd IS NULL THEN 'unknown' WHEN value_usd < 10000 THEN '0-10k' WHEN value_usd < 30000 THEN '10k-30k'
  WHEN value_usd < 300000 THEN '30k-300k' WHEN value_usd < 600000 THEN '300k-600k' WHEN value_usd < 3000000 THEN '600k-3M'
  WHEN value_usd < 20000000 THEN '3M-20M' ELSE '20M+' END`;

/** Inflow/outflow/total/net per key of the moves selected by `where`. */
const flowSql = (from: string, to: string, where: string, key: string) => `
  WITH m AS (SELECT ${from} AS f, ${to} AS t FROM scholar_moves WHERE ${where})
  SELECT x AS ${key}, sum(i) AS inflow, sum(o) AS outflow, sum(i) + sum(o) AS total, sum(i) - sum(o) AS net
  FROM (SELECT t AS x, 1 AS i, 0 AS o FROM m UNION ALL SELECT f, 0, 1 FROM m) GROUP BY x`;

export async function sqlMetrics(db: Db, dir: string): Promise<Doc> {
  const present = await views(db, dir);
  const doc: Doc = {};
  if (present.has('institutions')) await db.run(ROOTS);
  if (present.has('papers')) {
    await db.run(`CREATE OR REPLACE TEMP TABLE thr AS
      WITH r AS (SELECT year, citations, row_number() OVER (PARTITION BY year ORDER BY citations DESC) AS k, count(*) OVER (PARTITION BY year) AS n FROM papers)
      SELECT year, citations AS threshold FROM r WHERE k = ceil(n / 100.0)`);
    await db.run(`CREATE OR REPLACE TEMP TABLE flags AS
      SELECT p.*, (p.citations >= t.threshold AND p.citations >= 1) AS top1 FROM papers p JOIN thr t USING (year)`);
    await db.run(`CREATE OR REPLACE TEMP TABLE pc AS SELECT DISTINCT paper_id, country FROM paper_affiliations`);
    await db.run(`CREATE OR REPLACE TEMP TABLE pi AS SELECT DISTINCT a.paper_id, r.root AS institution_id, r.country FROM paper_affiliations a JOIN roots r USING (institution_id)`);
    const agg = `count(*) AS papers, avg(citations) AS avg_citations, count(*) FILTER (WHERE top1) AS top1, avg(citations) FILTER (WHERE top1) AS top1_avg_citations`;
    const tot = (await db.all(`SELECT count(*) AS total, count(*) FILTER (WHERE top1) AS top1_total FROM flags`))[0]!;
    doc.papers = {
      ...tot,
      top1_thresholds: await db.all(`SELECT year, threshold AS citations FROM thr ORDER BY year`),
      by_country: await db.all(`SELECT country, ${agg} FROM pc JOIN flags USING (paper_id) GROUP BY country`),
      by_institution: await db.all(`SELECT institution_id, any_value(country) AS country, ${agg} FROM pi JOIN flags USING (paper_id) GROUP BY institution_id`),
      by_year_country: await db.all(`SELECT year, country, count(*) AS papers, count(*) FILTER (WHERE top1) AS top1 FROM pc JOIN flags USING (paper_id) GROUP BY ALL`),
      by_year: await db.all(`SELECT year, count(*) AS papers FROM papers GROUP BY year`),
    };
    doc.collaboration = {
      pairs_by_year: await db.all(`SELECT a.country AS a, b.country AS b, f.year, count(*) AS top1_papers
        FROM flags f JOIN pc a USING (paper_id) JOIN pc b ON b.paper_id = a.paper_id AND a.country < b.country WHERE f.top1 GROUP BY ALL`),
    };
    doc.collaboration.pairs = Object.values(
      (doc.collaboration.pairs_by_year as Row[]).reduce<Record<string, Row>>((m, r) => {
        const k = `${r.a}-${r.b}`;
        m[k] = { a: r.a, b: r.b, top1_papers: Number(m[k]?.top1_papers ?? 0) + Number(r.top1_papers) };
        return m;
      }, {}),
    );
  }
  if (present.has('patents')) {
    await db.run(`CREATE OR REPLACE TEMP TABLE pf AS SELECT *, coalesce(value_usd >= 1000000, false) AS hv, ${BAND} AS band FROM patents`);
    const tot = (await db.all(`SELECT count(*) AS total, count(*) FILTER (WHERE hv) AS high_value_total FROM pf`))[0]!;
    doc.patents = {
      ...tot,
      by_country: await db.all(`SELECT country, count(*) AS patents, count(*) FILTER (WHERE hv) AS high_value FROM pf GROUP BY country`),
      by_assignee: await db.all(`SELECT r.root AS institution_id, any_value(r.country) AS country, count(*) AS patents, count(*) FILTER (WHERE hv) AS high_value
        FROM pf JOIN roots r ON r.institution_id = pf.assignee_id GROUP BY r.root`),
      by_year_country: await db.all(`SELECT year, country, count(*) AS patents, count(*) FILTER (WHERE hv) AS high_value FROM pf GROUP BY ALL`),
      value_bands: await db.all(`SELECT country, band, count(*) AS patents FROM pf GROUP BY ALL`),
    };
  }
  if (present.has('scholars')) {
    const hl = `count(*) FILTER (WHERE h_index >= 20)`;
    const tot = (await db.all(`SELECT count(*) AS total, ${hl} AS high_level_total FROM scholars`))[0]!;
    doc.talent = {
      ...tot,
      by_country: await db.all(`SELECT country, count(*) AS scholars, ${hl} AS high_level FROM scholars GROUP BY country`),
      by_institution: await db.all(`SELECT r.root AS institution_id, any_value(r.country) AS country, count(*) AS scholars, ${hl} AS high_level
        FROM scholars s JOIN roots r ON r.institution_id = s.institution_id GROUP BY r.root`),
      by_province: await db.all(`SELECT province, count(*) AS scholars, ${hl} AS high_level FROM scholars WHERE province IS NOT NULL GROUP BY province`),
    };
  }
  if (present.has('scholar_moves')) {
    doc.flows = {
      total_moves: (await db.all(`SELECT count(*) AS n FROM scholar_moves WHERE from_country <> to_country`))[0]!.n,
      by_country: await db.all(flowSql('from_country', 'to_country', 'from_country <> to_country', 'country')),
      by_city: await db.all(flowSql('from_city', 'to_city', 'from_city IS NOT NULL AND to_city IS NOT NULL AND from_city <> to_city', 'city')),
    };
  }
  if (present.has('topics') && doc.papers) doc.topics = await topicMetrics(db);
  return doc;
}

async function topicMetrics(db: Db): Promise<Row[]> {
  const tops = await db.all(`SELECT pt.topic_id, f.paper_id, f.year, f.doc_type FROM (SELECT DISTINCT paper_id, topic_id FROM paper_topics) pt JOIN flags f USING (paper_id) WHERE f.top1`);
  const pcs = await db.all(`SELECT pt.topic_id, a.country, count(DISTINCT pt.paper_id) AS n FROM (SELECT DISTINCT paper_id, topic_id FROM paper_topics) pt
      JOIN flags f USING (paper_id) JOIN pc a USING (paper_id) WHERE f.top1 GROUP BY ALL`);
  const ser = await db.all(`SELECT pt.topic_id, s.year, sum(s.citations) AS c FROM (SELECT DISTINCT paper_id, topic_id FROM paper_topics) pt
      JOIN flags f USING (paper_id) JOIN paper_citations_by_year s USING (paper_id) WHERE f.top1 GROUP BY ALL`);
  const pats = await db.all(`SELECT pt.topic_id, p.country, count(*) AS n, count(*) FILTER (WHERE p.value_usd >= 1000000) AS hv
      FROM (SELECT DISTINCT patent_id, topic_id FROM patent_topics) pt JOIN patents p USING (patent_id) GROUP BY ALL`);
  const ids = (await db.all(`SELECT topic_id FROM topics ORDER BY topic_id`)).map((r) => String(r.topic_id));
  const out: Row[] = ids.map((id) => {
    const mine = tops.filter((r) => r.topic_id === id);
    const rows = ser.filter((r) => r.topic_id === id);
    let raw: number | null = null;
    if (mine.length > 0 && rows.length > 0) {
      // Frontier index pieces (docs/data-contract.md): series from the first publication year to
      // the last year of the series, slope relative to the mean, raw = mean · e^S_trend.
      const y0 = Math.min(...mine.map((r) => Number(r.year)), ...rows.map((r) => Number(r.year)));
      const y1 = Math.max(...rows.map((r) => Number(r.year)));
      const c: number[] = [];
      for (let y = y0; y <= y1; y++) c.push(Number(rows.find((r) => Number(r.year) === y)?.c ?? 0));
      const total = c.reduce((a, b) => a + b, 0);
      const mean = total / c.length;
      const xm = (c.length - 1) / 2;
      let nu = 0;
      let de = 0;
      c.forEach((v, i) => { nu += (i - xm) * (v - mean); de += (i - xm) ** 2; });
      const s = c.length <= 1 || total === 0 ? 0 : nu / de / mean;
      raw = total === 0 ? null : mean * Math.exp(s);
    }
    const map = (rs: Row[], key: string) => Object.fromEntries(rs.filter((r) => r.topic_id === id && Number(r[key]) > 0).map((r) => [String(r.country), Number(r[key])]));
    const mp = pats.filter((r) => r.topic_id === id);
    return {
      topic_id: id,
      top1_papers: mine.length,
      reviews: mine.filter((r) => r.doc_type === 'review').length,
      top1_by_country: map(pcs, 'n'),
      avg_pub_year: mine.length ? mine.reduce((s, r) => s + Number(r.year), 0) / mine.length : null,
      patents: mp.reduce((s, r) => s + Number(r.n), 0),
      patents_by_country: map(pats, 'n'),
      high_value: mp.reduce((s, r) => s + Number(r.hv), 0),
      high_value_by_country: map(pats, 'hv'),
      raw,
    };
  });
  const max = Math.max(...out.map((r) => Number(r.raw ?? 0)));
  for (const r of out) r.frontier_index = r.raw === null ? null : Number(r.raw) / max;
  return out;
}
