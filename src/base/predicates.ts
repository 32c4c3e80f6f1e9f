/**
 * Claims as data: each predicate a sentence asserts ("A has more than B", "X leads the list", "B was
 * ahead every year from … to …") is a pure function of the values it compares, returning a frozen
 * Claim that says what it compared and whether it holds. Templates pass them to `{{t … claim=(…)}}`
 * (src/chapters/claim-helpers.ts): a sentence whose claim is false is never printed, and choose
 * alternatives with the same predicates (`{{#if (holds (…))}}`). No edition is known here.
 */

export type Plain = string | number | boolean | null | readonly Plain[] | { readonly [k: string]: Plain };

export interface Claim {
  /** The predicate as written: `more`, `leads(papers)`, `every_year(ahead)` … */
  readonly predicate: string;
  /** What it compared, as plain JSON. */
  readonly values: Plain;
  readonly holds: boolean;
}

type Item = Readonly<Record<string, unknown>>;

export interface YearPair {
  readonly year: number;
  readonly a: number;
  readonly b: number;
}

export interface YearValue {
  readonly year: number;
  readonly value: number;
}

function claim(predicate: string, values: Plain, holds: boolean): Claim {
  return Object.freeze({ predicate, values, holds });
}

export function isClaim(value: unknown): value is Claim {
  return value !== null && typeof value === 'object' && typeof (value as Claim).predicate === 'string' && typeof (value as Claim).holds === 'boolean';
}

function num(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${what}: expected a number, got ${JSON.stringify(v)}`);
  return v;
}

/** The identity of an item for `values`: its most specific id-like field (an institution's id before its country), else its position. */
function idOf(item: Item | undefined, i: number): Plain {
  if (!item) return null;
  for (const f of ['institution_id', 'topic_id', 'province', 'city', 'country', 'id', 'key', 'band', 'year']) {
    // `in` first: the metrics templates see are a strict view that throws on a missing name.
    if (!(f in item)) continue;
    const v = item[f];
    if (typeof v === 'string' || typeof v === 'number') return v;
  }
  return i;
}

/** a > b. */
export function more(a: number, b: number): Claim {
  return claim('more', { a: num(a, 'more'), b: num(b, 'more') }, a > b);
}

/** a < b. */
export function fewer(a: number, b: number): Claim {
  return claim('fewer', { a: num(a, 'fewer'), b: num(b, 'fewer') }, a < b);
}

/** a = b. */
export function same(a: number, b: number): Claim {
  return claim('same', { a: num(a, 'same'), b: num(b, 'same') }, a === b);
}

/** a > 0: a count the sentence states as something there is ("X published 5 …"). */
export function positive(a: number): Claim {
  return claim('positive', { a: num(a, 'positive') }, a > 0);
}

/** The first item's `field` is strictly above the second's (a single item leads alone). */
export function leads(list: readonly Item[], field: string): Claim {
  const [first, second] = list;
  if (!first) return claim(`leads(${field})`, { first: null }, false);
  const a = num(first[field], `leads ${field}`);
  const b = second ? num(second[field], `leads ${field}`) : null;
  return claim(`leads(${field})`, { first: idOf(first, 0), a, second: idOf(second, 1), b }, b === null || a > b);
}

/** The first two items share the lead and the third is strictly below them. */
export function tiedLead(list: readonly Item[], field: string): Claim {
  const v = list.slice(0, 3).map((x, i) => num(x[field], `tiedLead ${field} #${i}`));
  return claim(`tied_lead(${field})`, { values: v }, v.length >= 2 && v[0] === v[1] && (v.length < 3 || v[1]! > v[2]!));
}

/** `item`'s `field` is strictly above every other item's (the list may or may not contain it). */
export function isMax(list: readonly Item[], field: string, item: Item): Claim {
  const x = num(item[field], `isMax ${field}`);
  const others = list.filter((y) => y !== item && idOf(y, -1) !== idOf(item, -2));
  const best = others.reduce<number | null>((m, y) => Math.max(m ?? -Infinity, num(y[field], `isMax ${field}`)), null);
  return claim(`is_max(${field})`, { item: idOf(item, 0), value: x, others_max: best }, best === null || x > best);
}

