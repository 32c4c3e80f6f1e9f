/**
 * Researchers (scholars): 774,710 people with an h-index, by country, institution and Chinese
 * province, calibrated to the talent chapter. The plan is cells (country, institution or pick list,
 * province, high-level or not) with exact counts; DuckDB expands them.
 */
import countries from 'i18n-iso-countries';
import * as C from './config.ts';
import { ALL_COUNTRIES, PROVINCES, genericInstitutions, type Institution } from './entities.ts';
import { U, loadPicks, type Db } from './db.ts';
import { obj, val, type Raw } from './targets.ts';
import { apportion, sum } from './util.ts';

interface Cell {
  country: string;
  /** Pick list key (named units, generic institutions of a country or province) or null. */
  key: string | null;
  province: string | null;
  high: boolean;
  count: number;
}

export interface TalentPlan {
  cells: Cell[];
  picks: Map<string, string[]>;
  /** Every country with researchers, in a fixed order. */
  countries: string[];
  scholars: Map<string, number>;
}

/**
 * Further sovereign countries with researchers, roughly by size. The published top 10 hold only
 * 39 % of all researchers, so the rest must be spread widely; uninhabited territories are left out.
 */
const MORE_COUNTRIES = [
  'VE', 'UZ', 'AZ', 'GE', 'AM', 'CU', 'BA', 'MK', 'AL', 'MD', 'ME', 'KG', 'MN', 'KH', 'LA', 'MM', 'LY', 'SD', 'SY', 'YE',
  'AF', 'PS', 'BH', 'CM', 'CI', 'SN', 'TZ', 'UG', 'RW', 'ZM', 'ZW', 'MZ', 'AO', 'BW', 'NA', 'MW', 'MG', 'MU', 'BJ', 'BF',
  'GT', 'HN', 'SV', 'NI', 'PA', 'DO', 'JM', 'TT', 'BO', 'PY', 'TJ', 'TM', 'BN', 'FJ', 'PG', 'MV', 'BT', 'CD', 'CG', 'ML',
];

/** Countries with researchers: the published top 10, then the paper countries, then more sovereign states. */
export function talentCountries(top: readonly string[]): string[] {
  const known = new Set(Object.keys(countries.getAlpha2Codes()));
  const rest = [...ALL_COUNTRIES, ...MORE_COUNTRIES].filter((c, i, all) => !top.includes(c) && known.has(c) && all.indexOf(c) === i);
  return [...top, ...rest];
}

/**
 * Generic institutions of a country (or a Chinese province), adding new ones when there are too few
 * for their researchers: institutions made for papers alone would otherwise grow into the top-10 lists.
 */
function ensureGeneric(institutions: Institution[], c: string, province: string | null, needed: number): string[] {
  const mine = () => institutions.filter((i) => i.country === c && i.parent === null && i.id.startsWith(`I-${c}-`) && (province === null || i.province === province));
  let list = mine();
  if (list.length >= needed) return list.map((i) => i.id);
  const all = institutions.filter((i) => i.id.startsWith(`I-${c}-`));
  const next = all.reduce((m, i) => Math.max(m, Number(i.id.slice(c.length + 3))), 0) + 1;
  const made = genericInstitutions(c, next + needed - list.length - 1).slice(next - 1);
  const prov = province ? PROVINCES.find((p) => p.code === province)! : null;
  for (const m of made) institutions.push(prov ? { ...m, province: prov.code, city: prov.city } : m);
  list = mine();
  return list.map((i) => i.id);
}

/** Sizes that keep every generic institution well below the published 10th places. */
const PER_GENERIC = { scholars: 120, high: 30 };

