/**
 * Rank-changing variants of a metrics document, for `report check`: the 2n + 1 perturbation keeps every
 * order, so a sentence that is true only for this year's ranking passes it. Each variant here is a valid
 * document (lists still sorted by their counts, largest first) in which the ranking differs: the focus
 * countries swapped, the country order reversed or rotated, ties at every rank, the two focus countries
 * level, a single year, one of them at zero row by row. Built from the document's shape and the focus alone: no edition is known here.
 */
import type { MetricsDocument } from '../metrics/document.ts';

export interface Variant {
  readonly name: string;
  readonly metrics: MetricsDocument;
}

type Item = Record<string, unknown>;

/** Fields that are not counts (years, positions): never copied between rows. */
const KEEP = new Set(['year', 'paper_years', 'patent_years', 't_span', 'avg_pub_year']);
/** Years that place a row (a tied item takes every other value, its averages and mean years too). */
const WINDOW = new Set(['year', 'paper_years', 'patent_years']);
/** Fields that make an item one row of several for a subject (a year, a band): not a ranked list. */
const PER_ROW = ['year', 'band'];

/** Every country code of the document: values of `country`, `a`, `b` fields. */
function countriesOf(metrics: MetricsDocument): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'country' && typeof x === 'string') out.add(x);
        else walk(x);
      }
    }
  };
  walk(withoutProvenance(metrics));
  return out;
}

function withoutProvenance(metrics: MetricsDocument): Record<string, unknown> {
  const { provenance: _, ...rest } = metrics as unknown as Record<string, unknown>;
  return rest;
}

/** The document with every country code renamed by `map` (fields `country`, `a`, `b`, and keys of {CC: n} maps). */
export function relabel(metrics: MetricsDocument, map: ReadonlyMap<string, string>): MetricsDocument {
  const known = countriesOf(metrics);
  const name = (c: string) => map.get(c) ?? c;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object') return v;
    const entries = Object.entries(v as Item);
    const isMap = entries.length > 0 && entries.every(([k, x]) => known.has(k) && typeof x === 'number');
    if (isMap) {
      // Keys renamed, largest first again (then by code), as the contract has them.
      return Object.fromEntries(entries.map(([k, x]) => [name(k), x] as const).sort((a, b) => (b[1] as number) - (a[1] as number) || a[0].localeCompare(b[0])));
    }
    const out: Item = {};
    for (const [k, x] of entries) out[k] = (k === 'country' || ((k === 'a' || k === 'b') && known.has(x as string))) && typeof x === 'string' ? name(x) : walk(x);
    // A pair (a, b) keeps its codes in order.
    if (typeof out.a === 'string' && typeof out.b === 'string' && known.has(out.a) && known.has(out.b) && out.a > out.b) [out.a, out.b] = [out.b, out.a];
    return out;
  };
  return { ...(walk(withoutProvenance(metrics)) as object), provenance: metrics.provenance } as MetricsDocument;
}

/** A swap of two codes. */
function swap(a: string, b: string): Map<string, string> {
  return new Map([[a, b], [b, a]]);
}

/** The countries in the order of the document's first ranked country list (papers by country …). */
function countryRanking(metrics: MetricsDocument): string[] {
  let found: string[] | null = null;
  const walk = (v: unknown): void => {
    if (found) return;
    if (Array.isArray(v)) {
      if (v.length > 1 && v.every((x) => x && typeof x === 'object' && typeof (x as Item).country === 'string' && !PER_ROW.some((f) => f in (x as Item)) && !('institution_id' in (x as Item)))) found = v.map((x) => (x as Item).country as string);
      return;
    }
    if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(withoutProvenance(metrics));
  // Only countries every ranked country list has are exchanged: each list keeps its set of codes.
  const lists: string[][] = [];
  const every = (v: unknown): void => {
    if (Array.isArray(v)) {
      if (v.length > 1 && v.every((x) => x && typeof x === 'object' && typeof (x as Item).country === 'string' && !PER_ROW.some((f) => f in (x as Item)) && !('institution_id' in (x as Item)))) lists.push(v.map((x) => (x as Item).country as string));
      return;
    }
    if (v && typeof v === 'object') for (const x of Object.values(v)) every(x);
  };
  every(withoutProvenance(metrics));
  return ((found ?? []) as string[]).filter((c) => lists.every((l) => l.includes(c)));
}

/**
 * Ties: in every ranked list (and {CC: n} map), each item at an odd position (from `offset`) takes the
 * counts of the item before it, so every second rank is shared; the order stays largest first.
 */
export function tied(metrics: MetricsDocument, offset: 0 | 1): MetricsDocument {
  const copyCounts = (from: Item, to: Item): Item => {
    const out = { ...to };
    // Counts, and values that may be null (an average with nothing to average), go together.
    for (const [k, v] of Object.entries(from)) if ((typeof v === 'number' || v === null) && !WINDOW.has(k) && k in to && (typeof to[k] === 'number' || to[k] === null)) out[k] = v;
    return out;
  };
  const walk = (v: unknown, key: string): unknown => {
    if (Array.isArray(v)) {
      const items = v.map((x) => walk(x, ''));
      const ranked = items.length > 1 && items.every((x) => x && typeof x === 'object' && !Array.isArray(x) && !PER_ROW.some((f) => f in (x as Item)) && !('a' in (x as Item)));
      if (!ranked) return items;
      return items.map((x, i) => (i > offset && (i - offset) % 2 === 1 ? copyCounts(items[i - 1] as Item, x as Item) : x));
    }
    if (!v || typeof v !== 'object' || KEEP.has(key)) return v;
    const entries = Object.entries(v as Item);
    if (entries.length > 1 && entries.every(([, x]) => typeof x === 'number') && /^[A-Z]{2}$/.test(entries[0]![0])) {
      return Object.fromEntries(entries.map(([k, x], i) => [k, i > offset && (i - offset) % 2 === 1 ? entries[i - 1]![1] : x]));
    }
    return Object.fromEntries(entries.map(([k, x]) => [k, walk(x, k)]));
  };
  return { ...(walk(withoutProvenance(metrics), '') as object), provenance: metrics.provenance } as MetricsDocument;
}

/** The rival's yearly and per-band rows take the home country's counts: the two are level everywhere they are compared row by row. */
export function level(metrics: MetricsDocument, home: string, rival: string): MetricsDocument {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      return v.map((x) => {
        if (!x || typeof x !== 'object' || (x as Item).country !== rival || !PER_ROW.some((f) => f in (x as Item))) return walk(x);
        const row = x as Item;
        const twin = v.find((y) => y && typeof y === 'object' && (y as Item).country === home && PER_ROW.every((f) => (y as Item)[f] === row[f])) as Item | undefined;
        if (!twin) return row;
        const out = { ...row };
        for (const [k, n] of Object.entries(twin)) if (typeof n === 'number' && !KEEP.has(k)) out[k] = n;
        return out;
      });
    }
    if (!v || typeof v !== 'object') return v;
    return Object.fromEntries(Object.entries(v as Item).map(([k, x]) => [k, walk(x)]));
  };
  return { ...(walk(withoutProvenance(metrics)) as object), provenance: metrics.provenance } as MetricsDocument;
}