/**
 * The sentence names the first `n` items and stops there ("followed by A and B"): no tie across that
 * boundary (item n-1 strictly above item n), and no tie among the named items when `strictWithin`.
 */
export function distinctAt(list: readonly Item[], field: string, n: number): Claim {
  const at = (i: number) => num(list[i]![field], `distinctAt ${field} #${i}`);
  const holds = n <= 0 || n >= list.length || at(n - 1) > at(n);
  return claim(`distinct_at(${field}, ${n})`, { last_named: n > 0 && list[n - 1] ? at(n - 1) : null, next: list[n] ? at(n) : null }, holds);
}

/** Every named item is strictly above the next one (an ordered list "A, then B, then C" with no tie) up to `n`. */
export function strictlyOrdered(list: readonly Item[], field: string, n: number): Claim {
  const v = list.slice(0, n + 1).map((x, i) => num(x[field], `strictlyOrdered ${field} #${i}`));
  const holds = v.every((x, i) => i === 0 || v[i - 1]! > x);
  return claim(`strictly_ordered(${field}, ${n})`, { values: v }, holds);
}

/** In every year from `from` to `to` (both in the series), A is ahead of (a > b) or behind (a < b) B. */
export function everyYear(pairs: readonly YearPair[], direction: 'ahead' | 'behind', from: number, to: number): Claim {
  const span = pairs.filter((p) => p.year >= from && p.year <= to);
  const ok = (p: YearPair) => (direction === 'ahead' ? p.a > p.b : p.a < p.b);
  const failing = span.filter((p) => !ok(p)).map((p) => p.year);
  const holds = from <= to && span.length === to - from + 1 && failing.length === 0;
  return claim(`every_year(${direction})`, { from, to, failing, years: span.length }, holds);
}

/** "Every year from X to Y" says more than one year: the span has two years at least. */
export function span(from: number, to: number): Claim {
  return claim('span', { from, to }, to > from);
}

/**
 * A moved ahead of B in `year` and stayed ahead: B ahead every year before `year` (one at least; a
 * year level is not "B ahead"), A ahead every year from `year` on.
 */
export function crossed(pairs: readonly YearPair[], year: number): Claim {
  const before = pairs.filter((p) => p.year < year);
  const after = pairs.filter((p) => p.year >= year);
  const notBehind = before.filter((p) => !(p.a < p.b)).map((p) => p.year);
  const notAhead = after.filter((p) => !(p.a > p.b)).map((p) => p.year);
  const holds = before.length > 0 && after.length > 0 && notBehind.length === 0 && notAhead.length === 0;
  return claim('crossed', { year, before_not_behind: notBehind, after_not_ahead: notAhead }, holds);
}

/** A moved ahead in `year` and stayed ahead: A behind or level the year before, ahead every year since. */
export function aheadSince(pairs: readonly YearPair[], year: number): Claim {
  const prior = pairs.find((p) => p.year === year - 1);
  const after = pairs.filter((p) => p.year >= year);
  const notAhead = after.filter((p) => !(p.a > p.b)).map((p) => p.year);
  const holds = prior !== undefined && prior.a <= prior.b && after.length > 0 && notAhead.length === 0;
  return claim('ahead_since', { year, prior: prior ? { a: prior.a, b: prior.b } : null, after_not_ahead: notAhead }, holds);
}

/** The items named are exactly the items of `list` (by `key`), in any order. */
export function setEquals(named: readonly Item[], list: readonly Item[], key: string): Claim {
  const a = named.map((x) => String(x[key]));
  const b = list.map((x) => String(x[key]));
  const holds = a.length === new Set(a).size && a.length === b.length && b.every((x) => a.includes(x));
  return claim(`set_equals(${key})`, { named: a, expected: b }, holds);
}

/**
 * A sentence names `named` and then "the rest of" `list` as `rest`: every item of `list` is named or in
 * `rest` exactly once, `rest` holds only items of `list`, and none of them was named already.
 */
export function completes(list: readonly Item[], named: readonly Item[], rest: readonly Item[], key: string): Claim {
  const ids = (xs: readonly Item[]) => xs.map((x) => String(x[key]));
  const [l, n, r] = [ids(list), ids(named), ids(rest)];
  const holds = new Set(r).size === r.length && r.every((x) => l.includes(x) && !n.includes(x)) && l.every((x) => n.includes(x) || r.includes(x));
  return claim(`completes(${key})`, { list: l, named: n, rest: r }, holds);
}

