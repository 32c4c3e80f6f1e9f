/**
 * Patents: 669,942 granted patent families, by country, year, value band and assignee, calibrated
 * to the published counts. The plan is a set of cells (country, year, band, assignee) with exact
 * counts; DuckDB expands them into rows with a value drawn log-uniformly inside the band.
 */
import * as C from './config.ts';
import { ALL_COUNTRIES, REST_OF_WORLD, type Institution } from './entities.ts';
import { U, loadPicks, type Db } from './db.ts';
import { obj, series, val, type Raw } from './targets.ts';
import { apportion, sum } from './util.ts';

const YEARS = C.YEARS;

/**
 * Bands as the contract defines them, with 600k-3M split at 1M so that high-value counts
 * (value >= 1M) are exact. [lo, hi) in USD; hi null = open; lo null = unknown value.
 */
export const BANDS = [
  { id: '0-10k', lo: 100, hi: 10_000 },
  { id: '10k-30k', lo: 10_000, hi: 30_000 },
  { id: '30k-300k', lo: 30_000, hi: 300_000 },
  { id: '300k-600k', lo: 300_000, hi: 600_000 },
  { id: '600k-1M', lo: 600_000, hi: 1_000_000 },
  { id: '1M-3M', lo: 1_000_000, hi: 3_000_000 },
  { id: '3M-20M', lo: 3_000_000, hi: 20_000_000 },
  { id: '20M+', lo: 20_000_000, hi: 300_000_000 },
  { id: 'unknown', lo: null, hi: null },
] as const;
const HIGH = new Set(['1M-3M', '3M-20M', '20M+']);

/** Band shares of countries whose distribution is not published (before the exact high-value part). */
const LOW_SHARES: Record<string, number> = { '0-10k': 0.24, '10k-30k': 0.3, '30k-300k': 0.36, '300k-600k': 0.07, unknown: 0.03 };

/**
 * Yearly weight of a band. Patent value shows with time, so valuable patents lean to older years.
 * From 600k up the weight ignores the country's yearly volume: each country's high-value series then
 * has the same shape, falling over the decade, and the US/China gap does not narrow (as printed),
 * although China's patent volume grows eightfold.
 */
const yearWeight = (band: string, y: number, volume: number) => {
  const age = (2022 - y) / 10;
  if (HIGH.has(band) || band === '600k-1M') return Math.pow(age, 1.5);
  return band === '300k-600k' ? volume * age : volume;
};

interface Cell {
  country: string;
  year: number;
  band: string;
  /** Assignee: a named institution id, `PG:<country>` for a generic one, or null. */
  key: string | null;
  count: number;
}

export interface PatentPlan {
  cells: Cell[];
  picks: Map<string, string[]>;
  countryTotals: Map<string, number>;
}

