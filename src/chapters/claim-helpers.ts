/**
 * The claim helpers: every predicate of src/base/predicates.ts as a Handlebars helper returning a
 * Claim, `holds` (its truth, for `{{#if}}`), `all` / `any` / `not` over claims, and the `claim=`
 * argument of `t`: a sentence's claim is evaluated before it is rendered, and a false one is an error
 * naming the message, its context and the values compared (never a printed falsehood). `if`, `unless`,
 * `and` and `or` read a claim as its truth. Registered after the other helpers (helpers.ts).
 */
import { defineHelper, HelperError, type HandlebarsEnv } from './handlebars.ts';
import { ReportError } from '../errors.ts';
import * as p from '../base/predicates.ts';
import { isClaim, type Claim } from '../base/predicates.ts';
import type { Trace } from '../base/trace.ts';

type Helper = (this: unknown, ...args: unknown[]) => unknown;
type Options = { hash?: Record<string, unknown>; loc?: { start: { line: number; column: number } } };

export type { SentenceLog } from '../base/trace.ts';

/** Numeric literals the claim helpers take that are structure, not data (see LITERAL_NUMBER_HELPERS, src/check/lint.ts). */
export const CLAIM_LITERAL_NUMBER_HELPERS: Readonly<Record<string, readonly number[]>> = { compareClaim: [1], distinctAt: [2], strictlyOrdered: [2], more: [1], fewer: [1], same: [1], countWhere: [3], countAheadIs: [4], behindFrom: [1] };

const truth = (v: unknown) => (isClaim(v) ? v.holds : v);

function list(v: unknown, what: string): readonly Record<string, unknown>[] {
  if (!Array.isArray(v)) throw new Error(`${what}: expected a list, got ${typeof v}`);
  return v as Record<string, unknown>[];
}

function claimOf(v: unknown, what: string): Claim {
  if (!isClaim(v)) throw new Error(`${what}: expected a claim (a predicate helper such as (more a b)), got ${JSON.stringify(v)}`);
  return v;
}

