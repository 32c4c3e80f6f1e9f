/**
 * Topics: the ten frontier technologies of Table 8 and the three 2022 hot technologies. Their
 * papers are top-1% papers of the plan (each paper in at most one topic), chosen to give the
 * published counts per country, reviews and mean publication year; their yearly citation series
 * are shaped so that the frontier index (docs/data-contract.md) comes out as printed. Their patents
 * are drawn from the generated patents by country and value class.
 */
import * as C from './config.ts';
import type { Db } from './db.ts';
import type { PaperPlan, TopPaper } from './papers-plan.ts';
import { obj, val, type Raw } from './targets.ts';
import { apportion, seedOf, sum } from './util.ts';

const LAST_YEAR = 2021;

export const TOPIC_NAMES: Readonly<Record<string, [string, string]>> = {
  'T-BIO': ['生物大数据', 'Biological big data'],
  'T-GAN': ['生成式对抗网络算法', 'Generative adversarial networks'],
  'T-XR': ['沉浸式扩展现实娱乐平台', 'Immersive extended-reality entertainment platforms'],
  'T-QC': ['量子计算机', 'Quantum computers'],
  'T-PROTEIN': ['AI 解码蛋白质结构', 'AI decoding of protein structure'],
  'T-MEC': ['移动边缘计算网络', 'Mobile edge computing networks'],
  'T-XAI': ['可解释的 AI', 'Explainable AI'],
  'T-FL': ['联邦学习', 'Federated learning'],
  'T-HYBRID': ['混合计算', 'Hybrid computing'],
  'T-ENERGY': ['能源区块链', 'Energy blockchain'],
  'T-AIGC': ['AIGC（人工智能生成内容）', 'AI-generated content (AIGC)'],
  'T-CLOUD': ['云计算', 'Cloud computing'],
  'T-QC2022': ['量子计算机', 'Quantum computers'],
};

/** Preferred mean publication year of the hot topics (not published; spreads their series). */
const HOT_MEAN_YEAR: Readonly<Record<string, number>> = { 'T-AIGC': 2018, 'T-CLOUD': 2017, 'T-QC2022': 2017 };

/** First publication year of each topic's papers (modelling: it sets the series length T). */
const FIRST_YEAR: Readonly<Record<string, number>> = {
  'T-BIO': 2012, 'T-GAN': 2016, 'T-XR': 2016, 'T-QC': 2016, 'T-PROTEIN': 2017, 'T-MEC': 2017, 'T-XAI': 2017,
  'T-FL': 2019, 'T-HYBRID': 2017, 'T-ENERGY': 2017, 'T-AIGC': 2012, 'T-CLOUD': 2012, 'T-QC2022': 2012,
};

interface TopicSpec {
  id: string;
  group: 'frontier' | 'hot-2022';
  n: number;
  reviews: number | null;
  byCountry: Record<string, number>;
  /** Cap for countries without a target (keeps the published ranks). */
  otherCap: number;
  avgYear: number | null;
  index: number | null;
}

export interface TopicPlan {
  specs: TopicSpec[];
  /** topic → [paper index in plan.top, per-year citations from its publication year] */
  series: Map<string, { tid: number; year: number; counts: number[] }[]>;
  raw: Map<string, number>;
  warnings: string[];
}

function specs(t: Raw, scale: number): TopicSpec[] {
  const S = (v: number) => Math.round(v * scale);
  const out: TopicSpec[] = [];
  for (const [id, v] of Object.entries(obj(t, 'topics.hot_2022'))) {
    const o = v as Raw;
    const byCountry: Record<string, number> = {};
    for (const [c, n] of Object.entries(o.top1_by_country as Raw)) byCountry[c] = S(val(n));
    out.push({ id, group: 'hot-2022', n: S(val(o.top1)), reviews: null, byCountry, otherCap: Math.min(...Object.values(byCountry)) - 1, avgYear: null, index: null });
  }
  for (const [id, v] of Object.entries(obj(t, 'topics.frontier'))) {
    const o = v as Raw;
    out.push({ id, group: 'frontier', n: S(val(o.top1)), reviews: S(val(o.reviews)), byCountry: { CN: S(val(o.cn)), US: S(val(o.us)) }, otherCap: Infinity, avgYear: val(o.avg_pub_year), index: val(o.frontier_index) });
  }
  return out;
}

/** Frontier index pieces of a series c_t over years y0..y1 (docs/data-contract.md). */
export function frontierRaw(c: readonly number[]): { cTotal: number; t: number; sTrend: number; raw: number } {
  const t = c.length;
  const cTotal = sum(c);
  if (t <= 1 || cTotal === 0) return { cTotal, t, sTrend: 0, raw: t > 0 ? cTotal / t : 0 };
  const xm = (t - 1) / 2;
  const ym = cTotal / t;
  let num = 0;
  let den = 0;
  c.forEach((v, i) => {
    num += (i - xm) * (v - ym);
    den += (i - xm) ** 2;
  });
  const sTrend = num / den / ym;
  return { cTotal, t, sTrend, raw: ym * Math.exp(sTrend) };
}