export function planTalent(t: Raw, scale: number, institutions: Institution[]): TalentPlan {
  const S = (v: number) => Math.round(v * scale);
  const T = obj(t, 'talent');
  const byCountry = obj(t, 'talent.by_country');
  const top = Object.keys(byCountry);
  const all = talentCountries(top);
  const scholars = new Map<string, number>();
  const high = new Map<string, number>();
  for (const c of top) {
    scholars.set(c, S(val((byCountry[c] as Raw).scholars)));
    high.set(c, S(val((byCountry[c] as Raw).high_level)));
  }
  const rest = all.slice(top.length);
  const minTop = Math.min(...top.map((c) => scholars.get(c)!));
  const restScholars = apportion(S(val(T.total)) - sum([...scholars.values()]), rest.map((_, i) => Math.pow(0.975, i)), rest.map(() => Math.floor(minTop * 0.97)));
  const hiCap = Math.floor(Math.min(...top.slice(0, 4).map((c) => high.get(c)!)) * 0.95);
  const restHigh = apportion(S(val(T.high_level_total)) - sum([...high.values()]), restScholars.map((n, i) => n * (i < 30 ? 1.4 : 0.8)), restScholars.map((n) => Math.min(n, hiCap)));
  rest.forEach((c, i) => {
    scholars.set(c, restScholars[i]!);
    high.set(c, restHigh[i]!);
  });

  const cells: Cell[] = [];
  const picks = new Map<string, string[]>();
  const instOf = (id: string) => institutions.find((i) => i.id === id)!;
  const named = obj(t, 'talent.by_institution');
  const used = new Map<string, { n: number; h: number }>(); // per country or per CN province
  const use = (k: string, n: number, h: number) => {
    const u = used.get(k) ?? { n: 0, h: 0 };
    used.set(k, { n: u.n + n, h: u.h + h });
  };
  for (const [id, v] of Object.entries(named)) {
    const inst = instOf(id);
    const n = S(val((v as Raw).scholars));
    const h = S(val((v as Raw).high_level));
    const kids = institutions.filter((i) => i.parent === id);
    if (inst.country === 'CN') {
      // A Chinese institution's researchers sit in its units' provinces (CAS institutes spread out).
      const units = kids.length > 0 ? kids : [inst];
      const provs = [...new Set(units.map((u) => u.province ?? 'CN-BJ'))];
      const w = provs.map((p) => units.filter((u) => (u.province ?? 'CN-BJ') === p).length);
      const ns = apportion(n, w);
      const hs = apportion(h, w, ns);
      provs.forEach((p, i) => {
        const key = `N:${id}:${p}`;
        picks.set(key, units.filter((u) => (u.province ?? 'CN-BJ') === p).map((u) => u.id));
        cells.push({ country: 'CN', key, province: p, high: true, count: hs[i]! });
        cells.push({ country: 'CN', key, province: p, high: false, count: ns[i]! - hs[i]! });
        use(p, ns[i]!, hs[i]!);
      });
    } else {
      const key = `N:${id}`;
      picks.set(key, kids.length > 0 ? kids.map((k) => k.id) : [id]);
      cells.push({ country: inst.country, key, province: null, high: true, count: h });
      cells.push({ country: inst.country, key, province: null, high: false, count: n - h });
    }
    use(inst.country, n, h);
  }
  // Chinese provinces: the published/assumed ten exactly, the others share the rest.
  const provT = obj(t, 'talent.by_province');
  const provN = new Map<string, number>();
  const provH = new Map<string, number>();
  for (const [p, v] of Object.entries(provT)) {
    provN.set(p, S(val((v as Raw).scholars)));
    provH.set(p, S(val((v as Raw).high_level)));
  }
  const others = PROVINCES.map((p) => p.code).filter((p) => !provN.has(p));
  const minProv = Math.min(...provN.values());
  const oN = apportion(scholars.get('CN')! - sum([...provN.values()]), others.map((_, i) => Math.pow(0.9, i)), others.map(() => Math.floor(minProv * 0.97)));
  const hCap = Math.floor([...provH.values()].sort((a, b) => b - a)[2]! * 0.9);
  const oH = apportion(high.get('CN')! - sum([...provH.values()]), oN, oN.map((n) => Math.min(n, hCap)));
  others.forEach((p, i) => {
    provN.set(p, oN[i]!);
    provH.set(p, oH[i]!);
  });
  const genericIn = (c: string) => institutions.filter((i) => i.country === c && i.parent === null && i.id.startsWith(`I-${c}-`));
  for (const [p, n] of provN) {
    const u = used.get(p) ?? { n: 0, h: 0 };
    const gn = n - u.n;
    const gh = provH.get(p)! - u.h;
    if (gn < 0 || gh < 0 || gh > gn) throw new Error(`talent ${p}: named institutions exceed the province (${gn}, ${gh})`);
    const key = `TP:${p}`;
    const list = ensureGeneric(institutions, 'CN', p, Math.max(Math.ceil(gn / PER_GENERIC.scholars), Math.ceil(gh / PER_GENERIC.high)));
    picks.set(key, list);
    const k = list.length > 0 ? key : null;
    cells.push({ country: 'CN', key: k, province: p, high: true, count: gh });
    cells.push({ country: 'CN', key: k, province: p, high: false, count: gn - gh });
  }
  // Other countries: generic institutions with a flat size distribution; 5 % without an institution.
  for (const c of all) {
    if (c === 'CN') continue;
    const u = used.get(c) ?? { n: 0, h: 0 };
    const gn = scholars.get(c)! - u.n;
    const gh = high.get(c)! - u.h;
    if (gn < 0 || gh < 0) throw new Error(`talent ${c}: named institutions exceed the country`);
    const hasOwn = genericIn(c).length > 0;
    const gen = hasOwn ? ensureGeneric(institutions, c, null, Math.max(Math.ceil(gn / PER_GENERIC.scholars), Math.ceil(gh / PER_GENERIC.high))) : [];
    const key = gen.length > 0 ? `TG:${c}` : null;
    if (key) {
      const slots = apportion(4000, gen.map((_, r) => 1 / Math.sqrt(r + 80)));
      picks.set(key, gen.flatMap((g, r) => new Array<string>(slots[r]!).fill(g)));
    }
    const nh = key ? Math.round(gh * 0.05) : gh;
    const nn = key ? Math.round((gn - gh) * 0.05) : gn - gh;
    cells.push({ country: c, key: null, province: null, high: true, count: nh });
    cells.push({ country: c, key: null, province: null, high: false, count: nn });
    if (key) {
      cells.push({ country: c, key, province: null, high: true, count: gh - nh });
      cells.push({ country: c, key, province: null, high: false, count: gn - gh - nn });
    }
  }
  return { cells: cells.filter((c) => c.count > 0), picks, countries: all, scholars };
}

