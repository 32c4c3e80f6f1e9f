/**
 * Checks a generated dataset against data/2023/targets.yaml: computes the key metrics directly with
 * DuckDB SQL, following the definitions of the metrics issue (until the metrics engine can be run
 * on it), and compares every target. Prints matched/mismatched counts; exits 1 on any miss.
 *
 *   npx tsx src/generate/check.ts [--data .cache/data/2023]
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb, type Db } from './db.ts';
import { at, loadTargets, obj, target, val, type Raw, type Target } from './targets.ts';

export interface Result {
  id: string;
  expected: string;
  actual: string;
  ok: boolean;
  assumed: boolean;
}

type Row = Record<string, unknown>;

const num = (v: unknown): number => (v === null || v === undefined ? NaN : Number(v));

export class Checker {
  readonly results: Result[] = [];
  value(id: string, spec: unknown, actual: number): void {
    const t: Target = target(spec);
    const ok = t.digits === undefined ? actual === t.value : Number(actual.toFixed(t.digits)) === t.value;
    this.results.push({ id, expected: String(t.value), actual: t.digits === undefined ? String(actual) : actual.toFixed(Math.max(t.digits, 2)), ok, assumed: t.assumed });
  }
  /** The first positions of a ranking (by the computed values) equal the listed order. */
  rank(id: string, spec: unknown, ranking: readonly string[]): void {
    const o = spec as { order: string[]; published: number };
    const got = ranking.slice(0, o.order.length);
    this.results.push({ id, expected: o.order.join(' '), actual: got.join(' '), ok: got.join(' ') === o.order.join(' '), assumed: o.published < o.order.length });
  }
  truth(id: string, ok: boolean, actual: string, assumed = false): void {
    this.results.push({ id, expected: 'true', actual, ok, assumed });
  }
}

const tables = ['papers', 'paper_affiliations', 'institutions', 'patents', 'scholars', 'scholar_moves', 'topics', 'paper_topics', 'patent_topics', 'paper_citations_by_year'];

async function views(db: Db, dir: string): Promise<Set<string>> {
  const present = new Set<string>();
  for (const t of tables) {
    try {
      await db.run(`CREATE OR REPLACE VIEW ${t} AS SELECT * FROM read_parquet('${resolve(dir, `${t}.parquet`)}')`);
      await db.all(`SELECT 1 FROM ${t} LIMIT 1`);
      present.add(t);
    } catch {
      /* table not generated yet */
    }
  }
  return present;
}

const byKey = (rows: Row[], key: string) => new Map(rows.map((r) => [String(r[key]), r]));
const ranking = (rows: Row[], key: string, by: string) =>
  [...rows].sort((a, b) => num(b[by]) - num(a[by]) || String(a[key]).localeCompare(String(b[key]))).map((r) => String(r[key]));

