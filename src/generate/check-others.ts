/** Checks of the patent, talent, flow and topic targets, by the definitions of the metrics issue. */
import type { Db } from './db.ts';
import type { Checker } from './check.ts';
import { obj, val, type Raw } from './targets.ts';

type Row = Record<string, unknown>;
const num = (v: unknown): number => (v === null || v === undefined ? NaN : Number(v));
const byKey = (rows: Row[], key: string) => new Map(rows.map((r) => [String(r[key]), r]));
const ranking = (rows: Row[], key: string, by: string) =>
  [...rows].sort((a, b) => num(b[by]) - num(a[by]) || String(a[key]).localeCompare(String(b[key]))).map((r) => String(r[key]));

export const ROOTS_SQL = `CREATE OR REPLACE TEMP TABLE roots AS
    WITH RECURSIVE up(institution_id, root, depth) AS (
      SELECT institution_id, institution_id, 0 FROM institutions WHERE parent_id IS NULL
      UNION ALL SELECT i.institution_id, up.root, up.depth + 1 FROM institutions i JOIN up ON i.parent_id = up.institution_id WHERE up.depth < 20)
    SELECT institution_id, root FROM up`;

async function checkPatents(db: Db, t: Raw, c: Checker): Promise<void> {
  const P = obj(t, 'patents');
  await db.run(`CREATE OR REPLACE TEMP TABLE pf AS SELECT *, coalesce(value_usd >= 1000000, false) AS hv,
      CASE WHEN value_usd IS NULL THEN 'unknown' WHEN value_usd < 10000 THEN '0-10k' WHEN value_usd < 30000 THEN '10k-30k'
           WHEN value_usd < 300000 THEN '30k-300k' WHEN value_usd < 600000 THEN '300k-600k' WHEN value_usd < 3000000 THEN '600k-3M'
           WHEN value_usd < 20000000 THEN '3M-20M' ELSE '20M+' END AS band FROM patents`);
  const tot = (await db.all(`SELECT count(*) AS n FROM pf`))[0]!;
  c.value('patents.total', P.total, num(tot.n));
  const rows = await db.all(`SELECT country, count(*) AS patents, count(*) FILTER (WHERE hv) AS high_value FROM pf GROUP BY country`);
  const m = byKey(rows, 'country');
  for (const [cc, spec] of Object.entries(obj(t, 'patents.by_country'))) {
    c.value(`patents.${cc}.patents`, (spec as Raw).patents, num(m.get(cc)?.patents));
    c.value(`patents.${cc}.high_value`, (spec as Raw).high_value, num(m.get(cc)?.high_value));
  }
  const rank = ranking(rows, 'country', 'patents');
  c.rank('patents.rank_patents', P.rank_patents, rank);
  c.rank('patents.rank_high_value', P.rank_high_value, ranking(rows, 'country', 'high_value'));
  const g = (cc: string, k: string) => num(m.get(cc)?.[k]);
  c.value('patents.ratio_cn_over_us', P.ratio_cn_over_us, g('CN', 'patents') / g('US', 'patents'));
  c.value('patents.ratio_cn_over_rest9', P.ratio_cn_over_rest9, g('CN', 'patents') / rank.slice(1, 10).reduce((s, cc) => s + g(cc, 'patents'), 0));
  c.value('patents.ratio_us_over_jp_high_value_truncated', P.ratio_us_over_jp_high_value_truncated, Math.floor((g('US', 'high_value') / g('JP', 'high_value')) * 10) / 10);
  c.value('patents.share_cn_of_us_high_value_percent', P.share_cn_of_us_high_value_percent, (g('CN', 'high_value') / g('US', 'high_value')) * 100);
  const yr = await db.all(`SELECT year, country, count(*) AS n FROM pf WHERE country IN ('CN', 'US') GROUP BY ALL`);
  for (const cc of ['CN', 'US']) {
    for (const [y, spec] of Object.entries((P.yearly as Raw)[cc] as Raw)) c.value(`patents.yearly.${cc}.${y}`, spec, num(yr.find((r) => r.country === cc && String(r.year) === y)?.n));
  }
  const hvYear = await db.all(`SELECT country, year, count(*) FILTER (WHERE hv) AS n FROM pf WHERE country IN ('US', 'JP', 'KR', 'CN', 'DE') GROUP BY ALL ORDER BY country, year`);
  for (const cc of ['US', 'JP', 'KR', 'CN', 'DE']) {
    const s = hvYear.filter((r) => r.country === cc).map((r) => num(r.n));
    c.truth(`patents.high_value_declines.${cc}`, s.length === 10 && s[9]! < s[0]!, s.join(','), true);
  }
  const bands = await db.all(`SELECT country, band, count(*) AS n FROM pf WHERE country IN ('CN', 'US') GROUP BY ALL`);
  const b = (cc: string, band: string) => num(bands.find((r) => r.country === cc && r.band === band)?.n ?? 0);
  for (const cc of ['CN', 'US']) for (const [band, spec] of Object.entries((P.value_bands as Raw)[cc] as Raw)) c.value(`patents.bands.${cc}.${band}`, spec, b(cc, band));
  const R = P.value_band_ratios as Raw;
  c.value('patents.cn_over_us_10k_30k', R.cn_over_us_10k_30k, b('CN', '10k-30k') / b('US', '10k-30k'));
  c.value('patents.cn_over_us_30k_300k', R.cn_over_us_30k_300k, b('CN', '30k-300k') / b('US', '30k-300k'));
  c.value('patents.us_over_cn_300k_600k', R.us_over_cn_300k_600k, b('US', '300k-600k') / b('CN', '300k-600k'));
  c.value('patents.us_over_cn_600k_3m', R.us_over_cn_600k_3m, b('US', '600k-3M') / b('CN', '600k-3M'));
  c.value('patents.us_over_cn_3m_20m', R.us_over_cn_3m_20m, b('US', '3M-20M') / b('CN', '3M-20M'));
  c.value('patents.cn_share_below_300k_percent', R.cn_share_below_300k_percent, ((b('CN', '0-10k') + b('CN', '10k-30k') + b('CN', '30k-300k')) / g('CN', 'patents')) * 100);
  await db.run(ROOTS_SQL);
  const asg = await db.all(`SELECT r.root AS id, any_value(i.country) AS country, count(*) AS patents, count(*) FILTER (WHERE hv) AS high_value
      FROM pf JOIN roots r ON r.institution_id = pf.assignee_id JOIN institutions i ON i.institution_id = r.root GROUP BY r.root`);
  const am = byKey(asg, 'id');
  for (const [id, spec] of Object.entries(obj(t, 'patents.by_assignee'))) {
    c.value(`patents.${id}.patents`, (spec as Raw).patents, num(am.get(id)?.patents));
    c.value(`patents.${id}.high_value`, (spec as Raw).high_value, num(am.get(id)?.high_value));
  }
  c.rank('patents.rank_assignees_patents', P.rank_assignees_patents, ranking(asg, 'id', 'patents'));
  c.rank('patents.rank_assignees_high_value', P.rank_assignees_high_value, ranking(asg, 'id', 'high_value'));
  const cn = asg.filter((r) => r.country === 'CN');
  c.rank('patents.rank_assignees_high_value_cn', P.rank_assignees_high_value_cn, ranking(cn, 'id', 'high_value'));
  c.rank('patents.rank_assignees_patents_cn', P.rank_assignees_patents_cn, ranking(cn, 'id', 'patents'));
}

