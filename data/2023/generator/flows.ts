/**
 * International moves of researchers (about 244 thousand, 2012-2021) and moves between Chinese
 * cities, calibrated to the flow totals and nets. Each country's (or city's) inflow and outflow
 * follow from its published total and net; an origin-destination matrix with those margins is
 * built by pairing outflow and inflow tokens at random (no self-moves), then expanded in SQL.
 */
import * as C from './config.ts';
import { PROVINCES, EXTRA_CITIES } from './entities.ts';
import type { Db } from './db.ts';
import { obj, val, type Raw } from './targets.ts';
import { apportion, apportionSoft, rng, shuffle, sum } from './util.ts';
import type { TalentPlan } from './talent.ts';

export interface FlowPlan {
  /** from, to, count: international moves (countries) */
  od: [string, string, number][];
  /** from city, to city, count: moves between Chinese cities */
  cityOd: [string, string, number][];
}

/** Random pairing of outflow and inflow tokens with no self-pairs; returns counts per (from, to). */
function pairTokens(names: readonly string[], outs: readonly number[], ins: readonly number[], label: string): [string, string, number][] {
  if (sum(outs) !== sum(ins)) throw new Error(`${label}: outflow ${sum(outs)} != inflow ${sum(ins)}`);
  const from: number[] = [];
  const to: number[] = [];
  outs.forEach((n, i) => { for (let j = 0; j < n; j++) from.push(i); });
  ins.forEach((n, i) => { for (let j = 0; j < n; j++) to.push(i); });
  const rand = rng(`${C.SEED}:${label}`);
  shuffle(to, rand);
  // Self-pairs are repaired by swapping destinations with another pair where neither becomes one.
  for (let i = 0; i < from.length; i++) {
    if (from[i] !== to[i]) continue;
    for (let tries = 0; ; tries++) {
      const j = Math.floor(rand() * from.length);
      if (from[j] !== to[i] && from[i] !== to[j]) {
        [to[i], to[j]] = [to[j]!, to[i]!];
        break;
      }
      if (tries > 1e6) throw new Error(`${label}: cannot avoid self-moves`);
    }
  }
  const counts = new Map<string, number>();
  from.forEach((f, i) => {
    const k = `${f}|${to[i]}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  return [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, n]) => {
    const [f, t] = k.split('|').map(Number) as [number, number];
    return [names[f]!, names[t]!, n];
  });
}

/** Inflow and outflow from total and net (the published pair), checking they are whole numbers. */
function inOut(total: number, net: number, label: string): [number, number] {
  if ((total + net) % 2 !== 0) throw new Error(`${label}: total ${total} and net ${net} differ in parity`);
  return [(total + net) / 2, (total - net) / 2];
}

export function planFlows(t: Raw, scale: number, talent: TalentPlan): FlowPlan {
  const S = (v: number) => Math.round(v * scale);
  const even = (v: number) => 2 * Math.round(v / 2);
  const F = obj(t, 'flows');
  const byCountry = obj(t, 'flows.by_country');
  const totalMoves = S(val(F.total_moves));
  const names: string[] = [];
  const totals: number[] = [];
  const nets: number[] = [];
  for (const [c, v] of Object.entries(byCountry)) {
    names.push(c);
    // At a reduced scale total and net keep the same parity by rounding both to even numbers.
    totals.push(scale === 1 ? val((v as Raw).total) : even(S(val((v as Raw).total))));
    nets.push(scale === 1 ? val((v as Raw).net) : even(S(val((v as Raw).net))));
  }
  // The other countries: totals by researcher numbers (each below 10,000 moves), small net outflows
  // (each above the second-largest published net outflow) so that all nets add up to zero.
  const rest = talent.countries.filter((c) => !names.includes(c) && (talent.scholars.get(c) ?? 0) > 0);
  const restTotal = 2 * totalMoves - sum(totals);
  const capTotal = S(9000);
  const rt = apportionSoft(restTotal, rest.map((c) => talent.scholars.get(c)!), rest.map(() => capTotal));
  const minNet = Math.min(...nets.filter((n) => n < 0).map((n) => -n));
  const rn = apportionSoft(sum(nets), rt, rt.map((n) => Math.min(Math.floor(n / 2), Math.max(0, Math.ceil(minNet * 0.9) - 1)))).map((x) => -x);
  // Make each total + net even; the units taken off go back two at a time to the largest countries.
  let deficit = 0;
  rt.forEach((n, i) => {
    if ((n + rn[i]!) % 2 !== 0) {
      rt[i]! -= 1;
      deficit += 1;
    }
  });
  for (let i = 0; deficit > 0; i = (i + 1) % rt.length) {
    if (rt[i]! + 2 <= capTotal) {
      rt[i]! += 2;
      deficit -= 2;
    }
  }
  rest.forEach((c, i) => {
    names.push(c);
    totals.push(rt[i]!);
    nets.push(rn[i]!);
  });
  const io = names.map((c, i) => inOut(totals[i]!, nets[i]!, c));
  const od = pairTokens(names, io.map((x) => x[1]), io.map((x) => x[0]), 'moves');

  // Chinese cities: the ten in the report, plus other provincial capitals sharing the remaining net.
  const byCity = obj(t, 'flows.by_city');
  const cities: string[] = [];
  const ct: number[] = [];
  const cn: number[] = [];
  for (const [city, v] of Object.entries(byCity)) {
    cities.push(city);
    ct.push(scale === 1 ? val((v as Raw).total) : even(S(val((v as Raw).total))));
    cn.push(scale === 1 ? val((v as Raw).net) : even(S(val((v as Raw).net))));
  }
  const more = [...PROVINCES.map((p) => p.city), ...Object.values(EXTRA_CITIES).flat()].filter((c) => !cities.includes(c) && c !== 'Hong Kong' && c !== 'Macao');
  const minTotal = Math.min(...ct);
  const mt = more.map((_, i) => even(Math.max(20, S(minTotal * 0.9 * Math.pow(0.92, i)))));
  const outflowFloor = [...cn].sort((a, b) => a - b)[2]!; // third-largest net outflow, printed
  const mn = apportionSoft(sum(cn) / 2, mt, mt.map((n) => Math.min(n / 2, Math.floor((-outflowFloor - 1) / 2)))).map((x) => -2 * x);
  more.forEach((c, i) => {
    cities.push(c);
    ct.push(Math.max(mt[i]!, Math.abs(mn[i]!)));
    cn.push(mn[i]!);
  });
  const cio = cities.map((c, i) => inOut(ct[i]!, cn[i]!, c));
  const cityOd = pairTokens(cities, cio.map((x) => x[1]), cio.map((x) => x[0]), 'city-moves');
  return { od, cityOd };
}

/** Chinese cities that international moves start from or arrive at, by weight. */
const CN_CITY_WEIGHTS: [string, number][] = [['Beijing', 30], ['Shanghai', 16], ['Shenzhen', 8], ['Hangzhou', 7], ['Nanjing', 7], ['Wuhan', 6], ['Guangzhou', 6], ['Hong Kong', 9], ["Xi'an", 4], ['Chengdu', 4], ['Hefei', 3]];

export async function writeFlowTables(db: Db, plan: FlowPlan): Promise<void> {
  await db.load('mv_od', [['oid', 'INTEGER'], ['from_country', 'VARCHAR'], ['to_country', 'VARCHAR'], ['from_city', 'VARCHAR'], ['to_city', 'VARCHAR'], ['n', 'INTEGER'], ['domestic', 'BOOLEAN']],
    [...plan.od.map(([f, t, n], i) => [i, f, t, null, null, n, false]), ...plan.cityOd.map(([f, t, n], i) => [plan.od.length + i, 'CN', 'CN', f, t, n, true])]);
  const slots = apportion(1000, CN_CITY_WEIGHTS.map(([, w]) => w));
  await db.load('mv_cn_city', [['slot', 'INTEGER'], ['city', 'VARCHAR']], CN_CITY_WEIGHTS.flatMap(([c], i) => new Array<string>(slots[i]!).fill(c)).map((c, i) => [i, c]));
  // Years lean to the later part of the decade (more researchers, more moves).
  const yslots = apportion(1000, C.YEARS.map((_, i) => Math.pow(1.08, i)));
  await db.load('mv_year', [['slot', 'INTEGER'], ['year', 'INTEGER']], C.YEARS.flatMap((y, i) => new Array<number>(yslots[i]!).fill(y)).map((y, i) => [i, y]));
  await db.run(`CREATE OR REPLACE TABLE mv_scholars AS SELECT scholar_id, country, (row_number() OVER (PARTITION BY country ORDER BY scholar_id) - 1)::INTEGER AS k, count(*) OVER (PARTITION BY country) AS n FROM out_scholars`);
  // The mover is a researcher of the destination country (where they are now).
  await db.run(`
    CREATE OR REPLACE TABLE out_scholar_moves AS
    WITH r AS (SELECT oid, from_country, to_country, from_city, to_city, domestic, unnest(range(n)) AS i FROM mv_od),
    k AS (SELECT r.*, (hash(${C.SEED}, 'mvs', oid, i) % 1000000007)::BIGINT AS h FROM r)
    SELECT s.scholar_id, y.year, k.from_country, k.to_country,
           CASE WHEN k.domestic THEN k.from_city WHEN k.from_country = 'CN' THEN fc.city END AS from_city,
           CASE WHEN k.domestic THEN k.to_city WHEN k.to_country = 'CN' THEN tc.city END AS to_city
    FROM k
    JOIN (SELECT country, any_value(n) AS n FROM mv_scholars GROUP BY country) cnt ON cnt.country = k.to_country
    JOIN mv_scholars s ON s.country = k.to_country AND s.k = k.h % cnt.n
    JOIN mv_year y ON y.slot = (hash(${C.SEED}, 'mvy', oid, i) % 1000)::INTEGER
    LEFT JOIN mv_cn_city fc ON fc.slot = (hash(${C.SEED}, 'mvf', oid, i) % 1000)::INTEGER
    LEFT JOIN mv_cn_city tc ON tc.slot = (hash(${C.SEED}, 'mvt', oid, i) % 1000)::INTEGER`);
}
