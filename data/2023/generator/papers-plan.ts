/**
 * The paper plan: which papers exist, by year, country set and institution, and how many citations
 * each group of papers has in total. Top-1% papers (about 23 thousand) are planned one by one;
 * the other 2.2 million are planned as groups that DuckDB expands into rows (papers-sql.ts).
 *
 * Exactness by construction:
 * - each year y gets m_y top papers, k_y - 1 of them strictly above the threshold T_y and the rest
 *   exactly at T_y; every other paper of the year stays below T_y, so the metrics engine finds
 *   threshold T_y and exactly m_y top papers (ties included);
 * - country and institution totals, top-1% counts, pair counts and the China/US yearly series are
 *   allocated as exact integers; citation sums per country/institution are set so that averages are
 *   the target values exactly.
 */
import * as C from './config.ts';
import { ALL_COUNTRIES, MAIN_COUNTRIES, REST_OF_WORLD, genericInstitutions, genericWeight, namedInstitutions, unitsOf, type Institution } from './entities.ts';
import { obj, series, val, type Raw } from './targets.ts';
import { apportion, rng, shuffle, sum } from './util.ts';

const YEARS = C.YEARS;
const NY = YEARS.length;

export interface TopPaper {
  year: number;
  countries: string[];
  /** Top-level institution per country entry (named id, or `G:<country>` before units are picked). */
  keys: string[];
  /** The institution_id written to paper_affiliations (a unit: campus, institute or generic). */
  units: string[];
  citations: number;
  review: boolean;
  atThreshold: boolean;
  topic: string | null;
}

export interface Group {
  gid: number;
  year: number;
  count: number;
  /** Total citations of the group's papers. */
  sum: number;
  /** Citations of every paper stay ≤ cap (the year's threshold − 1). */
  cap: number;
  countries: string[];
  keys: string[];
}

export interface PaperPlan {
  years: readonly number[];
  perYear: number[];
  k: number[];
  m: number[];
  thresholds: number[];
  top: TopPaper[];
  groups: Group[];
  institutions: Institution[];
  /** Weighted pick lists: key → institution ids (named: its units; generic: weighted by size). */
  picks: Map<string, string[]>;
  countryPapers: Map<string, number>;
  warnings: string[];
}

interface Pattern {
  countries: string[];
  count: number;
  /** Single-country papers of one institution: a named id, or `G:<country>` for generic ones. */
  key?: string;
}

const has = (p: { countries: readonly string[] }, c: string) => p.countries.includes(c);

/** Splits pattern counts over years so that each year's need is met exactly (sequential apportionment). */
function allocateYears(patterns: Pattern[], need: number[], label: string): number[][] {
  const rem = need.slice();
  const total = sum(patterns.map((p) => p.count));
  if (total !== sum(rem)) throw new Error(`${label}: patterns sum ${total} but yearly needs sum ${sum(rem)}`);
  if (rem.some((x) => x < 0)) throw new Error(`${label}: negative yearly need ${rem.join(',')}`);
  return patterns.map((p, idx) => {
    const alloc = idx === patterns.length - 1 ? rem.slice() : apportion(p.count, rem, rem);
    alloc.forEach((a, y) => (rem[y]! -= a));
    return alloc;
  });
}