export async function writeTalentTables(db: Db, plan: TalentPlan): Promise<void> {
  await db.load('tal_cells', [['cid', 'INTEGER'], ['country', 'VARCHAR'], ['key', 'VARCHAR'], ['province', 'VARCHAR'], ['high', 'BOOLEAN'], ['n', 'INTEGER']],
    plan.cells.map((c, i) => [i, c.country, c.key, c.province, c.high, c.count]));
  await loadPicks(db, 'tal_picks', plan.picks);
  await db.load('province_city', [['province', 'VARCHAR'], ['city', 'VARCHAR']], PROVINCES.map((p) => [p.code, p.city]));
  // h-index: high-level researchers 20 + a Pareto tail; the others 0-19, skewed low.
  await db.run(`
    CREATE OR REPLACE TABLE out_scholars AS
    WITH r AS (SELECT cid, country, key, province, high, unnest(range(n)) AS i FROM tal_cells),
    s AS (SELECT r.*, CASE WHEN r.key IS NULL THEN NULL ELSE (hash(${C.SEED}, 'sinst', cid, i) % l.n)::INTEGER END AS slot,
                 ${U(String(C.SEED), "'h'", 'cid', 'i')} AS u
          FROM r LEFT JOIN tal_picks_len l ON l.key = r.key)
    SELECT 'S' || lpad((row_number() OVER (ORDER BY s.country, hash(${C.SEED}, 'sid', cid, i), cid, i))::VARCHAR, 7, '0') AS scholar_id,
           s.country, p.institution_id,
           (CASE WHEN high THEN 20 + least(floor(12 * (pow(1 - u, -1 / 2.5) - 1)), 180) ELSE floor(20 * pow(u, 1.3)) END)::INTEGER AS h_index,
           s.province,
           CASE WHEN s.country = 'CN' THEN coalesce(i.city, pc.city) END AS city
    FROM s LEFT JOIN tal_picks p ON p.key = s.key AND p.slot = s.slot
           LEFT JOIN institutions i ON i.institution_id = p.institution_id
           LEFT JOIN province_city pc ON pc.province = s.province`);
}