export function planPatents(t: Raw, scale: number, institutions: readonly Institution[]): PatentPlan {
  const S = (v: number) => Math.round(v * scale);
  const P = obj(t, 'patents');
  const byCountry = obj(t, 'patents.by_country');
  const total = S(val(P.total));
  const totals = new Map<string, number>();
  const highs = new Map<string, number>();
  for (const [c, v] of Object.entries(byCountry)) {
    totals.set(c, S(val((v as Raw).patents)));
    highs.set(c, S(val((v as Raw).high_value)));
  }
  // The rest of the world shares what is left, each below the 10th country (patents and high value).
  const rest = ALL_COUNTRIES.filter((c) => !totals.has(c));
  const minMain = Math.min(...totals.values());
  const minHigh = Math.min(...highs.values());
  const restTotal = total - sum([...totals.values()]);
  const weights = rest.map((c, i) => (REST_OF_WORLD.includes(c as never) ? Math.pow(0.9, i) : Math.pow(0.9, i) * 3));
  const restCounts = apportion(restTotal, weights, rest.map(() => Math.floor(minMain * 0.95)));
  rest.forEach((c, i) => {
    totals.set(c, restCounts[i]!);
    highs.set(c, Math.min(Math.round(restCounts[i]! * 0.04), Math.floor(minHigh * 0.9)));
  });

  // Bands per country: published/assumed for CN and US, a template plus exact high-value elsewhere.
  const bandCounts = new Map<string, Record<string, number>>();
  for (const [c, n] of totals) {
    const vb = (P.value_bands as Raw)[c] as Raw | undefined;
    if (vb) {
      const b: Record<string, number> = {};
      for (const [k, v] of Object.entries(vb)) b[k] = S(val(v));
      const h = highs.get(c)!;
      const above3M = b['3M-20M']! + b['20M+']!;
      b['1M-3M'] = h - above3M;
      b['600k-1M'] = b['600k-3M']! - b['1M-3M'];
      delete b['600k-3M'];
      b.unknown = 0;
      if (sum(Object.values(b)) !== n) throw new Error(`patents ${c}: bands sum ${sum(Object.values(b))} != ${n}`);
      bandCounts.set(c, b);
      continue;
    }
    const h = highs.get(c)!;
    const b: Record<string, number> = {};
    b['20M+'] = Math.round(h * 0.006);
    b['3M-20M'] = Math.round(h * 0.09);
    b['1M-3M'] = h - b['20M+'] - b['3M-20M'];
    b['600k-1M'] = Math.round(h * 0.35);
    const lowIds = Object.keys(LOW_SHARES);
    const low = apportion(n - h - b['600k-1M'], lowIds.map((k) => LOW_SHARES[k]!));
    lowIds.forEach((k, i) => (b[k] = low[i]!));
    bandCounts.set(c, b);
  }

  // Years: CN and US series as targeted; others follow the world's growth.
  const yearly = obj(t, 'patents.yearly');
  const shape = YEARS.map((_, i) => Math.pow(1.12, i));
  const cells: Cell[] = [];
  const grid = new Map<string, number[]>(); // `${country}|${band}` → per-year counts
  for (const [c, n] of totals) {
    const perYear = yearly[c] ? apportion(n, series(yearly[c], YEARS)) : apportion(n, shape);
    const rem = perYear.slice();
    const bands = Object.entries(bandCounts.get(c)!).sort((a, b) => a[1] - b[1]);
    bands.forEach(([band, count], i) => {
      const alloc = i === bands.length - 1 ? rem.slice() : apportion(count, rem.map((r, y) => yearWeight(band, YEARS[y]!, r)), rem);
      alloc.forEach((a, y) => (rem[y]! -= a));
      grid.set(`${c}|${band}`, alloc);
    });
  }

  // Named assignees take exact totals and high-value counts out of their country's cells.
  const assignees = obj(t, 'patents.by_assignee');
  const countryOf = (id: string) => institutions.find((i) => i.id === id)!.country;
  for (const [id, v] of Object.entries(assignees)) {
    const c = countryOf(id);
    const n = S(val((v as Raw).patents));
    const h = S(val((v as Raw).high_value));
    for (const [isHigh, want] of [[true, h], [false, n - h]] as const) {
      const keys = [...grid.keys()].filter((k) => k.startsWith(`${c}|`) && HIGH.has(k.split('|')[1]!) === isHigh && !k.endsWith('|unknown'));
      const flat = keys.flatMap((k) => grid.get(k)!.map((cnt, y) => ({ k, y, cnt })));
      const take = apportion(want, flat.map((f) => f.cnt), flat.map((f) => f.cnt));
      flat.forEach((f, i) => {
        if (take[i]! === 0) return;
        grid.get(f.k)![f.y]! -= take[i]!;
        cells.push({ country: c, year: YEARS[f.y]!, band: f.k.split('|')[1]!, key: id, count: take[i]! });
      });
    }
  }
  // The rest: generic assignees, and about 8 % without an assignee (individual inventors).
  for (const [k, counts] of grid) {
    const [c, band] = k.split('|') as [string, string];
    counts.forEach((n, y) => {
      if (n <= 0) return;
      const none = Math.round(n * 0.08);
      if (none > 0) cells.push({ country: c, year: YEARS[y]!, band, key: null, count: none });
      if (n - none > 0) cells.push({ country: c, year: YEARS[y]!, band, key: `PG:${c}`, count: n - none });
    });
  }
  // Generic assignees: a flat distribution, so none reaches the published top-10 lists.
  const picks = new Map<string, string[]>();
  for (const c of totals.keys()) {
    const gen = institutions.filter((i) => i.country === c && i.parent === null && i.id.startsWith(`I-${c}-`));
    const slots = apportion(4000, gen.map((_, r) => 1 / Math.sqrt(r + 100)));
    picks.set(`PG:${c}`, gen.flatMap((g, r) => new Array<string>(slots[r]!).fill(g.id)));
  }
  return { cells, picks, countryTotals: totals };
}

export async function writePatentTables(db: Db, plan: PatentPlan): Promise<void> {
  await db.load('pat_cells', [['cid', 'INTEGER'], ['country', 'VARCHAR'], ['year', 'INTEGER'], ['band', 'VARCHAR'], ['key', 'VARCHAR'], ['n', 'INTEGER'], ['lo', 'DOUBLE'], ['hi', 'DOUBLE']],
    plan.cells.map((c, i) => {
      const b = BANDS.find((x) => x.id === c.band)!;
      return [i, c.country, c.year, c.band, c.key, c.count, b.lo, b.hi];
    }));
  await loadPicks(db, 'pat_picks', plan.picks);
  // Value: log-uniform inside the band, floored (so it never reaches the band's upper bound).
  await db.run(`
    CREATE OR REPLACE TABLE out_patents AS
    WITH r AS (SELECT cid, country, year, band, key, lo, hi, unnest(range(n)) AS i FROM pat_cells),
    v AS (
      SELECT *, CASE WHEN lo IS NULL THEN NULL
                     ELSE least(floor(exp(ln(lo) + ${U(String(C.SEED), "'val'", 'cid', 'i')} * (ln(hi) - ln(lo)))), hi - 1) END AS value_usd,
             (hash(${C.SEED}, 'asg', cid, i) % 4000)::INTEGER AS slot
      FROM r)
    SELECT 'PT' || lpad((row_number() OVER (ORDER BY year, hash(${C.SEED}, 'pid', cid, i), cid, i))::VARCHAR, 7, '0') AS patent_id,
           v.year, v.country,
           CASE WHEN v.key IS NULL THEN NULL WHEN v.key LIKE 'PG:%' THEN p.institution_id ELSE v.key END AS assignee_id,
           v.value_usd::DOUBLE AS value_usd,
           v.band AS plan_band
    FROM v LEFT JOIN pat_picks p ON p.key = v.key AND p.slot = v.slot`);
}