export function planPapers(t: Raw, scale: number): PaperPlan {
  const warnings: string[] = [];
  const S = (v: number) => Math.round(v * scale);
  const P = obj(t, 'papers');
  const byCountry = obj(t, 'papers.by_country');
  const yearly = obj(t, 'papers.yearly');
  const total = S(val(P.total));
  const topTotal = S(val(P.top1_total));
  const perYear = apportion(total, series(yearly.total, YEARS));
  const thresholds = series(P.thresholds, YEARS);
  const k = perYear.map((n) => Math.ceil(n / 100));
  const extra = apportion(topTotal - sum(k), k);
  const m = k.map((x, i) => x + extra[i]!);

  // ---- top-1% papers: country patterns -------------------------------------------------------
  const top1Of = (c: string) => S(val((byCountry[c] as Raw).top1));
  const pairs = obj(t, 'collaboration.pairs');
  const patterns: Pattern[] = C.TOP_MULTI.map(([cs, n]) => ({ countries: [...cs], count: S(n) }));
  const pairFromMulti = (a: string, b: string) => sum(patterns.filter((p) => has(p, a) && has(p, b)).map((p) => p.count));
  for (const [key, v] of Object.entries(pairs)) {
    const [a, b] = key.split('-') as [string, string];
    const n = S(val(v)) - pairFromMulti(a, b);
    if (n < 0) throw new Error(`pair ${key}: multi-country patterns already exceed the target`);
    patterns.push({ countries: [a, b], count: n });
  }
  for (const [a, b, n] of C.TOP_EXTRA_PAIRS) patterns.push({ countries: [a, b], count: S(n) });
  for (const c of MAIN_COUNTRIES) {
    const used = sum(patterns.filter((p) => has(p, c)).map((p) => p.count));
    const single = top1Of(c) - used;
    if (single < 0) throw new Error(`top-1% of ${c}: patterns use ${used} > ${top1Of(c)}`);
    patterns.push({ countries: [c], count: single });
  }
  // The rest of the world: single-country top papers, geometric sizes.
  const mainTop = sum(patterns.map((p) => p.count));
  const rowTop = apportion(topTotal - mainTop, REST_OF_WORLD.map((_, i) => Math.pow(C.ROW_DECAY, i)));
  REST_OF_WORLD.forEach((c, i) => rowTop[i]! > 0 && patterns.push({ countries: [c], count: rowTop[i]! }));

  // ---- top-1% papers: years ---------------------------------------------------------------------
  const cnTop = apportion(top1Of('CN'), series((yearly.CN as Raw).top1, YEARS));
  const usTop = apportion(top1Of('US'), series((yearly.US as Raw).top1, YEARS));
  const cnusTop = apportion(S(val(pairs['CN-US'])), series(obj(t, 'collaboration').cn_us_yearly, YEARS));
  const cat = (p: Pattern) => (has(p, 'CN') ? (has(p, 'US') ? 'both' : 'cn') : has(p, 'US') ? 'us' : 'free');
  const needs: Record<string, number[]> = {
    both: cnusTop,
    cn: cnTop.map((x, y) => x - cnusTop[y]!),
    us: usTop.map((x, y) => x - cnusTop[y]!),
    free: m.map((x, y) => x - (cnTop[y]! + usTop[y]! - cnusTop[y]!)),
  };
  const rand = rng(`${C.SEED}:top`);
  const top: TopPaper[] = [];
  for (const c of ['both', 'cn', 'us', 'free']) {
    const ps = patterns.filter((p) => cat(p) === c && p.count > 0);
    // Largest last, so the residual year shape falls on the biggest pattern.
    ps.sort((a, b) => a.count - b.count);
    const alloc = allocateYears(ps, needs[c]!, `top ${c}`);
    ps.forEach((p, i) =>
      alloc[i]!.forEach((n, y) => {
        for (let j = 0; j < n; j++)
          top.push({ year: YEARS[y]!, countries: [...p.countries], keys: [], units: [], citations: 0, review: rand() < C.REVIEW_RATE_TOP, atThreshold: false, topic: null });
      }),
    );
  }
  shuffle(top, rand);

  // ---- institutions -------------------------------------------------------------------------------
  const institutions = namedInstitutions();
  const countryPapersTarget = (c: string) => S(val((byCountry[c] as Raw).papers));
  const instTargets = obj(t, 'papers.by_institution');
  const instPlan = new Map<string, { country: string; papers: number; top1: number; avg: number | null; nontopMean: number; topAvg: number | null }>();
  for (const [id, v] of Object.entries(instTargets)) {
    const o = v as Raw;
    const inst = institutions.find((i) => i.id === id);
    if (!inst) throw new Error(`unknown institution ${id}`);
    instPlan.set(id, { country: inst.country, papers: S(val(o.papers)), top1: S(val(o.top1)), avg: val(o.avg_citations), nontopMean: 0, topAvg: o.top1_avg_citations === undefined ? null : val(o.top1_avg_citations) });
  }
  for (const [id, o] of Object.entries(C.EXTRA_PAPER_INSTITUTIONS)) {
    const inst = institutions.find((i) => i.id === id)!;
    instPlan.set(id, { country: inst.country, papers: S(o.papers), top1: S(o.top1), avg: null, nontopMean: o.nontopMean, topAvg: null });
  }
  // Pick lists: a named institution's records go to its units (campuses, institutes) uniformly;
  // generic institutions' lists are added once the countries' sizes are known (below).
  const picks = new Map<string, string[]>();
  for (const inst of institutions) if (inst.parent === null) picks.set(inst.id, unitsOf(institutions, inst.id));

  // Top-paper entries: named institutions take exact counts, generic institutions the rest.
  const entriesOf = new Map<string, { p: TopPaper; pos: number }[]>();
  top.forEach((p) => p.countries.forEach((c, pos) => (entriesOf.get(c) ?? entriesOf.set(c, []).get(c)!).push({ p, pos })));
  for (const [c, list] of entriesOf) {
    let i = 0;
    for (const [id, ip] of instPlan) {
      if (ip.country !== c) continue;
      if (i + ip.top1 > list.length) throw new Error(`top-1% of ${id}: ${c} has only ${list.length} top entries`);
      for (let j = 0; j < ip.top1; j++, i++) list[i]!.p.keys[list[i]!.pos] = id;
    }
    for (; i < list.length; i++) list[i]!.p.keys[list[i]!.pos] = `G:${c}`;
  }

  // ---- top-1% citations ---------------------------------------------------------------------------
  const yi = (y: number) => y - YEARS[0]!;
  const T = (p: TopPaper) => thresholds[yi(p.year)]!;
  const pareto = (r: () => number) => Math.min(Math.pow(1 - r(), -1 / C.TOP_TAIL_ALPHA), 30);
  const paretoMean = C.TOP_TAIL_ALPHA / (C.TOP_TAIL_ALPHA - 1);
  const crand = rng(`${C.SEED}:topcit`);
  const hasAvgTarget = (c: string) => (byCountry[c] as Raw | undefined)?.top1_avg_citations !== undefined;
  // Ties at the threshold: single-country papers of countries without a published top-1% average.
  const tieNeed = m.map((x, y) => x - k[y]! + 1);
  for (let y = 0; y < NY; y++) {
    const pool = top.filter((p) => yi(p.year) === y && p.countries.length === 1 && !hasAvgTarget(p.countries[0]!) && !instPlan.get(p.keys[0]!)?.topAvg);
    if (pool.length < tieNeed[y]!) throw new Error(`year ${YEARS[y]}: ${pool.length} tie candidates < ${tieNeed[y]}`);
    for (let j = 0; j < tieNeed[y]!; j++) {
      pool[j]!.atThreshold = true;
      pool[j]!.citations = T(pool[j]!);
    }
  }
  // Multi-country papers and papers without an average target: threshold + 1 + Pareto extra.
  for (const p of top) {
    if (p.atThreshold) continue;
    const single = p.countries.length === 1;
    if (single && (hasAvgTarget(p.countries[0]!) || instPlan.get(p.keys[0]!)?.topAvg)) continue;
    const mean = single ? C.TOP_FREE_EXTRA_MEAN : C.TOP_MULTI_EXTRA_MEAN;
    p.citations = T(p) + 1 + Math.floor(((pareto(crand) - 1) * mean) / (paretoMean - 1));
  }
  // Exact residual sums: institutions with a top-1% average first, then each country's other singles.
  const fillExact = (papers: TopPaper[], targetSum: number, label: string) => {
    const base = sum(papers.map((p) => T(p) + 1));
    const extraSum = targetSum - base;
    if (extraSum < 0) {
      warnings.push(`${label}: top-1% citation target below the thresholds (short by ${-extraSum})`);
    }
    const w = papers.map(() => pareto(crand));
    const parts = apportion(Math.max(0, extraSum), w);
    papers.forEach((p, i) => (p.citations = T(p) + 1 + parts[i]!));
  };
  const sumOf = (ps: TopPaper[]) => sum(ps.map((p) => p.citations));
  for (const [id, ip] of instPlan) {
    if (ip.topAvg === null) continue;
    const mine = top.filter((p) => p.keys.includes(id));
    const singles = mine.filter((p) => p.countries.length === 1);
    fillExact(singles, ip.topAvg * mine.length - sumOf(mine.filter((p) => p.countries.length > 1)), `top-1% ${id}`);
  }
  for (const c of MAIN_COUNTRIES) {
    if (!hasAvgTarget(c)) continue;
    const mine = top.filter((p) => p.countries.includes(c));
    const targetSum = val((byCountry[c] as Raw).top1_avg_citations) * mine.length;
    const fixed = mine.filter((p) => p.countries.length > 1 || instPlan.get(p.keys[0]!)?.topAvg);
    fillExact(mine.filter((p) => !fixed.includes(p)), targetSum - sumOf(fixed), `top-1% ${c}`);
  }

  // ---- the other papers: country totals -------------------------------------------------------------
  const topCount = (c: string) => top.filter((p) => p.countries.includes(c)).length;
  const nontop: Pattern[] = C.NONTOP_MULTI.map(([cs, n]) => ({ countries: [...cs], count: S(n) }));
  const rowWeights = REST_OF_WORLD.map((_, i) => Math.pow(C.ROW_DECAY, i));
  // Solve the rest of the world's total X so that all papers add up to the published total.
  const mainNontop = sum(MAIN_COUNTRIES.map((c) => countryPapersTarget(c) - topCount(c)));
  const eCount = sum(nontop.map((p) => p.count));
  const ePart = sum(nontop.map((p) => p.count * p.countries.length));
  const partnerShare = sum(C.ROW_PARTNERS.map(([, s]) => s));
  const rowTopTotal = sum(rowTop);
  const nontopTotal = total - top.length;
  const X = Math.round((nontopTotal - eCount + ePart - mainNontop + rowTopTotal) / (1 - partnerShare));
  const rowPapers = apportion(X, rowWeights);
  REST_OF_WORLD.forEach((c, i) => {
    if (rowPapers[i]! < rowTop[i]!) rowPapers[i] = rowTop[i]!;
    for (const [partner, share] of C.ROW_PARTNERS) {
      const n = Math.round(rowPapers[i]! * share);
      if (n > 0) nontop.push({ countries: [c, partner], count: n });
    }
  });
  const countryPapers = new Map<string, number>();
  MAIN_COUNTRIES.forEach((c) => countryPapers.set(c, countryPapersTarget(c)));
  REST_OF_WORLD.forEach((c, i) => countryPapers.set(c, rowPapers[i]!));
  // Named institutions' other papers (single-country), then generic singles as the residual.
  for (const [id, ip] of instPlan) {
    const n = ip.papers - top.filter((p) => p.keys.includes(id)).length;
    if (n < 0) throw new Error(`${id}: top-1% papers exceed its papers`);
    nontop.push({ countries: [ip.country], count: n, key: id });
  }
  for (const c of ALL_COUNTRIES) {
    const used = sum(nontop.filter((p) => has(p, c)).map((p) => p.count));
    const n = countryPapers.get(c)! - topCount(c) - used;
    if (n < 0) throw new Error(`${c}: other papers ${n} < 0`);
    nontop.push({ countries: [c], count: n, key: `G:${c}` });
  }
  // Close the rounding gap on the largest rest-of-world country.
  const gap = nontopTotal - sum(nontop.map((p) => p.count));
  const ruSingle = nontop.find((p) => p.key === `G:${REST_OF_WORLD[0]}`)!;
  ruSingle.count += gap;
  countryPapers.set(REST_OF_WORLD[0]!, countryPapers.get(REST_OF_WORLD[0]!)! + gap);

  // ---- the other papers: years ------------------------------------------------------------------------
  const cnPapersY = apportion(countryPapers.get('CN')!, series((yearly.CN as Raw).papers, YEARS));
  const usPapersY = apportion(countryPapers.get('US')!, series((yearly.US as Raw).papers, YEARS));
  const cnNt = cnPapersY.map((x, y) => x - cnTop[y]!);
  const usNt = usPapersY.map((x, y) => x - usTop[y]!);
  const bothPatterns = nontop.filter((p) => cat(p) === 'both');
  const bothTotal = sum(bothPatterns.map((p) => p.count));
  const bothNeed = apportion(bothTotal, cnNt.map((x, y) => Math.sqrt(x * usNt[y]!)), cnNt.map((x, y) => Math.min(x, usNt[y]!)));
  const ntNeeds: Record<string, number[]> = {
    both: bothNeed,
    cn: cnNt.map((x, y) => x - bothNeed[y]!),
    us: usNt.map((x, y) => x - bothNeed[y]!),
    free: perYear.map((n, y) => n - m[y]! - (cnNt[y]! + usNt[y]! - bothNeed[y]!)),
  };
  const counts = new Map<Pattern, number[]>();
  for (const c of ['both', 'cn', 'us', 'free']) {
    const ps = nontop.filter((p) => cat(p) === c && p.count > 0).sort((a, b) => a.count - b.count);
    const alloc = allocateYears(ps, ntNeeds[c]!, `non-top ${c}`);
    ps.forEach((p, i) => counts.set(p, alloc[i]!));
  }

  // ---- the other papers: citation sums -------------------------------------------------------------
  const avgTarget = (c: string) => {
    const v = (byCountry[c] as Raw | undefined)?.avg_citations;
    return v === undefined ? null : val(v);
  };
  const prior = (c: string) => avgTarget(c) ?? C.DEFAULT_MEAN[c] ?? C.ROW_MEAN;
  const yearSums = (n: number[], total: number) => apportion(Math.max(0, Math.round(total)), n.map((x, y) => x * C.YEAR_FACTOR[y]!));
  const sums = new Map<Pattern, number[]>();
  const keyOf = (p: Pattern) => p.key;
  for (const [p, n] of counts) {
    if (p.countries.length > 1) sums.set(p, yearSums(n, sum(n) * C.NONTOP_MULTI_FACTOR * (sum(p.countries.map(prior)) / p.countries.length)));
  }
  for (const [id, ip] of instPlan) {
    const p = [...counts.keys()].find((q) => keyOf(q) === id);
    const topSum = sumOf(top.filter((q) => q.keys.includes(id)));
    const n = p ? counts.get(p)! : new Array(NY).fill(0);
    if (p) sums.set(p, yearSums(n, ip.avg === null ? sum(n) * ip.nontopMean : ip.avg * ip.papers - topSum));
  }
  for (const c of ALL_COUNTRIES) {
    const p = [...counts.keys()].find((q) => keyOf(q) === `G:${c}`);
    if (!p) continue;
    const n = counts.get(p)!;
    const target = avgTarget(c);
    if (target === null) {
      sums.set(p, yearSums(n, sum(n) * prior(c)));
      continue;
    }
    const others = [...sums.entries()].filter(([q]) => has(q, c)).reduce((s, [, v]) => s + sum(v), 0);
    const topSum = sumOf(top.filter((q) => q.countries.includes(c)));
    const residual = target * countryPapers.get(c)! - topSum - others;
    if (residual < 0) throw new Error(`${c}: citation residual ${residual} < 0`);
    sums.set(p, yearSums(n, residual));
  }

  // ---- groups -------------------------------------------------------------------------------------------
  const groups: Group[] = [];
  for (const [p, n] of counts) {
    const s = sums.get(p)!;
    n.forEach((count, y) => {
      if (count === 0) return;
      const cap = thresholds[y]! - 1;
      if (s[y]! > count * cap * 0.6) warnings.push(`group ${p.countries.join('+')} ${YEARS[y]}: mean ${(s[y]! / count).toFixed(1)} near cap ${cap}`);
      const key = keyOf(p);
      groups.push({ gid: groups.length, year: YEARS[y]!, count, sum: s[y]!, cap, countries: p.countries, keys: p.countries.map((c) => (key && p.countries.length === 1 ? key : `G:${c}`)) });
    });
  }

  // ---- generic institutions ----------------------------------------------------------------------------
  for (const c of ALL_COUNTRIES) {
    const n = Math.max(4, Math.ceil(countryPapers.get(c)! / C.PAPERS_PER_GENERIC_INSTITUTION));
    const gen = genericInstitutions(c, n);
    institutions.push(...gen);
    const slots = apportion(4000, gen.map((_, r) => genericWeight(r)));
    picks.set(`G:${c}`, gen.flatMap((g, r) => new Array<string>(slots[r]!).fill(g.id)));
  }
  const prand = rng(`${C.SEED}:units`);
  for (const p of top) p.units = p.keys.map((key) => { const l = picks.get(key)!; return l[Math.floor(prand() * l.length)]!; });

  return { years: YEARS, perYear, k, m, thresholds, top, groups, institutions, picks, countryPapers, warnings };
}