async function checkTalent(db: Db, t: Raw, c: Checker): Promise<void> {
  const T = obj(t, 'talent');
  const tot = (await db.all(`SELECT count(*) AS n, count(*) FILTER (WHERE h_index >= 20) AS h FROM scholars`))[0]!;
  c.value('talent.total', T.total, num(tot.n));
  c.value('talent.high_level_total', T.high_level_total, num(tot.h));
  const rows = await db.all(`SELECT country, count(*) AS scholars, count(*) FILTER (WHERE h_index >= 20) AS high FROM scholars GROUP BY country`);
  const m = byKey(rows, 'country');
  for (const [cc, spec] of Object.entries(obj(t, 'talent.by_country'))) {
    c.value(`talent.${cc}.scholars`, (spec as Raw).scholars, num(m.get(cc)?.scholars));
    c.value(`talent.${cc}.high_level`, (spec as Raw).high_level, num(m.get(cc)?.high));
  }
  c.rank('talent.rank_scholars', T.rank_scholars, ranking(rows, 'country', 'scholars'));
  c.rank('talent.rank_high_level', T.rank_high_level, ranking(rows, 'country', 'high'));
  await db.run(ROOTS_SQL);
  const inst = await db.all(`SELECT r.root AS id, any_value(i.country) AS country, count(*) AS scholars, count(*) FILTER (WHERE h_index >= 20) AS high
      FROM scholars s JOIN roots r ON r.institution_id = s.institution_id JOIN institutions i ON i.institution_id = r.root GROUP BY r.root`);
  const im = byKey(inst, 'id');
  for (const [id, spec] of Object.entries(obj(t, 'talent.by_institution'))) {
    c.value(`talent.${id}.scholars`, (spec as Raw).scholars, num(im.get(id)?.scholars));
    c.value(`talent.${id}.high_level`, (spec as Raw).high_level, num(im.get(id)?.high));
  }
  c.rank('talent.rank_institutions_scholars', T.rank_institutions_scholars, ranking(inst, 'id', 'scholars'));
  c.rank('talent.rank_institutions_high_level', T.rank_institutions_high_level, ranking(inst, 'id', 'high'));
  c.rank('talent.rank_institutions_high_level_cn', T.rank_institutions_high_level_cn, ranking(inst.filter((r) => r.country === 'CN'), 'id', 'high'));
  const prov = await db.all(`SELECT province, count(*) AS scholars, count(*) FILTER (WHERE h_index >= 20) AS high FROM scholars WHERE province IS NOT NULL GROUP BY province`);
  const pm = byKey(prov, 'province');
  for (const [p, spec] of Object.entries(obj(t, 'talent.by_province'))) {
    c.value(`talent.${p}.scholars`, (spec as Raw).scholars, num(pm.get(p)?.scholars));
    c.value(`talent.${p}.high_level`, (spec as Raw).high_level, num(pm.get(p)?.high));
  }
  c.rank('talent.rank_provinces', T.rank_provinces, ranking(prov, 'province', 'scholars'));
  c.rank('talent.rank_provinces_high_level', T.rank_provinces_high_level, ranking(prov, 'province', 'high'));
}

