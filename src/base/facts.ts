/**
 * Named facts computed from the metrics document: ranks, ratios, shares, yearly series, crossing
 * years, growth and list compositions. Pure functions of their arguments, unit-tested on their own;
 * templates call them as helpers and format what they return with the number helpers.
 */

import { describeValue } from './describe.ts';

type Item = Readonly<Record<string, unknown>>;

function field(item: Item, name: string): number {
  const v = item[name];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`expected a number in "${name}", got ${describeValue(v)}`);
  return v;
}

/** 1-based rank of the item whose `key` equals `id`, by `by` descending; ties share the better rank. */
export function rankBy(list: readonly Item[], key: string, id: unknown, by: string): number {
  const item = list.find((x) => x[key] === id);
  if (!item) throw new Error(`no item with ${key} = ${String(id)}`);
  const value = field(item, by);
  return 1 + list.filter((x) => field(x, by) > value).length;
}

/** The list ordered by `by` descending (stable: list order kept on ties); null values go last. */
export function orderBy(list: readonly Item[], by: string): Item[] {
  // Each key read once (an item may be a checked view whose every read costs), then sorted by it.
  const keyed = list.map((x, i) => ({ x, i, k: x[by] === null ? -Infinity : field(x, by) }));
  keyed.sort((a, b) => (b.k === a.k ? a.i - b.i : b.k > a.k ? 1 : -1));
  return keyed.map((e) => e.x);
}

/** The first `n` items by `by` descending. */
export function topBy(list: readonly Item[], by: string, n: number): Item[] {
  return orderBy(list, by).slice(0, n);
}

/** a / b; an error, not Infinity, when b is 0 (a template must choose another sentence first). */
export function ratioOf(a: number, b: number): number {
  if (b === 0) throw new Error(`ratio of ${a} to 0`);
  return a / b;
}

/** part / whole as a fraction of 1. */
export function shareOf(part: number, whole: number): number {
  return ratioOf(part, whole);
}

/** Sum of `by` over the items. */
export function sumOf(list: readonly Item[], by: string): number {
  return list.reduce((s, x) => s + field(x, by), 0);
}

/** The items whose `key` equals `value`. */
export function where(list: readonly Item[], key: string, value: unknown): Item[] {
  return list.filter((x) => x[key] === value);
}

/** The items whose `key` differs from `value`. */
export function whereNot(list: readonly Item[], key: string, value: unknown): Item[] {
  return list.filter((x) => x[key] !== value);
}

export interface CountOf {
  readonly value: string;
  readonly n: number;
}

/** How many items per value of `key`, most first (first appearance breaks ties). */
export function countBy(list: readonly Item[], key: string): CountOf[] {
  const counts = new Map<string, number>();
  for (const x of list) counts.set(String(x[key]), (counts.get(String(x[key])) ?? 0) + 1);
  return [...counts].map(([value, n]) => ({ value, n })).sort((a, b) => b.n - a.n);
}

export interface YearValue {
  readonly year: number;
  readonly value: number;
}

/**
 * The yearly series of one country from a by-year-country list, every year from `from` to `to`
 * present (a year the country has no row counts 0).
 */
export function seriesOf(list: readonly Item[], country: string, by: string, from: number, to: number): YearValue[] {
  const out: YearValue[] = [];
  for (let year = from; year <= to; year++) {
    const row = list.find((x) => x.year === year && x.country === country);
    out.push({ year, value: row ? field(row, by) : 0 });
  }
  return out;
}

/** A pair series: both values per year, from two series over the same years. */
/**
 * Two countries' `by` side by side per band (rows `{country, band, …}`), bands in list order, "unknown"
 * left out: `[{band, a, b}]`, 0 where a country has no row for a band.
 */
export function bandPairs(list: readonly Item[], by: string, a: string, b: string): { band: string; a: number; b: number }[] {
  const names = [...new Set(list.map((r) => String(r.band)))].filter((x) => x !== 'unknown');
  const get = (country: string, band: string) => (list.find((r) => r.country === country && r.band === band)?.[by] as number | undefined) ?? 0;
  return names.map((band) => ({ band, a: get(a, band), b: get(b, band) }));
}