/** Per-paper yearly citations with weights (age + 1)^beta, integer and summing to the paper's citations. */
function paperSeries(p: TopPaper, beta: number): number[] {
  const years = LAST_YEAR - p.year + 1;
  return apportion(p.citations, Array.from({ length: years }, (_, a) => Math.pow(a + 1, beta)));
}

function topicSeries(papers: readonly TopPaper[], beta: number): number[] {
  const y0 = Math.min(...papers.map((p) => p.year));
  const c = new Array<number>(LAST_YEAR - y0 + 1).fill(0);
  for (const p of papers) paperSeries(p, beta).forEach((v, a) => (c[p.year - y0 + a]! += v));
  return c;
}

/** The same series without rounding (the bisection only needs to be monotone and fast). */
export function topicSeriesFloat(papers: readonly TopPaper[], beta: number): number[] {
  const y0 = Math.min(...papers.map((p) => p.year));
  const c = new Array<number>(LAST_YEAR - y0 + 1).fill(0);
  for (const p of papers) {
    const n = LAST_YEAR - p.year + 1;
    const w = Array.from({ length: n }, (_, a) => Math.pow(a + 1, beta));
    const ws = sum(w);
    w.forEach((x, a) => (c[p.year - y0 + a]! += (p.citations * x) / ws));
  }
  return c;
}