async function checkFlows(db: Db, t: Raw, c: Checker): Promise<void> {
  const F = obj(t, 'flows');
  const total = num((await db.all(`SELECT count(*) AS n FROM scholar_moves WHERE from_country <> to_country`))[0]!.n);
  c.value('flows.total_moves', F.total_moves, total);
  c.value('flows.total_moves_10k', F.total_moves_10k, total / 10000);
  const flow = async (a: string, b: string, extra: string) =>
    db.all(`WITH m AS (SELECT ${a} AS f, ${b} AS t FROM scholar_moves WHERE ${extra})
      SELECT x AS key, sum(i) AS inflow, sum(o) AS outflow, sum(i) + sum(o) AS total, sum(i) - sum(o) AS net FROM (
        SELECT t AS x, 1 AS i, 0 AS o FROM m UNION ALL SELECT f, 0, 1 FROM m) GROUP BY x`);
  const countries = await flow('from_country', 'to_country', 'from_country <> to_country');
  const m = byKey(countries, 'key');
  for (const [cc, spec] of Object.entries(obj(t, 'flows.by_country'))) {
    c.value(`flows.${cc}.total`, (spec as Raw).total, num(m.get(cc)?.total));
    c.value(`flows.${cc}.net`, (spec as Raw).net, num(m.get(cc)?.net));
  }
  c.rank('flows.rank_net_inflow', F.rank_net_inflow, ranking(countries, 'key', 'net'));
  c.rank('flows.rank_net_outflow', F.rank_net_outflow, ranking(countries.map((r) => ({ ...r, out: -num(r.net) })), 'key', 'out'));
  const big = countries.filter((r) => num(r.total) > 10000).map((r) => String(r.key)).sort();
  c.truth('flows.above_10k_moves', ['CA', 'CN', 'DE', 'FR', 'GB', 'US'].every((x) => big.includes(x)), big.join(' '));
  const cities = await flow('from_city', 'to_city', 'from_city IS NOT NULL AND to_city IS NOT NULL AND from_city <> to_city');
  const cm = byKey(cities, 'key');
  for (const [city, spec] of Object.entries(obj(t, 'flows.by_city'))) {
    c.value(`flows.${city}.total`, (spec as Raw).total, num(cm.get(city)?.total));
    c.value(`flows.${city}.net`, (spec as Raw).net, num(cm.get(city)?.net));
  }
  c.rank('flows.rank_city_total', F.rank_city_total, ranking(cities, 'key', 'total'));
  c.rank('flows.rank_city_net_inflow', F.rank_city_net_inflow, ranking(cities, 'key', 'net'));
  c.rank('flows.rank_city_net_outflow', F.rank_city_net_outflow, ranking(cities.map((r) => ({ ...r, out: -num(r.net) })), 'key', 'out'));
}