export async function checkPapers(db: Db, t: Raw, c: Checker): Promise<void> {
  // Definitions of the metrics issue: yearly k = ceil(n/100), threshold = k-th citation count, ties in, >= 1.
  await db.run(`CREATE OR REPLACE TEMP TABLE thr AS
    WITH r AS (SELECT year, citations, row_number() OVER (PARTITION BY year ORDER BY citations DESC) AS k, count(*) OVER (PARTITION BY year) AS n FROM papers)
    SELECT year, citations AS threshold FROM r WHERE k = ceil(n / 100.0)`);
  await db.run(`CREATE OR REPLACE TEMP TABLE flags AS
    SELECT p.paper_id, p.year, p.citations, p.doc_type, (p.citations >= t.threshold AND p.citations >= 1) AS top1 FROM papers p JOIN thr t USING (year)`);
  await db.run(`CREATE OR REPLACE TEMP TABLE pc AS SELECT DISTINCT paper_id, country FROM paper_affiliations`);
  // Roll institutions up to their top-level parent.
  await db.run(`CREATE OR REPLACE TEMP TABLE roots AS
    WITH RECURSIVE up(institution_id, root, depth) AS (
      SELECT institution_id, institution_id, 0 FROM institutions WHERE parent_id IS NULL
      UNION ALL SELECT i.institution_id, up.root, up.depth + 1 FROM institutions i JOIN up ON i.parent_id = up.institution_id WHERE up.depth < 20)
    SELECT institution_id, root FROM up`);
  await db.run(`CREATE OR REPLACE TEMP TABLE pi AS SELECT DISTINCT a.paper_id, r.root AS institution_id FROM paper_affiliations a JOIN roots r USING (institution_id)`);
  const P = obj(t, 'papers');
  const tot = (await db.all(`SELECT count(*) AS n, count(*) FILTER (WHERE top1) AS top1 FROM flags`))[0]!;
  c.value('papers.total', P.total, num(tot.n));
  c.value('papers.top1_total', P.top1_total, num(tot.top1));
  const countries = await db.all(`SELECT country, count(*) AS papers, avg(citations) AS avg, count(*) FILTER (WHERE top1) AS top1,
      avg(citations) FILTER (WHERE top1) AS top1_avg FROM pc JOIN flags USING (paper_id) GROUP BY country`);
  const cm = byKey(countries, 'country');
  for (const [cc, spec] of Object.entries(obj(t, 'papers.by_country'))) {
    const row = cm.get(cc) ?? {};
    const s = spec as Raw;
    c.value(`papers.${cc}.papers`, s.papers, num(row.papers));
    if (s.avg_citations !== undefined) c.value(`papers.${cc}.avg_citations`, s.avg_citations, num(row.avg));
    c.value(`papers.${cc}.top1`, s.top1, num(row.top1));
    if (s.top1_avg_citations !== undefined) c.value(`papers.${cc}.top1_avg_citations`, s.top1_avg_citations, num(row.top1_avg));
  }
  const byPapers = ranking(countries, 'country', 'papers');
  c.rank('papers.rank_papers', P.rank_papers, byPapers);
  const top10 = countries.filter((r) => byPapers.slice(0, 10).includes(String(r.country)));
  c.rank('papers.rank_avg_citations_top10', P.rank_avg_citations_top10, ranking(top10, 'country', 'avg'));
  c.rank('papers.rank_top1', P.rank_top1, ranking(countries, 'country', 'top1'));
  // Yearly China/US series and crossing years.
  const yc = await db.all(`SELECT year, country, count(*) AS papers, count(*) FILTER (WHERE top1) AS top1 FROM pc JOIN flags USING (paper_id)
      WHERE country IN ('CN', 'US') GROUP BY year, country`);
  const ym = new Map(yc.map((r) => [`${r.country}-${r.year}`, r]));
  const yearly = obj(t, 'papers.yearly');
  const yt = await db.all(`SELECT year, count(*) AS n FROM papers GROUP BY year`);
  for (const [y, spec] of Object.entries(yearly.total as Raw)) c.value(`papers.yearly.total.${y}`, spec, num(yt.find((r) => String(r.year) === y)?.n));
  for (const cc of ['CN', 'US']) {
    for (const metric of ['papers', 'top1'] as const) {
      for (const [y, spec] of Object.entries((yearly[cc] as Raw)[metric] as Raw)) c.value(`papers.yearly.${cc}.${metric}.${y}`, spec, num(ym.get(`${cc}-${y}`)?.[metric]));
    }
  }
  const crossing = (metric: 'papers' | 'top1') => {
    const years = [...new Set(yc.map((r) => num(r.year)))].sort();
    const cnAhead = years.map((y) => num(ym.get(`CN-${y}`)?.[metric]) > num(ym.get(`US-${y}`)?.[metric]));
    const first = years.findIndex((_, i) => cnAhead.slice(i).every(Boolean) && cnAhead.slice(0, i).every((x) => !x));
    return first >= 0 ? years[first]! : NaN;
  };
  c.value('papers.crossing_year_papers', P.crossing_year_papers, crossing('papers'));
  c.value('papers.crossing_year_top1', P.crossing_year_top1, crossing('top1'));
  const thr = await db.all(`SELECT year, threshold FROM thr`);
  for (const [y, spec] of Object.entries(P.thresholds as Raw)) c.value(`papers.thresholds.${y}`, spec, num(thr.find((r) => String(r.year) === y)?.threshold));
  // Institutions (rolled up).
  const inst = await db.all(`SELECT institution_id, count(*) AS papers, avg(citations) AS avg, count(*) FILTER (WHERE top1) AS top1,
      avg(citations) FILTER (WHERE top1) AS top1_avg FROM pi JOIN flags USING (paper_id) GROUP BY institution_id`);
  const im = byKey(inst, 'institution_id');
  for (const [id, spec] of Object.entries(obj(t, 'papers.by_institution'))) {
    const row = im.get(id) ?? {};
    const s = spec as Raw;
    c.value(`papers.${id}.papers`, s.papers, num(row.papers));
    c.value(`papers.${id}.avg_citations`, s.avg_citations, num(row.avg));
    c.value(`papers.${id}.top1`, s.top1, num(row.top1));
    if (s.top1_avg_citations !== undefined) c.value(`papers.${id}.top1_avg_citations`, s.top1_avg_citations, num(row.top1_avg));
  }
  const instByPapers = ranking(inst, 'institution_id', 'papers');
  c.rank('papers.rank_institutions_papers', P.rank_institutions_papers, instByPapers);
  c.rank('papers.rank_institutions_avg_citations_top10', P.rank_institutions_avg_citations_top10,
    ranking(inst.filter((r) => instByPapers.slice(0, 10).includes(String(r.institution_id))), 'institution_id', 'avg'));
  const instByTop = ranking(inst, 'institution_id', 'top1');
  c.rank('papers.rank_institutions_top1', P.rank_institutions_top1, instByTop);
  c.rank('papers.rank_institutions_top1_avg_top10', P.rank_institutions_top1_avg_top10,
    ranking(inst.filter((r) => instByTop.slice(0, 10).includes(String(r.institution_id))), 'institution_id', 'top1_avg'));
  // Collaboration: unordered country pairs of top-1% papers, overall and China-US per year.
  const pairs = await db.all(`SELECT a.country || '-' || b.country AS pair, f.year, count(*) AS n
      FROM flags f JOIN pc a USING (paper_id) JOIN pc b ON b.paper_id = a.paper_id AND a.country < b.country
      WHERE f.top1 GROUP BY ALL`);
  const pairTotal = new Map<string, number>();
  for (const r of pairs) pairTotal.set(String(r.pair), (pairTotal.get(String(r.pair)) ?? 0) + num(r.n));
  const pairRanking = [...pairTotal.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  const C = obj(t, 'collaboration');
  for (const [key, spec] of Object.entries(C.pairs as Raw)) c.value(`collaboration.${key}`, spec, pairTotal.get(key) ?? 0);
  c.rank('collaboration.rank_pairs', { order: Object.keys(C.pairs as Raw), published: 10 }, pairRanking);
  const cnus = (y: string) => num(pairs.find((r) => r.pair === 'CN-US' && String(r.year) === y)?.n ?? 0);
  for (const [y, spec] of Object.entries(C.cn_us_yearly as Raw)) c.value(`collaboration.cn_us.${y}`, spec, cnus(y));
  c.value('collaboration.cn_us_growth_2021_percent', C.cn_us_growth_2021_percent, (cnus('2021') / cnus('2020') - 1) * 100);
  const peak = Object.keys(C.cn_us_yearly as Raw).reduce((a, b) => (cnus(b) > cnus(a) ? b : a));
  c.truth('collaboration.cn_us_peak_2020', peak === '2020', `peak ${peak}`);
}

export async function checkDataset(dir: string, t: Raw = loadTargets()): Promise<Checker> {
  const db = await openDb();
  const c = new Checker();
  try {
    const present = await views(db, dir);
    if (present.has('papers')) await checkPapers(db, t, c);
    const others = await import('./check-others.ts');
    await others.checkOthers(db, t, c, present);
  } finally {
    db.close();
  }
  return c;
}

export function report(c: Checker, verbose = false): string {
  const lines: string[] = [];
  const bad = c.results.filter((r) => !r.ok);
  for (const r of verbose ? c.results : bad) lines.push(`${r.ok ? 'ok  ' : 'MISS'} ${r.id}: expected ${r.expected}, got ${r.actual}${r.assumed ? ' (assumed)' : ''}`);
  const pub = c.results.filter((r) => !r.assumed);
  lines.push(`${c.results.length - bad.length} of ${c.results.length} targets reproduced (published: ${pub.filter((r) => r.ok).length} of ${pub.length}; assumed: ${c.results.length - pub.length})`);
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--data');
  const dir = i >= 0 ? process.argv[i + 1]! : '.cache/data/2023';
  const c = await checkDataset(dir);
  console.log(report(c, process.argv.includes('--verbose')));
  process.exitCode = c.results.every((r) => r.ok) ? 0 : 1;
}
export { at, val };
