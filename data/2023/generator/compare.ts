/**
 * Compares a metrics document (the engine's, or sql-metrics.ts's) with data/2023/targets.yaml:
 * every target becomes one result, published or assumed, reproduced or not.
 */
import type { Doc, Row } from './sql-metrics.ts';
import { obj, target, type Raw, type Target } from './targets.ts';

export interface Result {
  id: string;
  expected: string;
  actual: string;
  ok: boolean;
  assumed: boolean;
}

const num = (v: unknown): number => (v === null || v === undefined ? NaN : Number(v));

export class Checker {
  readonly results: Result[] = [];
  value(id: string, spec: unknown, actual: number): void {
    const t: Target = target(spec);
    const ok = t.digits === undefined ? actual === t.value : Number(actual.toFixed(t.digits)) === t.value;
    this.results.push({ id, expected: String(t.value), actual: t.digits === undefined || !Number.isFinite(actual) ? String(actual) : actual.toFixed(t.digits + 3), ok, assumed: t.assumed });
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

const byKey = (rows: readonly Row[], key: string) => new Map(rows.map((r) => [String(r[key]), r]));
/** Keys ordered by a count descending, then by key: the document's own ordering rule. */
const ranking = (rows: readonly Row[], key: string, by: string) =>
  [...rows].sort((a, b) => num(b[by]) - num(a[by]) || String(a[key]).localeCompare(String(b[key]))).map((r) => String(r[key]));
const list = (v: unknown): Row[] => (Array.isArray(v) ? (v as Row[]) : []);

function papers(doc: Doc, t: Raw, c: Checker): void {
  const P = obj(t, 'papers');
  const d = doc.papers!;
  c.value('papers.total', P.total, num(d.total));
  c.value('papers.top1_total', P.top1_total, num(d.top1_total));
  const countries = list(d.by_country);
  const cm = byKey(countries, 'country');
  for (const [cc, spec] of Object.entries(obj(t, 'papers.by_country'))) {
    const row = cm.get(cc) ?? {};
    const s = spec as Raw;
    c.value(`papers.${cc}.papers`, s.papers, num(row.papers));
    if (s.avg_citations !== undefined) c.value(`papers.${cc}.avg_citations`, s.avg_citations, num(row.avg_citations));
    c.value(`papers.${cc}.top1`, s.top1, num(row.top1));
    if (s.top1_avg_citations !== undefined) c.value(`papers.${cc}.top1_avg_citations`, s.top1_avg_citations, num(row.top1_avg_citations));
  }
  const byPapers = ranking(countries, 'country', 'papers');
  c.rank('papers.rank_papers', P.rank_papers, byPapers);
  c.rank('papers.rank_avg_citations_top10', P.rank_avg_citations_top10, ranking(countries.filter((r) => byPapers.slice(0, 10).includes(String(r.country))), 'country', 'avg_citations'));
  c.rank('papers.rank_top1', P.rank_top1, ranking(countries, 'country', 'top1'));
  const yc = list(d.by_year_country);
  const ym = new Map(yc.map((r) => [`${r.country}-${r.year}`, r]));
  const yearly = obj(t, 'papers.yearly');
  // Papers per year (all countries) is not in the engine's document; only the SQL check has it.
  if (d.by_year) for (const [y, spec] of Object.entries(yearly.total as Raw)) c.value(`papers.yearly.total.${y}`, spec, num(list(d.by_year).find((r) => String(r.year) === y)?.papers));
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
  const thr = list(d.top1_thresholds);
  for (const [y, spec] of Object.entries(P.thresholds as Raw)) c.value(`papers.thresholds.${y}`, spec, num(thr.find((r) => String(r.year) === y)?.citations));
  const inst = list(d.by_institution);
  const im = byKey(inst, 'institution_id');
  for (const [id, spec] of Object.entries(obj(t, 'papers.by_institution'))) {
    const row = im.get(id) ?? {};
    const s = spec as Raw;
    c.value(`papers.${id}.papers`, s.papers, num(row.papers));
    c.value(`papers.${id}.avg_citations`, s.avg_citations, num(row.avg_citations));
    c.value(`papers.${id}.top1`, s.top1, num(row.top1));
    if (s.top1_avg_citations !== undefined) c.value(`papers.${id}.top1_avg_citations`, s.top1_avg_citations, num(row.top1_avg_citations));
  }
  const instByPapers = ranking(inst, 'institution_id', 'papers');
  c.rank('papers.rank_institutions_papers', P.rank_institutions_papers, instByPapers);
  c.rank('papers.rank_institutions_avg_citations_top10', P.rank_institutions_avg_citations_top10,
    ranking(inst.filter((r) => instByPapers.slice(0, 10).includes(String(r.institution_id))), 'institution_id', 'avg_citations'));
  const instByTop = ranking(inst, 'institution_id', 'top1');
  c.rank('papers.rank_institutions_top1', P.rank_institutions_top1, instByTop);
  c.rank('papers.rank_institutions_top1_avg_top10', P.rank_institutions_top1_avg_top10,
    ranking(inst.filter((r) => instByTop.slice(0, 10).includes(String(r.institution_id))), 'institution_id', 'top1_avg_citations'));
}

function collaboration(doc: Doc, t: Raw, c: Checker): void {
  const C = obj(t, 'collaboration');
  const pairs = list(doc.collaboration?.pairs).map((r) => ({ key: `${r.a}-${r.b}`, n: num(r.top1_papers) }));
  const pm = new Map(pairs.map((p) => [p.key, p.n]));
  for (const [key, spec] of Object.entries(C.pairs as Raw)) c.value(`collaboration.${key}`, spec, pm.get(key) ?? 0);
  c.rank('collaboration.rank_pairs', { order: Object.keys(C.pairs as Raw), published: 10 }, ranking(pairs, 'key', 'n'));
  const byYear = list(doc.collaboration?.pairs_by_year);
  const cnus = (y: string) => num(byYear.find((r) => r.a === 'CN' && r.b === 'US' && String(r.year) === y)?.top1_papers ?? 0);
  for (const [y, spec] of Object.entries(C.cn_us_yearly as Raw)) c.value(`collaboration.cn_us.${y}`, spec, cnus(y));
  c.value('collaboration.cn_us_growth_2021_percent', C.cn_us_growth_2021_percent, (cnus('2021') / cnus('2020') - 1) * 100);
  // "From 2018 the growth rate has kept falling."
  const growth = [2018, 2019, 2020, 2021].map((y) => cnus(String(y)) / cnus(String(y - 1)) - 1);
  c.truth('collaboration.cn_us_growth_falls_from_2018', growth.every((g, i) => i === 0 || g < growth[i - 1]!), growth.map((g) => `${(g * 100).toFixed(1)}%`).join(' '));
  const peak = Object.keys(C.cn_us_yearly as Raw).reduce((a, b) => (cnus(b) > cnus(a) ? b : a));
  c.truth('collaboration.cn_us_peak_2020', peak === '2020', `peak ${peak}`);
}

function patents(doc: Doc, t: Raw, c: Checker): void {
  const P = obj(t, 'patents');
  const d = doc.patents!;
  c.value('patents.total', P.total, num(d.total));
  const rows = list(d.by_country);
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
  const yr = list(d.by_year_country);
  for (const cc of ['CN', 'US']) {
    for (const [y, spec] of Object.entries((P.yearly as Raw)[cc] as Raw)) c.value(`patents.yearly.${cc}.${y}`, spec, num(yr.find((r) => r.country === cc && String(r.year) === y)?.patents));
  }
  for (const cc of ['US', 'JP', 'KR', 'CN', 'DE']) {
    const s = yr.filter((r) => r.country === cc).sort((a, b) => num(a.year) - num(b.year)).map((r) => num(r.high_value));
    c.truth(`patents.high_value_declines.${cc}`, s.length === 10 && s[9]! < s[0]!, s.join(','), true);
  }
  // "The China-US gap in high-value patents shows no clear narrowing": the US/CN ratio of the last
  // three years is at least 80 % of that of the first three.
  const hv = (cc: string, ys: number[]) => yr.filter((r) => r.country === cc && ys.includes(num(r.year))).reduce((s, r) => s + num(r.high_value), 0);
  const first = hv('US', [2012, 2013, 2014]) / hv('CN', [2012, 2013, 2014]);
  const last = hv('US', [2019, 2020, 2021]) / hv('CN', [2019, 2020, 2021]);
  c.truth('patents.cn_us_high_value_gap_not_narrowing', last >= 0.8 * first, `${first.toFixed(2)} → ${last.toFixed(2)}`, true);
  const bands = list(d.value_bands);
  const b = (cc: string, band: string) => num(bands.find((r) => r.country === cc && r.band === band)?.patents ?? 0);
  for (const cc of ['CN', 'US']) for (const [band, spec] of Object.entries((P.value_bands as Raw)[cc] as Raw)) c.value(`patents.bands.${cc}.${band}`, spec, b(cc, band));
  const R = P.value_band_ratios as Raw;
  c.value('patents.cn_over_us_10k_30k', R.cn_over_us_10k_30k, b('CN', '10k-30k') / b('US', '10k-30k'));
  c.value('patents.cn_over_us_30k_300k', R.cn_over_us_30k_300k, b('CN', '30k-300k') / b('US', '30k-300k'));
  c.value('patents.us_over_cn_300k_600k', R.us_over_cn_300k_600k, b('US', '300k-600k') / b('CN', '300k-600k'));
  c.value('patents.us_over_cn_600k_3m', R.us_over_cn_600k_3m, b('US', '600k-3M') / b('CN', '600k-3M'));
  c.value('patents.us_over_cn_3m_20m', R.us_over_cn_3m_20m, b('US', '3M-20M') / b('CN', '3M-20M'));
  c.value('patents.cn_share_below_300k_percent', R.cn_share_below_300k_percent, ((b('CN', '0-10k') + b('CN', '10k-30k') + b('CN', '30k-300k')) / g('CN', 'patents')) * 100);
  const asg = list(d.by_assignee);
  const am = byKey(asg, 'institution_id');
  for (const [id, spec] of Object.entries(obj(t, 'patents.by_assignee'))) {
    c.value(`patents.${id}.patents`, (spec as Raw).patents, num(am.get(id)?.patents));
    c.value(`patents.${id}.high_value`, (spec as Raw).high_value, num(am.get(id)?.high_value));
  }
  c.rank('patents.rank_assignees_patents', P.rank_assignees_patents, ranking(asg, 'institution_id', 'patents'));
  c.rank('patents.rank_assignees_high_value', P.rank_assignees_high_value, ranking(asg, 'institution_id', 'high_value'));
  const cn = asg.filter((r) => r.country === 'CN');
  c.rank('patents.rank_assignees_high_value_cn', P.rank_assignees_high_value_cn, ranking(cn, 'institution_id', 'high_value'));
  c.rank('patents.rank_assignees_patents_cn', P.rank_assignees_patents_cn, ranking(cn, 'institution_id', 'patents'));
}

function talent(doc: Doc, t: Raw, c: Checker): void {
  const T = obj(t, 'talent');
  const d = doc.talent!;
  c.value('talent.total', T.total, num(d.total));
  c.value('talent.high_level_total', T.high_level_total, num(d.high_level_total));
  const rows = list(d.by_country);
  const m = byKey(rows, 'country');
  for (const [cc, spec] of Object.entries(obj(t, 'talent.by_country'))) {
    c.value(`talent.${cc}.scholars`, (spec as Raw).scholars, num(m.get(cc)?.scholars));
    c.value(`talent.${cc}.high_level`, (spec as Raw).high_level, num(m.get(cc)?.high_level));
  }
  c.rank('talent.rank_scholars', T.rank_scholars, ranking(rows, 'country', 'scholars'));
  c.rank('talent.rank_high_level', T.rank_high_level, ranking(rows, 'country', 'high_level'));
  const inst = list(d.by_institution);
  const im = byKey(inst, 'institution_id');
  for (const [id, spec] of Object.entries(obj(t, 'talent.by_institution'))) {
    c.value(`talent.${id}.scholars`, (spec as Raw).scholars, num(im.get(id)?.scholars));
    c.value(`talent.${id}.high_level`, (spec as Raw).high_level, num(im.get(id)?.high_level));
  }
  c.rank('talent.rank_institutions_scholars', T.rank_institutions_scholars, ranking(inst, 'institution_id', 'scholars'));
  c.rank('talent.rank_institutions_high_level', T.rank_institutions_high_level, ranking(inst, 'institution_id', 'high_level'));
  c.rank('talent.rank_institutions_high_level_cn', T.rank_institutions_high_level_cn, ranking(inst.filter((r) => r.country === 'CN'), 'institution_id', 'high_level'));
  const prov = list(d.by_province);
  const pm = byKey(prov, 'province');
  for (const [p, spec] of Object.entries(obj(t, 'talent.by_province'))) {
    c.value(`talent.${p}.scholars`, (spec as Raw).scholars, num(pm.get(p)?.scholars));
    c.value(`talent.${p}.high_level`, (spec as Raw).high_level, num(pm.get(p)?.high_level));
  }
  c.rank('talent.rank_provinces', T.rank_provinces, ranking(prov, 'province', 'scholars'));
  c.rank('talent.rank_provinces_high_level', T.rank_provinces_high_level, ranking(prov, 'province', 'high_level'));
}

function flows(doc: Doc, t: Raw, c: Checker): void {
  const F = obj(t, 'flows');
  const d = doc.flows!;
  c.value('flows.total_moves', F.total_moves, num(d.total_moves));
  c.value('flows.total_moves_10k', F.total_moves_10k, num(d.total_moves) / 10000);
  const countries = list(d.by_country);
  const m = byKey(countries, 'country');
  for (const [cc, spec] of Object.entries(obj(t, 'flows.by_country'))) {
    c.value(`flows.${cc}.total`, (spec as Raw).total, num(m.get(cc)?.total));
    c.value(`flows.${cc}.net`, (spec as Raw).net, num(m.get(cc)?.net));
  }
  c.rank('flows.rank_net_inflow', F.rank_net_inflow, ranking(countries, 'country', 'net'));
  c.rank('flows.rank_net_outflow', F.rank_net_outflow, ranking(countries.map((r) => ({ ...r, out: -num(r.net) })), 'country', 'out'));
  const big = countries.filter((r) => num(r.total) > 10000).map((r) => String(r.country)).sort();
  c.truth('flows.above_10k_moves', ['CA', 'CN', 'DE', 'FR', 'GB', 'US'].every((x) => big.includes(x)), big.join(' '));
  const cities = list(d.by_city);
  const cm = byKey(cities, 'city');
  for (const [city, spec] of Object.entries(obj(t, 'flows.by_city'))) {
    c.value(`flows.${city}.total`, (spec as Raw).total, num(cm.get(city)?.total));
    c.value(`flows.${city}.net`, (spec as Raw).net, num(cm.get(city)?.net));
  }
  c.rank('flows.rank_city_total', F.rank_city_total, ranking(cities, 'city', 'total'));
  c.rank('flows.rank_city_net_inflow', F.rank_city_net_inflow, ranking(cities, 'city', 'net'));
  c.rank('flows.rank_city_net_outflow', F.rank_city_net_outflow, ranking(cities.map((r) => ({ ...r, out: -num(r.net) })), 'city', 'out'));
}

function topics(doc: Doc, t: Raw, c: Checker): void {
  const tm = byKey(doc.topics ?? [], 'topic_id');
  const count = (m: unknown, cc: string) => num((m as Record<string, number> | undefined)?.[cc] ?? 0);
  const entries = (m: unknown) => Object.entries((m ?? {}) as Record<string, number>).map(([k, n]) => ({ k, n }));
  for (const [id, spec] of Object.entries(obj(t, 'topics.frontier'))) {
    const o = spec as Raw;
    const r = tm.get(id) ?? {};
    c.value(`topics.${id}.top1`, o.top1, num(r.top1_papers));
    c.value(`topics.${id}.reviews`, o.reviews, num(r.reviews));
    c.value(`topics.${id}.cn`, o.cn, count(r.top1_by_country, 'CN'));
    c.value(`topics.${id}.us`, o.us, count(r.top1_by_country, 'US'));
    c.value(`topics.${id}.avg_pub_year`, o.avg_pub_year, num(r.avg_pub_year));
    c.value(`topics.${id}.frontier_index`, o.frontier_index, num(r.frontier_index));
    c.value(`topics.${id}.patents`, o.patents, num(r.patents));
    c.value(`topics.${id}.patents_cn`, o.patents_cn, count(r.patents_by_country, 'CN'));
    c.value(`topics.${id}.patents_us`, o.patents_us, count(r.patents_by_country, 'US'));
    c.value(`topics.${id}.high_value`, o.high_value, num(r.high_value));
    c.value(`topics.${id}.high_value_cn`, o.high_value_cn, count(r.high_value_by_country, 'CN'));
    c.value(`topics.${id}.high_value_us`, o.high_value_us, count(r.high_value_by_country, 'US'));
  }
  for (const [id, spec] of Object.entries(obj(t, 'topics.hot_2022'))) {
    const o = spec as Raw;
    const r = tm.get(id) ?? {};
    c.value(`topics.${id}.top1`, o.top1, num(r.top1_papers));
    for (const [cc, v] of Object.entries(o.top1_by_country as Raw)) c.value(`topics.${id}.top1.${cc}`, v, count(r.top1_by_country, cc));
    c.value(`topics.${id}.high_value`, o.high_value, num(r.high_value));
    for (const [cc, v] of Object.entries(o.high_value_by_country as Raw)) c.value(`topics.${id}.high_value.${cc}`, v, count(r.high_value_by_country, cc));
    c.rank(`topics.${id}.rank_top1`, { order: Object.keys(o.top1_by_country as Raw), published: 9 }, ranking(entries(r.top1_by_country), 'k', 'n'));
    c.rank(`topics.${id}.rank_high_value`, { order: Object.keys(o.high_value_by_country as Raw), published: 9 }, ranking(entries(r.high_value_by_country), 'k', 'n'));
    c.truth(`topics.${id}.frontier_index_at_most_1`, num(r.frontier_index) <= 1, String(r.frontier_index), true);
  }
}

/** Printed shares and ratios, recomputed from the document's counts. */
function derived(doc: Doc, t: Raw, c: Checker): void {
  const D = obj(t, 'derived');
  const row = (rows: unknown, key: string, k: string) => (list(rows).find((r) => String(r[key]) === k) ?? {}) as Row;
  if (doc.papers) {
    const p = (cc: string) => row(doc.papers!.by_country, 'country', cc);
    c.value('derived.cn_us_paper_gap_percent', D.cn_us_paper_gap_percent, ((num(p('US').papers) - num(p('CN').papers)) / num(p('US').papers)) * 100);
    c.value('derived.cn_minus_us_avg_citations', D.cn_minus_us_avg_citations, num(p('CN').avg_citations) - num(p('US').avg_citations));
    c.value('derived.cn_over_gb_top1', D.cn_over_gb_top1, num(p('CN').top1) / num(p('GB').top1));
  }
  if (doc.patents) {
    const p = (cc: string) => row(doc.patents!.by_country, 'country', cc);
    c.value('derived.us_over_cn_high_value', D.us_over_cn_high_value, num(p('US').high_value) / num(p('CN').high_value));
    const y = (cc: string) => num(list(doc.patents!.by_year_country).find((r) => r.country === cc && num(r.year) === 2021)?.patents);
    c.value('derived.cn_over_us_patents_2021', D.cn_over_us_patents_2021, y('CN') / y('US'));
  }
  if (doc.talent) {
    const T = doc.talent;
    const p = (cc: string) => row(T.by_country, 'country', cc);
    const i = (id: string) => row(T.by_institution, 'institution_id', id);
    const v = (id: string) => row(T.by_province, 'province', id);
    const share = (a: number, b: number) => (a / b) * 100;
    c.value('derived.cn_over_us_talent', D.cn_over_us_talent, num(p('CN').scholars) / num(p('US').scholars));
    c.value('derived.cn_over_jp_talent', D.cn_over_jp_talent, num(p('CN').scholars) / num(p('JP').scholars));
    c.value('derived.us_talent_share_percent', D.us_talent_share_percent, share(num(p('US').scholars), num(T.total)));
    c.value('derived.jp_talent_share_percent', D.jp_talent_share_percent, share(num(p('JP').scholars), num(T.total)));
    c.value('derived.us_high_level_share_percent', D.us_high_level_share_percent, share(num(p('US').high_level), num(T.high_level_total)));
    c.value('derived.cn_high_level_share_percent', D.cn_high_level_share_percent, share(num(p('CN').high_level), num(T.high_level_total)));
    c.value('derived.gb_high_level_share_percent', D.gb_high_level_share_percent, share(num(p('GB').high_level), num(T.high_level_total)));
    c.value('derived.us_over_cn_high_level', D.us_over_cn_high_level, num(p('US').high_level) / num(p('CN').high_level));
    c.value('derived.cas_high_level_share_percent', D.cas_high_level_share_percent, share(num(i('I-CAS').high_level), num(i('I-CAS').scholars)));
    c.value('derived.uc_high_level_share_percent', D.uc_high_level_share_percent, share(num(i('I-UC').high_level), num(i('I-UC').scholars)));
    c.value('derived.beijing_talent_share_percent', D.beijing_talent_share_percent, share(num(v('CN-BJ').scholars), num(p('CN').scholars)));
    c.value('derived.beijing_over_shanghai_talent', D.beijing_over_shanghai_talent, num(v('CN-BJ').scholars) / num(v('CN-SH').scholars));
    c.value('derived.beijing_high_level_share_percent', D.beijing_high_level_share_percent, share(num(v('CN-BJ').high_level), num(p('CN').high_level)));
    c.value('derived.world_talent_10k', D.world_talent_10k, num(T.total) / 10000);
    c.value('derived.cn_talent_10k', D.cn_talent_10k, num(p('CN').scholars) / 10000);
    c.value('derived.cn_high_level_10k', D.cn_high_level_10k, num(p('CN').high_level) / 10000);
    c.value('derived.us_high_level_10k', D.us_high_level_10k, num(p('US').high_level) / 10000);
    c.value('derived.beijing_talent_10k', D.beijing_talent_10k, num(v('CN-BJ').scholars) / 10000);
    c.value('derived.beijing_over_shanghai_high_level', D.beijing_over_shanghai_high_level, num(v('CN-BJ').high_level) / num(v('CN-SH').high_level));
  }
  if (doc.topics) {
    const tp = (id: string) => row(doc.topics, 'topic_id', id);
    const m = (r: Row, k: string, cc: string) => num((r[k] as Record<string, number> | undefined)?.[cc] ?? 0);
    c.value('derived.aigc_cn_share_of_us_high_value_percent', D.aigc_cn_share_of_us_high_value_percent, (m(tp('T-AIGC'), 'high_value_by_country', 'CN') / m(tp('T-AIGC'), 'high_value_by_country', 'US')) * 100);
    c.value('derived.cloud_cn_over_us_top1', D.cloud_cn_over_us_top1, m(tp('T-CLOUD'), 'top1_by_country', 'CN') / m(tp('T-CLOUD'), 'top1_by_country', 'US'));
    const frontier = Object.keys(obj(t, 'topics.frontier')).map(tp);
    const cnus = frontier.reduce((s, r) => s + m(r, 'top1_by_country', 'CN') + m(r, 'top1_by_country', 'US'), 0);
    c.value('derived.frontier_cn_us_share_percent', D.frontier_cn_us_share_percent, (cnus / frontier.reduce((s, r) => s + num(r.top1_papers), 0)) * 100);
    c.value('derived.frontier_cn_ahead_topics', D.frontier_cn_ahead_topics, frontier.filter((r) => m(r, 'top1_by_country', 'CN') > m(r, 'top1_by_country', 'US')).length);
    c.value('derived.frontier_cn_ahead_high_value_topics', D.frontier_cn_ahead_high_value_topics, frontier.filter((r) => m(r, 'high_value_by_country', 'CN') > m(r, 'high_value_by_country', 'US')).length);
  }
}

export function compareDocument(doc: Doc, t: Raw): Checker {
  const c = new Checker();
  if (doc.papers) {
    papers(doc, t, c);
    collaboration(doc, t, c);
  }
  if (doc.patents) patents(doc, t, c);
  if (doc.talent) talent(doc, t, c);
  if (doc.flows) flows(doc, t, c);
  if (doc.topics) topics(doc, t, c);
  derived(doc, t, c);
  return c;
}

export function report(c: Checker, verbose = false): string {
  const lines: string[] = [];
  const bad = c.results.filter((r) => !r.ok);
  for (const r of verbose ? c.results : bad) lines.push(`${r.ok ? 'ok  ' : 'MISS'} ${r.id}: expected ${r.expected}, got ${r.actual}${r.assumed ? ' (assumed)' : ''}`);
  const pub = c.results.filter((r) => !r.assumed);
  const assumed = c.results.length - pub.length;
  lines.push(
    `${pub.filter((r) => r.ok).length} of ${pub.length} published values reproduced; ` +
      `${assumed - bad.filter((r) => r.assumed).length} of ${assumed} assumed values reproduced (${c.results.length} targets)`,
  );
  return lines.join('\n');
}