/**
 * Zeros: `country` has nothing wherever the document counts it row by row (each year, each value band)
 * and in every {CC: n} map (a topic's papers or patents by country): "X still published more … 0
 * against 0" and "grew every year" must not be said of nothing. Its totals in ranked lists are kept,
 * so the lists stay valid documents.
 */
export function zeroed(metrics: MetricsDocument, country: string): MetricsDocument {
  const walk = (v: unknown, key: string): unknown => {
    if (Array.isArray(v)) {
      return v.map((x) => {
        if (!x || typeof x !== 'object' || (x as Item).country !== country || !PER_ROW.some((f) => f in (x as Item))) return walk(x, '');
        const out = { ...(x as Item) };
        for (const [k, n] of Object.entries(out)) if (typeof n === 'number' && !KEEP.has(k) && !PER_ROW.includes(k)) out[k] = 0;
        return out;
      });
    }
    if (!v || typeof v !== 'object' || KEEP.has(key)) return v;
    const entries = Object.entries(v as Item);
    if (entries.length > 0 && entries.every(([, x]) => typeof x === 'number') && /^[A-Z]{2}$/.test(entries[0]![0]) && entries.some(([k]) => k === country)) {
      // Largest first again (then by code), as the contract has them.
      return Object.fromEntries(entries.map(([k, x]) => [k, k === country ? 0 : x] as const).sort((a, b) => (b[1] as number) - (a[1] as number) || a[0].localeCompare(b[0])));
    }
    return Object.fromEntries(entries.map(([k, x]) => [k, walk(x, k)]));
  };
  return { ...(walk(withoutProvenance(metrics), '') as object), provenance: metrics.provenance } as MetricsDocument;
}

/** The windows shrunk to their last year: "every year from X to X" must not be said. */
export function singleYear(metrics: MetricsDocument): MetricsDocument {
  const m = metrics.provenance.manifest as unknown as Record<string, unknown>;
  const last = (w: unknown) => (Array.isArray(w) ? [w[1], w[1]] : w);
  const manifest = { ...m, paper_years: last(m.paper_years), ...('patent_years' in m ? { patent_years: last(m.patent_years) } : {}) };
  return { ...metrics, provenance: { ...metrics.provenance, manifest } } as unknown as MetricsDocument;
}

/** The rank-changing variants `report check` renders the edition on. */
export function variants(metrics: MetricsDocument, focus: { home: string; rival: string }): Variant[] {
  const ranking = countryRanking(metrics);
  const reversed = new Map(ranking.map((c, i) => [c, ranking[ranking.length - 1 - i]!] as const));
  // The leader goes last, every other country one rank up.
  const rotated = new Map(ranking.map((c, i) => [c, ranking[(i + ranking.length - 1) % ranking.length]!] as const));
  const top = ranking[0] === focus.home ? ranking[1] : ranking[0];
  const out: Variant[] = [
    { name: 'home and rival swapped', metrics: relabel(metrics, swap(focus.home, focus.rival)) },
    { name: 'country order reversed', metrics: relabel(metrics, reversed) },
    { name: 'leader demoted to last', metrics: relabel(metrics, rotated) },
    { name: 'ties at ranks 1-2, 3-4 …', metrics: tied(metrics, 0) },
    { name: 'ties at ranks 2-3, 4-5 …', metrics: tied(metrics, 1) },
    { name: 'home and rival level', metrics: level(metrics, focus.home, focus.rival) },
    { name: 'a single year', metrics: singleYear(metrics) },
    { name: 'rival at zero year by year', metrics: zeroed(metrics, focus.rival) },
    { name: 'home at zero year by year', metrics: zeroed(metrics, focus.home) },
  ];
  if (top && top !== focus.rival) out.splice(1, 0, { name: 'home and the leader swapped', metrics: relabel(metrics, swap(focus.home, top)) });
  return out;
}