async function checkTopics(db: Db, t: Raw, c: Checker): Promise<void> {
  // Uses the temp table flags (top-1% flags by the yearly thresholds) made by the papers check.
  const tops = await db.all(`SELECT pt.topic_id, f.paper_id, f.year, f.doc_type FROM (SELECT DISTINCT paper_id, topic_id FROM paper_topics) pt JOIN flags f USING (paper_id) WHERE f.top1`);
  const pcs = await db.all(`SELECT DISTINCT pt.topic_id, a.country, a.paper_id FROM paper_topics pt JOIN flags f USING (paper_id) JOIN paper_affiliations a USING (paper_id) WHERE f.top1`);
  const ser = await db.all(`SELECT pt.topic_id, s.year, sum(s.citations) AS c FROM (SELECT DISTINCT paper_id, topic_id FROM paper_topics) pt
      JOIN flags f USING (paper_id) JOIN paper_citations_by_year s USING (paper_id) WHERE f.top1 GROUP BY ALL`);
  const pats = await db.all(`SELECT pt.topic_id, p.country, count(*) AS n, count(*) FILTER (WHERE p.value_usd >= 1000000) AS hv
      FROM (SELECT DISTINCT patent_id, topic_id FROM patent_topics) pt JOIN patents p USING (patent_id) GROUP BY ALL`);
  const topicIds = (await db.all(`SELECT topic_id FROM topics`)).map((r) => String(r.topic_id));
  // Frontier index as docs/data-contract.md defines it.
  const raw = new Map<string, number>();
  for (const id of topicIds) {
    const mine = tops.filter((r) => r.topic_id === id);
    const rows = ser.filter((r) => r.topic_id === id);
    if (mine.length === 0 || rows.length === 0) continue;
    const y0 = Math.min(...mine.map((r) => num(r.year)), ...rows.map((r) => num(r.year)));
    const y1 = Math.max(...rows.map((r) => num(r.year)));
    const series: number[] = [];
    for (let y = y0; y <= y1; y++) series.push(num(rows.find((r) => num(r.year) === y)?.c ?? 0));
    const T = series.length;
    const total = series.reduce((a, b) => a + b, 0);
    const mean = total / T;
    const xm = (T - 1) / 2;
    let nu = 0;
    let de = 0;
    series.forEach((v, i) => { nu += (i - xm) * (v - mean); de += (i - xm) ** 2; });
    const sTrend = T <= 1 || total === 0 ? 0 : nu / de / mean;
    raw.set(id, mean * Math.exp(sTrend));
  }
  const maxRaw = Math.max(...raw.values());
  const count = (id: string, cc?: string) => (cc ? pcs.filter((r) => r.topic_id === id && r.country === cc).length : tops.filter((r) => r.topic_id === id).length);
  const patent = (id: string, key: 'n' | 'hv', cc?: string) => pats.filter((r) => r.topic_id === id && (!cc || r.country === cc)).reduce((s, r) => s + num(r[key]), 0);
  for (const [id, spec] of Object.entries(obj(t, 'topics.frontier'))) {
    const o = spec as Raw;
    const mine = tops.filter((r) => r.topic_id === id);
    c.value(`topics.${id}.top1`, o.top1, mine.length);
    c.value(`topics.${id}.reviews`, o.reviews, mine.filter((r) => r.doc_type === 'review').length);
    c.value(`topics.${id}.cn`, o.cn, count(id, 'CN'));
    c.value(`topics.${id}.us`, o.us, count(id, 'US'));
    c.value(`topics.${id}.avg_pub_year`, o.avg_pub_year, mine.reduce((s, r) => s + num(r.year), 0) / mine.length);
    c.value(`topics.${id}.frontier_index`, o.frontier_index, (raw.get(id) ?? NaN) / maxRaw);
    c.value(`topics.${id}.patents`, o.patents, patent(id, 'n'));
    c.value(`topics.${id}.patents_cn`, o.patents_cn, patent(id, 'n', 'CN'));
    c.value(`topics.${id}.patents_us`, o.patents_us, patent(id, 'n', 'US'));
    c.value(`topics.${id}.high_value`, o.high_value, patent(id, 'hv'));
    c.value(`topics.${id}.high_value_cn`, o.high_value_cn, patent(id, 'hv', 'CN'));
    c.value(`topics.${id}.high_value_us`, o.high_value_us, patent(id, 'hv', 'US'));
  }
  for (const [id, spec] of Object.entries(obj(t, 'topics.hot_2022'))) {
    const o = spec as Raw;
    c.value(`topics.${id}.top1`, o.top1, count(id));
    for (const [cc, v] of Object.entries(o.top1_by_country as Raw)) c.value(`topics.${id}.top1.${cc}`, v, count(id, cc));
    c.value(`topics.${id}.high_value`, o.high_value, patent(id, 'hv'));
    for (const [cc, v] of Object.entries(o.high_value_by_country as Raw)) c.value(`topics.${id}.high_value.${cc}`, v, patent(id, 'hv', cc));
    const byC = pcs.filter((r) => r.topic_id === id).reduce((m, r) => m.set(String(r.country), (m.get(String(r.country)) ?? 0) + 1), new Map<string, number>());
    const tr = [...byC.entries()].map(([k, n]) => ({ k, n }));
    c.rank(`topics.${id}.rank_top1`, { order: Object.keys(o.top1_by_country as Raw), published: 9 }, ranking(tr, 'k', 'n'));
    const hv = pats.filter((r) => r.topic_id === id).map((r) => ({ k: String(r.country), n: num(r.hv) }));
    c.rank(`topics.${id}.rank_high_value`, { order: Object.keys(o.high_value_by_country as Raw), published: 9 }, ranking(hv, 'k', 'n'));
    c.truth(`topics.${id}.frontier_index_below_leader`, (raw.get(id) ?? 0) <= maxRaw, ((raw.get(id) ?? 0) / maxRaw).toFixed(3), true);
  }
}

export async function checkOthers(db: Db, t: Raw, c: Checker, present: Set<string>): Promise<void> {
  if (present.has('patents')) await checkPatents(db, t, c);
  if (present.has('scholars')) await checkTalent(db, t, c);
  if (present.has('scholar_moves')) await checkFlows(db, t, c);
  if (present.has('topics') && present.has('papers')) await checkTopics(db, t, c);
  void val;
}