/**
 * Where `item` stands by `field` among `list`: 'more' when some items have more (how many: `above`),
 * 'equal' when it is strictly the highest, 'none' when none has more but one ties with it.
 */
export function standing(list: readonly Item[], field: string, item: Item): { context: 'more' | 'equal' | 'none'; claim: Claim } {
  const x = num(item[field], `standing ${field}`);
  const above = list.filter((y) => num(y[field], `standing ${field}`) > x).length;
  if (above > 0) return { context: 'more', claim: claim(`some_above(${field})`, { item: idOf(item, 0), value: x, above }, true) };
  const max = isMax(list, field, item);
  return max.holds ? { context: 'equal', claim: max } : { context: 'none', claim: claim(`none_above(${field})`, { item: idOf(item, 0), value: x, above }, above === 0) };
}

/** The series ends higher than it starts (two years at least). */
export function grows(series: readonly YearValue[]): Claim {
  const first = series[0]?.value ?? null;
  const last = series.at(-1)?.value ?? null;
  return claim('grows', { first, last, years: series.length }, series.length > 1 && last! > first!);
}

/** The series ends lower than it starts (two years at least). */
export function falls(series: readonly YearValue[]): Claim {
  const first = series[0]?.value ?? null;
  const last = series.at(-1)?.value ?? null;
  return claim('falls', { first, last, years: series.length }, series.length > 1 && last! < first!);
}

/** A's lead over B (a − b) is larger in the last year than in the first, and A is ahead in both. */
export function gapWidens(pairs: readonly YearPair[]): Claim {
  const first = pairs[0];
  const last = pairs.at(-1);
  const holds = pairs.length > 1 && first!.a > first!.b && last!.a > last!.b && last!.a - last!.b > first!.a - first!.b;
  return claim('gap_widens', { first: first ? [first.a, first.b] : null, last: last ? [last.a, last.b] : null }, holds);
}

/** Every band (pair) below `pos` has A ahead, every band from `pos` has B ahead. */
export function switchesAt(pairs: readonly { a: number; b: number }[], pos: number): Claim {
  const below = pairs.slice(0, pos);
  const above = pairs.slice(pos);
  const holds = below.length > 0 && above.length > 0 && below.every((p) => p.a > p.b) && above.every((p) => p.b > p.a);
  return claim('switches_at', { pos, below: below.map((p) => [p.a, p.b]), above: above.map((p) => [p.a, p.b]) }, holds);
}

/** Every band (pair) from `pos` on has B ahead of A. */
export function behindFrom(pairs: readonly { a: number; b: number }[], pos: number): Claim {
  const above = pairs.slice(pos);
  return claim('behind_from', { pos, above: above.map((p) => [p.a, p.b]) }, above.length > 0 && above.every((p) => p.b > p.a));
}

/**
 * The list is ordered by `field`, largest first (ties allowed): what a title such as "The 10 countries
 * with the most papers" or "Top institutions by …" asserts of the table or figure it heads. When
 * `whole` is given, the list is also the head of `whole`: nothing left out of it has more than its last
 * item. Items without a value may only close the list.
 */
export function ranked(list: readonly Item[], field: string, whole?: readonly Item[]): Claim {
  // Items without a value (an index with nothing to index) may close the list, as the tables print them.
  const blank = (x: Item) => x[field] === null || x[field] === undefined;
  const end = list.findIndex(blank);
  if (end >= 0 && !list.slice(end).every(blank)) return claim(`ranked(${field})`, { n: list.length, blank_before_value: end }, false);
  const v = list.slice(0, end >= 0 ? end : list.length).map((x, i) => num(x[field], `ranked ${field} #${i}`));
  const outOfOrder = v.flatMap((x, i) => (i > 0 && v[i - 1]! < x ? [i] : []));
  const last = v.at(-1);
  // The list is a part of `whole`: it is its head when `whole` has no more items above the last one
  // than the list has (counted, not matched: items such as country pairs have no id).
  const over = (xs: readonly Item[]) => (last === undefined ? 0 : xs.filter((y) => !blank(y) && num(y[field], `ranked ${field}`) > last).length);
  // An empty list heads `whole` only when `whole` has nothing to rank ("no country gained researchers").
  const above = whole ? (last === undefined ? whole.filter((y) => !blank(y)).length : Math.max(0, over(whole) - over(list))) : 0;
  return claim(`ranked(${field})`, { n: v.length, out_of_order: outOfOrder, left_out_above: above }, (v.length > 0 || whole !== undefined) && outOfOrder.length === 0 && above === 0);
}