/** The yearly series of a pair of countries' `by` (rows `{a, b, year, …}`, the pair's codes in order), whichever order a and b are given in. */
export function pairYears(list: readonly Item[], by: string, a: string, b: string, from: number, to: number): YearValue[] {
  const [x, y] = [a, b].sort();
  const rows = list.filter((p) => p.a === x && p.b === y).map((p) => ({ year: p.year, country: 'pair', n: p[by] }));
  return seriesOf(rows, 'pair', 'n', from, to);
}

export interface YearPair {
  readonly year: number;
  readonly a: number;
  readonly b: number;
}

export function pairSeries(a: readonly YearValue[], b: readonly YearValue[]): YearPair[] {
  return a.map((x, i) => {
    const y = b[i];
    if (!y || y.year !== x.year) throw new Error('the two series do not cover the same years');
    return { year: x.year, a: x.value, b: y.value };
  });
}

/**
 * The first year from which A exceeds B in every later year of the series ("overtakes and stays
 * ahead"), or null when A is not ahead in the last year. When A leads all along it is the first year.
 */
export function crossingYear(series: readonly YearPair[]): number | null {
  let start: number | null = null;
  for (const p of series) {
    if (p.a > p.b) start ??= p.year;
    else start = null;
  }
  return start;
}

/** The years (first and last) over which B was ahead of or level with A, before `crossing`. */
export function behindYears(series: readonly YearPair[], crossing: number): { from: number; to: number } | null {
  const before = series.filter((p) => p.year < crossing);
  if (before.length === 0) return null;
  return { from: before[0]!.year, to: before[before.length - 1]!.year };
}

/** The value of a series in `year`. */
export function valueIn(series: readonly YearValue[], year: number): number {
  const p = series.find((x) => x.year === year);
  if (!p) throw new Error(`the series has no year ${year}`);
  return p.value;
}

/** Relative change from the year before `year` to `year` (0.1 = +10%); null when the year before is 0. */
export function growthIn(series: readonly YearValue[], year: number): number | null {
  const before = valueIn(series, year - 1);
  return before === 0 ? null : (valueIn(series, year) - before) / before;
}

/** The year with the largest value (the earliest on a tie). */
export function peakOf(series: readonly YearValue[]): YearValue {
  if (series.length === 0) throw new Error('peak of an empty series');
  return series.reduce((best, x) => (x.value > best.value ? x : best));
}

/**
 * The first year from which the yearly growth rate falls every year up to the end of the series
 * (the year growth "starts slowing"), or null when it rose in the last year.
 */
export function slowingSince(series: readonly YearValue[]): number | null {
  const rates: { year: number; rate: number }[] = [];
  for (let i = 1; i < series.length; i++) {
    const before = series[i - 1]!.value;
    if (before > 0) rates.push({ year: series[i]!.year, rate: (series[i]!.value - before) / before });
  }
  let since: number | null = null;
  for (let i = 1; i < rates.length; i++) {
    if (rates[i]!.rate < rates[i - 1]!.rate) since ??= rates[i]!.year;
    else since = null;
  }
  // One fall is not a trend: the slowing must span two years at least.
  return since !== null && since < rates[rates.length - 1]!.year ? since : null;
}

/** 'up' | 'down' | 'flat': the direction of a series from its first to its last year. */
export function trendOf(series: readonly YearValue[]): 'up' | 'down' | 'flat' {
  if (series.length < 2) return 'flat';
  const first = series[0]!.value;
  const last = series[series.length - 1]!.value;
  return last > first ? 'up' : last < first ? 'down' : 'flat';
}

/** 'all' | 'none' | 'some': how many of the flags hold; a message context for "all of them …". */
export function howMany(flags: readonly boolean[]): 'all' | 'none' | 'some' {
  const n = flags.filter(Boolean).length;
  return n === flags.length ? 'all' : n === 0 ? 'none' : 'some';
}

/** The items whose `by` is above 0. */
export function nonZero(list: readonly Item[], by: string): Item[] {
  return list.filter((x) => typeof x[by] === 'number' && (x[by] as number) > 0);
}

/** How many items have `by` above `value`. */
export function countAbove(list: readonly Item[], by: string, value: number): number {
  return list.filter((x) => field(x, by) > value).length;
}

/**
 * The first position from which B exceeds A at every later position of an ordered list of pairs
 * (as crossingYear, over bands instead of years); null when B is not ahead at the end.
 */
export function switchIndex(pairs: readonly { a: number; b: number }[]): number | null {
  let start: number | null = null;
  pairs.forEach((p, i) => {
    if (p.b > p.a) start ??= i;
    else start = null;
  });
  return start;
}