/** beta such that the topic's raw frontier value is as close as possible to `target` (bisection; raw grows with beta). */
function solveBeta(papers: readonly TopPaper[], target: number, exact = false, lo = -8, hi = 8): number {
  const raw = (beta: number) => frontierRaw(exact ? topicSeries(papers, beta) : topicSeriesFloat(papers, beta)).raw;
  // 40 halvings of [-8, 8] on the fast float series; 24 of a [-0.5, 0.5] bracket on the integer one.
  for (let i = 0; i < (exact ? 24 : 40); i++) {
    const mid = (lo + hi) / 2;
    if (raw(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function planTopics(t: Raw, scale: number, plan: PaperPlan): TopicPlan {
  const list = specs(t, scale);
  const top = plan.top;
  const idx = new Map(top.map((p, i) => [p, i]));
  const chosen = new Map<string, TopPaper[]>();
  const selectPapers = (spec: TopicSpec, y0: number, mu: number): TopPaper[] => {
    const jitter = (p: TopPaper) => (seedOf(`${spec.id}:${idx.get(p)}`) % 1000) / 1000;
    const score = (p: TopPaper) =>
      Math.abs(Math.log((p.citations + 1) / mu)) + 0.35 * Math.abs(p.year - (spec.avgYear ?? HOT_MEAN_YEAR[spec.id] ?? 2017)) + 0.05 * jitter(p);
    // Scores computed once per paper (sorting with a hashing comparator was the slow part).
    const cands = top
      .filter((p) => p.topic === null && p.year >= y0)
      .map((p) => ({ p, s: score(p), i: idx.get(p)! }))
      .sort((a, b) => a.s - b.s || a.i - b.i)
      .map((x) => x.p);
    const picked: TopPaper[] = [];
    const counts: Record<string, number> = {};
    const tracked = Object.keys(spec.byCountry);
    const okOthers = (p: TopPaper) => p.countries.every((c) => tracked.includes(c) || (counts[c] ?? 0) < spec.otherCap);
    const take = (p: TopPaper) => {
      picked.push(p);
      p.topic = spec.id;
      for (const c of p.countries) counts[c] = (counts[c] ?? 0) + 1;
    };
    // Phase 1: papers that help a tracked country without overshooting any; the first paper of the
    // start year is taken first so the series starts at y0.
    const first = cands.find((p) => p.year === y0 && p.countries.every((c) => !tracked.includes(c)) && okOthers(p));
    if (first) take(first);
    for (const p of cands) {
      if (p.topic !== null) continue;
      const tr = p.countries.filter((c) => tracked.includes(c));
      if (tr.length === 0 || !tr.every((c) => (counts[c] ?? 0) < spec.byCountry[c]!) || !okOthers(p)) continue;
      take(p);
    }
    // Phase 2: fill with papers of no tracked country.
    for (const p of cands) {
      if (picked.length >= spec.n) break;
      if (p.topic !== null || p.countries.some((c) => tracked.includes(c)) || !okOthers(p)) continue;
      take(p);
    }
    return picked;
  };
  // Frontier topics first (their counts are published), then the hot topics.
  for (const spec of [...list].sort((a, b) => (a.group === b.group ? 0 : a.group === 'frontier' ? -1 : 1))) {
    const y0 = FIRST_YEAR[spec.id] ?? 2012;
    const T = LAST_YEAR - y0 + 1;
    // Citations per paper that put the raw value near level × scale with flat paper series; a second
    // pass corrects for the trend the selected years bring (recent papers make a rising series).
    const level = spec.index ?? (spec.id === 'T-AIGC' ? 1 : 0.8);
    let mu = (level * C.TOPIC_RAW_SCALE * T) / spec.n;
    let picked: TopPaper[] = [];
    for (let pass = 0; pass < 3; pass++) {
      for (const p of picked) p.topic = null;
      picked = selectPapers(spec, y0, mu);
      const r = frontierRaw(topicSeriesFloat(picked, 0)).raw / (level * C.TOPIC_RAW_SCALE);
      mu /= r;
    }
    chosen.set(spec.id, picked);
    // Reviews: exactly the published number among the topic's papers.
    if (spec.reviews !== null) picked.forEach((p, i) => (p.review = i < spec.reviews!));
  }
  // The leader's raw value R: every frontier topic must reach index × R within the raw values its
  // papers allow (beta from -8 to 8), the leader R itself, the other hot topics at most 0.8 R.
  const range = new Map(list.map((spec) => {
    const papers = chosen.get(spec.id)!;
    return [spec.id, [frontierRaw(topicSeriesFloat(papers, -8)).raw, frontierRaw(topicSeriesFloat(papers, 8)).raw] as const];
  }));
  let lo = range.get('T-AIGC')![0];
  let hi = range.get('T-AIGC')![1];
  for (const spec of list) {
    const [a, b] = range.get(spec.id)!;
    if (spec.index !== null) {
      lo = Math.max(lo, a / spec.index);
      hi = Math.min(hi, b / spec.index);
    } else if (spec.id !== 'T-AIGC') lo = Math.max(lo, a / 0.97);
  }
  const warnings: string[] = [];
  if (lo > hi) warnings.push(`topics: no common scale for the frontier indexes (${lo.toFixed(0)} > ${hi.toFixed(0)})`);
  const R = lo <= hi ? Math.sqrt(lo * hi) : lo;
  const series = new Map<string, { tid: number; year: number; counts: number[] }[]>();
  const raw = new Map<string, number>();
  // The leader's series is fixed first; the others are then solved on their integer series (the
  // rounding of each paper's yearly citations moves a raw value by a few tenths of a percent).
  const leaderBeta = solveBeta(chosen.get('T-AIGC')!, R);
  const leaderRaw = frontierRaw(topicSeries(chosen.get('T-AIGC')!, leaderBeta)).raw;
  for (const spec of list) {
    const papers = chosen.get(spec.id)!;
    const [a, b] = range.get(spec.id)!;
    const target = spec.id === 'T-AIGC' ? R : spec.index !== null ? spec.index * leaderRaw : Math.min(b, 0.97 * leaderRaw, Math.max(a, 0.8 * leaderRaw));
    const rough = spec.id === 'T-AIGC' ? leaderBeta : solveBeta(papers, target);
    const beta = spec.id === 'T-AIGC' ? leaderBeta : solveBeta(papers, target, true, rough - 0.5, rough + 0.5);
    series.set(spec.id, papers.map((p) => ({ tid: idx.get(p)!, year: p.year, counts: paperSeries(p, beta) })));
    raw.set(spec.id, frontierRaw(topicSeries(papers, beta)).raw);
  }
  return { specs: list, series, raw, warnings };
}

export async function writeTopicTables(db: Db, t: Raw, scale: number, plan: TopicPlan): Promise<void> {
  const S = (v: number) => Math.round(v * scale);
  await db.load('out_topics', [['topic_id', 'VARCHAR'], ['name_zh', 'VARCHAR'], ['name_en', 'VARCHAR'], ['group', 'VARCHAR']],
    plan.specs.map((s) => [s.id, TOPIC_NAMES[s.id]![0], TOPIC_NAMES[s.id]![1], s.group]));
  await db.load('tp_papers', [['tid', 'INTEGER'], ['topic_id', 'VARCHAR']], [...plan.series.entries()].flatMap(([id, ps]) => ps.map((p) => [p.tid, id])));
  await db.load('tp_series', [['tid', 'INTEGER'], ['year', 'INTEGER'], ['citations', 'INTEGER']],
    [...plan.series.values()].flatMap((ps) => ps.flatMap((p) => p.counts.map((c, a) => [p.tid, p.year + a, c]))));
  await db.run(`CREATE OR REPLACE TABLE out_paper_topics AS SELECT p.paper_id, t.topic_id FROM tp_papers t JOIN all_papers p ON p.kind = 't' AND p.a = t.tid`);
  // Topics also hold ordinary papers (about 12 per top-1% paper, from the topic's first year on):
  // the metrics count only the top 1% among them, as the contract says.
  const rows: (string | number)[][] = [];
  let lo = 0;
  const others = 2_180_000 * scale; // papers outside the top 1%
  for (const spec of plan.specs) {
    const width = Math.round((100_000 * 12 * spec.n) / Math.max(1, others));
    rows.push([spec.id, FIRST_YEAR[spec.id] ?? 2012, lo, lo + width]);
    lo += width;
  }
  await db.load('tp_nontop', [['topic_id', 'VARCHAR'], ['first_year', 'INTEGER'], ['lo', 'INTEGER'], ['hi', 'INTEGER']], rows);
  await db.run(`INSERT INTO out_paper_topics
    SELECT p.paper_id, t.topic_id FROM all_papers p
    JOIN tp_nontop t ON (hash(${C.SEED}, 'ntp', p.a, p.b) % 100000)::INTEGER >= t.lo AND (hash(${C.SEED}, 'ntp', p.a, p.b) % 100000)::INTEGER < t.hi
    WHERE p.kind = 'n' AND p.year >= t.first_year`);
  await db.run(`CREATE OR REPLACE TABLE out_paper_citations_by_year AS SELECT p.paper_id, s.year, s.citations FROM tp_series s JOIN all_papers p ON p.kind = 't' AND p.a = s.tid`);

  // Patents: per topic and class (CN, US, JP, CA, other) × (high-value or not), exact counts taken
  // from the generated patents in hash order, each patent in at most one topic.
  const needs: [string, string, boolean, number][] = [];
  for (const [id, v] of Object.entries(obj(t, 'topics.frontier'))) {
    const o = v as Raw;
    const hv = { CN: S(val(o.high_value_cn)), US: S(val(o.high_value_us)) };
    const all = { CN: S(val(o.patents_cn)), US: S(val(o.patents_us)) };
    needs.push([id, 'CN', true, hv.CN], [id, 'US', true, hv.US], [id, 'OTHER', true, S(val(o.high_value)) - hv.CN - hv.US]);
    needs.push([id, 'CN', false, all.CN - hv.CN], [id, 'US', false, all.US - hv.US], [id, 'OTHER', false, S(val(o.patents)) - all.CN - all.US - (S(val(o.high_value)) - hv.CN - hv.US)]);
  }
  for (const [id, v] of Object.entries(obj(t, 'topics.hot_2022'))) {
    const o = v as Raw;
    const hv: Record<string, number> = {};
    for (const [c, n] of Object.entries(o.high_value_by_country as Raw)) hv[c] = S(val(n));
    const total = S(val(o.high_value));
    for (const c of ['CN', 'US', 'JP', 'CA']) if (hv[c]) needs.push([id, c, true, hv[c]!]);
    needs.push([id, 'OTHER', true, total - sum(Object.values(hv))]);
    // Not printed: four other patents per high-value one, mostly Chinese and US (modelling).
    const rest = apportion(total * 4, [0.45, 0.3, 0.25]);
    needs.push([id, 'CN', false, rest[0]!], [id, 'US', false, rest[1]!], [id, 'OTHER', false, rest[2]!]);
  }
  // Frontier "other" patents avoid JP and CA so that the hot topics' JP/CA counts stay exact.
  await db.load('tp_needs', [['topic_id', 'VARCHAR'], ['cls', 'VARCHAR'], ['high', 'BOOLEAN'], ['n', 'INTEGER']], needs.filter((n) => n[3] > 0));
  await db.run(`
    CREATE OR REPLACE TABLE out_patent_topics AS
    WITH pat AS (
      SELECT patent_id, CASE WHEN country IN ('CN', 'US', 'JP', 'CA') THEN country ELSE 'OTHER' END AS cls,
             coalesce(value_usd >= 1000000, false) AS high,
             row_number() OVER (PARTITION BY CASE WHEN country IN ('CN', 'US', 'JP', 'CA') THEN country ELSE 'OTHER' END, coalesce(value_usd >= 1000000, false)
                                ORDER BY hash(${C.SEED}, 'tp', patent_id), patent_id) AS rk
      FROM out_patents),
    ranges AS (
      SELECT topic_id, cls, high, sum(n) OVER (PARTITION BY cls, high ORDER BY topic_id ROWS UNBOUNDED PRECEDING) - n AS lo,
             sum(n) OVER (PARTITION BY cls, high ORDER BY topic_id ROWS UNBOUNDED PRECEDING) AS hi FROM tp_needs)
    SELECT p.patent_id, r.topic_id FROM pat p JOIN ranges r ON r.cls = p.cls AND r.high = p.high AND p.rk > r.lo AND p.rk <= r.hi`);
}