/** How the yearly growth rates of a series run: [{year, rate}] from the second year on, skipping a year after a 0. */
function rates(series: readonly YearValue[]): { year: number; rate: number }[] {
  const out: { year: number; rate: number }[] = [];
  for (let i = 1; i < series.length; i++) {
    const before = series[i - 1]!.value;
    if (before > 0) out.push({ year: series[i]!.year, rate: (series[i]!.value - before) / before });
  }
  return out;
}

/**
 * "Growth has slowed every year since `since`": the yearly growth rate is strictly lower each year
 * than the year before, from `since` to the end of the series, and that spans two years at least.
 */
export function slowing(series: readonly YearValue[], since: number): Claim {
  const r = rates(series);
  const from = r.filter((x) => x.year >= since);
  const idx = r.findIndex((x) => x.year === since);
  const failing = from.flatMap((x) => {
    const i = r.indexOf(x);
    return i > 0 && r[i - 1]!.rate > x.rate ? [] : [x.year];
  });
  const holds = idx > 0 && from.length >= 2 && failing.length === 0 && series.at(-1)!.year === from.at(-1)!.year;
  return claim('slowing', { since, rates: r.map((x) => [x.year, Number(x.rate.toFixed(4))]), failing }, holds);
}

/** "The series peaked in `year`": its value that year is strictly above every other year's. */
export function peakAt(series: readonly YearValue[], year: number): Claim {
  const at = series.find((x) => x.year === year);
  const others = series.filter((x) => x.year !== year).map((x) => x.value);
  const best = others.length ? Math.max(...others) : null;
  return claim('peak_at', { year, value: at?.value ?? null, others_max: best }, at !== undefined && (best === null || at.value > best));
}

/**
 * "k of the n …": exactly `k` of `flags` hold (a count the sentence states of a set, e.g. "fell in 3
 * of the 5 leading countries"); `all` and `none` are k = n and k = 0.
 */
export function countIs(flags: readonly boolean[], k: number): Claim {
  const n = flags.filter(Boolean).length;
  return claim('count_is', { k, counted: n, of: flags.length }, n === k);
}

/**
 * Statements that compare nothing the data could contradict, declared as such so that they are
 * visible in the sentence log and claims.json, not mistaken for an unchecked comparison: a term's or
 * an indicator's definition, the method, the editors' recommendations, and editorial statements from
 * a source about the world outside the dataset (a team's profile). They always hold.
 */
export type Declaration = 'definition' | 'method' | 'recommendation' | 'editorial';
export const DECLARATIONS: readonly Declaration[] = ['definition', 'method', 'recommendation', 'editorial'];

export function declared(kind: Declaration): Claim {
  if (!DECLARATIONS.includes(kind)) throw new Error(`declared: expected one of ${DECLARATIONS.join(', ')}, got ${JSON.stringify(kind)}`);
  return claim(kind, null, true);
}

export function all(...claims: readonly Claim[]): Claim {
  return claim('all', claims.map((c) => ({ predicate: c.predicate, values: c.values, holds: c.holds })), claims.every((c) => c.holds));
}

export function any(...claims: readonly Claim[]): Claim {
  return claim('any', claims.map((c) => ({ predicate: c.predicate, values: c.values, holds: c.holds })), claims.some((c) => c.holds));
}

export function not(c: Claim): Claim {
  return claim(`not(${c.predicate})`, c.values, !c.holds);
}

/** The predicates by helper name, as templates call them. */
export const PREDICATES = { completes, more, fewer, same, positive, leads, tiedLead, isMax, distinctAt, strictlyOrdered, everyYear, span, crossed, aheadSince, setEquals, grows, falls, gapWidens, switchesAt, behindFrom, ranked, slowing, peakAt, countIs } as const;
