/**
 * Expands the paper plan into the papers and paper_affiliations tables with DuckDB. Top-1% papers
 * come from the plan row by row; the other papers from groups, each group's citation total split
 * over its papers with heavy-tailed weights (largest remainder keeps the total exact).
 */
import { SEED } from './config.ts';
import { U, loadFlatPicks, type Db } from './db.ts';
import type { PaperPlan } from './papers-plan.ts';

export async function writePaperTables(db: Db, plan: PaperPlan): Promise<void> {
  await db.load('plan_groups', [['gid', 'INTEGER'], ['year', 'INTEGER'], ['n', 'INTEGER'], ['s', 'BIGINT'], ['wmax', 'DOUBLE']],
    plan.groups.map((g) => [g.gid, g.year, g.count, g.sum, g.sum > 0 ? Math.max(1e-9, (0.6 * g.cap * g.count) / g.sum) : 1]));
  // Pick lists as one flat array joined on an integer index: far faster than indexing a list per
  // row or joining on (text key, slot).
  const where = await loadFlatPicks(db, 'plan_picks', plan.picks);
  await db.load('plan_entries', [['gid', 'INTEGER'], ['pos', 'INTEGER'], ['country', 'VARCHAR'], ['base', 'INTEGER'], ['n', 'INTEGER']],
    plan.groups.flatMap((g) => g.countries.map((c, pos) => [g.gid, pos, c, where.get(g.keys[pos]!)!.base, where.get(g.keys[pos]!)!.n])));
  await db.load('plan_top', [['tid', 'INTEGER'], ['year', 'INTEGER'], ['citations', 'INTEGER'], ['review', 'BOOLEAN']],
    plan.top.map((p, i) => [i, p.year, p.citations, p.review]));
  await db.load('plan_top_aff', [['tid', 'INTEGER'], ['pos', 'INTEGER'], ['country', 'VARCHAR'], ['institution_id', 'VARCHAR']],
    plan.top.flatMap((p, i) => p.countries.map((c, pos) => [i, pos, c, p.units[pos]!])));

  // Citations of the other papers: weights w >= 1 from a Pareto tail, capped at wmax so that no paper
  // reaches its year's threshold (x <= mean * wmax = 0.6 * cap), then an exact integer split of s.
  await db.run(`
    CREATE OR REPLACE TABLE nt AS
    WITH r AS (SELECT gid, year, s, wmax, unnest(range(n)) AS i FROM plan_groups),
    w AS (SELECT *, least(pow(1.0 - ${U(String(SEED), "'cit'", 'gid', 'i')}, -0.6), greatest(wmax, 1e-9)) AS w FROM r),
    x AS (SELECT *, s * w / sum(w) OVER (PARTITION BY gid) AS x FROM w),
    f AS (SELECT *, floor(x)::BIGINT AS fl, x - floor(x) AS fr FROM x),
    c AS (SELECT *, s - sum(fl) OVER (PARTITION BY gid) AS deficit,
                 row_number() OVER (PARTITION BY gid ORDER BY fr DESC, i) AS rk FROM f)
    SELECT gid, i, year, (fl + CASE WHEN rk <= deficit THEN 1 ELSE 0 END)::INTEGER AS citations,
           ${U(String(SEED), "'rev'", 'gid', 'i')} < 0.04 AS review
    FROM c`);
  // Paper ids: all papers ordered by year, then by a hash, so top papers are not bunched together.
  await db.run(`
    CREATE OR REPLACE TABLE all_papers AS
    WITH u AS (
      SELECT 'n' AS kind, gid AS a, i AS b, year, citations, review FROM nt
      UNION ALL SELECT 't', tid, 0, year, citations, review FROM plan_top)
    SELECT 'P' || lpad((row_number() OVER (ORDER BY year, hash(${SEED}, kind, a, b), kind, a, b))::VARCHAR, 7, '0') AS paper_id,
           kind, a, b, year, CASE WHEN review THEN 'review' ELSE 'article' END AS doc_type, citations
    FROM u`);
  await db.run(`
    CREATE OR REPLACE TABLE all_affiliations AS
    WITH entries AS (
      SELECT p.paper_id, p.a, p.b, e.pos, e.country, e.base, e.n
      FROM (SELECT * FROM all_papers WHERE kind = 'n') p JOIN plan_entries e ON e.gid = p.a),
    -- A second institution of the same country on one paper in five (two campuses of one system,
    -- or two generic institutions): counts must then be of distinct papers, as the contract says.
    slots AS (
      SELECT paper_id, country, base + (hash(${SEED}, 'inst', a, b, pos) % n)::INTEGER AS slot1,
             CASE WHEN n > 1 AND hash(${SEED}, 'second', a, b, pos) % 5 = 0 THEN base + (hash(${SEED}, 'inst2', a, b, pos) % n)::INTEGER END AS slot2
      FROM entries),
    picked AS (
      SELECT s.paper_id, s.country, k1.institution_id AS i1, k2.institution_id AS i2
      FROM slots s JOIN plan_picks k1 ON k1.idx = s.slot1
      LEFT JOIN plan_picks k2 ON k2.idx = s.slot2)
    SELECT paper_id, i1 AS institution_id, country FROM picked
    -- One row per paper and institution: a second pick equal to the first adds nothing.
    UNION ALL SELECT paper_id, i2, country FROM picked WHERE i2 IS NOT NULL AND i2 <> i1
    UNION ALL
    SELECT p.paper_id, t.institution_id, t.country
    FROM (SELECT * FROM all_papers WHERE kind = 't') p JOIN plan_top_aff t ON t.tid = p.a`);
}