export function registerClaimHelpers(hb: HandlebarsEnv, trace: Trace): void {
  const plain = (name: string, fn: (...args: never[]) => unknown) => defineHelper(hb, name, (args) => fn(...(args as never[])));
  plain('more', (a: number, b: number) => p.more(a, b));
  plain('fewer', (a: number, b: number) => p.fewer(a, b));
  plain('same', (a: number, b: number) => p.same(a, b));
  plain('positive', (a: number) => p.positive(a));
  plain('leads', (items: unknown, field: string) => p.leads(list(items, 'leads'), field));
  plain('tiedLead', (items: unknown, field: string) => p.tiedLead(list(items, 'tiedLead'), field));
  plain('isMax', (items: unknown, field: string, item: Record<string, unknown>) => p.isMax(list(items, 'isMax'), field, item));
  plain('distinctAt', (items: unknown, field: string, n: number) => p.distinctAt(list(items, 'distinctAt'), field, n));
  plain('strictlyOrdered', (items: unknown, field: string, n: number) => p.strictlyOrdered(list(items, 'strictlyOrdered'), field, n));
  plain('everyYear', (pairs: unknown, direction: 'ahead' | 'behind', from: number, to: number) => p.everyYear(list(pairs, 'everyYear') as never, direction, from, to));
  plain('span', (from: number, to: number) => p.span(from, to));
  plain('crossed', (pairs: unknown, year: number) => p.crossed(list(pairs, 'crossed') as never, year));
  plain('aheadSince', (pairs: unknown, year: number) => p.aheadSince(list(pairs, 'aheadSince') as never, year));
  plain('setEquals', (named: unknown, items: unknown, key: string) => p.setEquals(list(named, 'setEquals'), list(items, 'setEquals'), key));
  plain('grows', (series: unknown) => p.grows(list(series, 'grows') as never));
  plain('falls', (series: unknown) => p.falls(list(series, 'falls') as never));
  plain('gapWidens', (pairs: unknown) => p.gapWidens(list(pairs, 'gapWidens') as never));
  plain('switchesAt', (pairs: unknown, pos: number) => p.switchesAt(list(pairs, 'switchesAt') as never, pos));
  plain('behindFrom', (pairs: unknown, pos: number) => p.behindFrom(list(pairs, 'behindFrom') as never, pos));
  // A title's claim: the list shown is ordered by the field, largest first (and, given the whole list, is its head).
  defineHelper(hb, 'ranked', (args) => {
    const [items, field, whole] = args as [unknown, string, unknown];
    return p.ranked(list(items, 'ranked'), field, whole === undefined ? undefined : list(whole, 'ranked'));
  });
  plain('slowing', (series: unknown, since: number) => p.slowing(list(series, 'slowing') as never, since));
  plain('peakAt', (series: unknown, year: number) => p.peakAt(list(series, 'peakAt') as never, year));
  // "k of the n": exactly k items have `field` equal to `value`.
  plain('countWhere', (items: unknown, field: string, value: unknown, k: number) => p.countIs(list(items, 'countWhere').map((x) => x[field] === value), k));
  // "A is ahead of B in k of the n items": exactly k items have more in their {CC: n} map `field` for a than for b.
  plain('countAheadIs', (items: unknown, field: string, a: string, b: string, k: number) =>
    p.countIs(list(items, 'countAheadIs').map((x) => { const m = x[field] as Record<string, number>; const get = (c: string) => (c in m ? Number(m[c]) : 0); return get(a) > get(b); }), k));
  // Statements that compare nothing the data could contradict, declared as what they are (predicates.ts).
  for (const kind of p.DECLARATIONS) plain(kind, () => p.declared(kind));
  // The claim of the context `compare` / `lead` selected (helpers.ts): the variant's wording, as a predicate.
  plain('compareClaim', (a: number, b: number) => (a > b ? p.more(a, b) : a < b ? p.fewer(a, b) : p.same(a, b)));
  plain('leadClaim', (items: unknown, field: string) => {
    const rows = list(items, 'leadClaim');
    return rows.length > 1 && rows[0]![field] === rows[1]![field] ? p.tiedLead(rows, field) : p.leads(rows, field);
  });
  plain('completes', (items: unknown, named: unknown, rest: unknown, key: string) => p.completes(list(items, 'completes'), list(named, 'completes'), list(rest, 'completes'), key));
  // Where an item stands in a list by a field ('more' above it, 'equal': strictly highest, 'none': tied highest), and its claim.
  plain('standing', (items: unknown, field: string, item: Record<string, unknown>) => p.standing(list(items, 'standing'), field, item).context);
  plain('standingClaim', (items: unknown, field: string, item: Record<string, unknown>) => p.standing(list(items, 'standing'), field, item).claim);
  plain('all', (...claims: unknown[]) => p.all(...claims.map((c) => claimOf(c, 'all'))));
  plain('any', (...claims: unknown[]) => p.any(...claims.map((c) => claimOf(c, 'any'))));
  plain('holds', (c: unknown) => claimOf(c, 'holds').holds);
  // A message context chosen by a claim's truth (or a boolean): `context=(choose (isMax …) "first" "none")`.
  plain('choose', (c: unknown, yes: unknown, no: unknown) => (truth(c) ? yes : no));
  // `not`, `and`, `or` keep their meaning on booleans; a claim counts as its truth (`not` of a claim is a claim).
  plain('not', (a: unknown) => (isClaim(a) ? p.not(a) : !a));
  plain('and', (a: unknown, b: unknown) => Boolean(truth(a)) && Boolean(truth(b)));
  plain('or', (a: unknown, b: unknown) => Boolean(truth(a)) || Boolean(truth(b)));
  for (const name of ['if', 'unless'] as const) {
    const inner = hb.helpers[name] as Helper;
    hb.registerHelper(name, function (this: unknown, cond: unknown, ...rest: unknown[]) {
      return inner.call(this, truth(cond), ...rest);
    });
  }

  const inner = hb.helpers.t as Helper | undefined;
  if (!inner) throw new Error('registerClaimHelpers: register `t` first');
  hb.registerHelper('t', function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as Options;
    const hash = options.hash ?? {};
    const key = String(args[0]);
    const context = typeof hash.context === 'string' && hash.context !== '' ? hash.context : null;
    if (!('claim' in hash)) {
      trace.sentences?.push({ key, context, claim: null });
      return inner.apply(this, args);
    }
    const c = hash.claim;
    if (!isClaim(c)) throw new HelperError(new Error(`t "${key}": claim= expects a claim (a predicate helper such as (more a b)), got ${JSON.stringify(c)}`), options.loc);
    if (!c.holds) throw new HelperError(ReportError.of('claim.false', { key, context, predicate: c.predicate, values: JSON.stringify(c.values) }), options.loc);
    trace.sentences?.push({ key, context, claim: c });
    const rest = { ...hash };
    delete rest.claim;
    return inner.apply(this, [...args.slice(0, -1), { ...options, hash: rest }]);
  });
}
