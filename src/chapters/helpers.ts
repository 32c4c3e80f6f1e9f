/**
 * The template helpers: every number, rank, ratio and comparison a chapter prints goes through one of
 * these, formatted for the locale. Each is a plain function of its arguments (tested on their own);
 * `registerHelpers` binds them to a translator for Handlebars.
 */
import { defineHelper, type HandlebarsEnv } from './handlebars.ts';
import * as fmt from './format.ts';
import type { Translator } from './i18n.ts';
import type { CountryNames } from './countries.ts';

type Item = Record<string, unknown>;

/** 1-based rank of the item whose `key` field equals `id`, ordering by `field` descending (ties share a rank). */
export function rankOf(list: readonly Item[], key: string, id: unknown, field: string): number {
  const item = list.find((x) => x[key] === id);
  if (!item) throw new Error(`no item with ${key} = ${String(id)}`);
  const value = item[field] as number;
  return 1 + list.filter((x) => (x[field] as number) > value).length;
}

/** The item with the largest `field` (the first one in list order on a tie). */
export function maxBy(list: readonly Item[], field: string): Item {
  if (list.length === 0) throw new Error('maxBy of an empty list');
  return list.reduce((best, x) => ((x[field] as number) > (best[field] as number) ? x : best));
}

/** The list ordered by `field` descending, list order kept on ties. */
export function sortBy(list: readonly Item[], field: string): Item[] {
  return [...list].sort((a, b) => (b[field] as number) - (a[field] as number));
}

export function find(list: readonly Item[], key: string, id: unknown): Item {
  const item = list.find((x) => x[key] === id);
  if (!item) throw new Error(`no item with ${key} = ${String(id)}`);
  return item;
}

/** 'more' | 'fewer' | 'equal': a message context, so that wording follows the data. */
export function compare(a: number, b: number): 'more' | 'fewer' | 'equal' {
  return a > b ? 'more' : a < b ? 'fewer' : 'equal';
}

/** a / b formatted as "2.9 倍" / "2.9 times". */
export function ratio(t: Translator, a: number, b: number, digits = 1): string {
  return t.t('units.times', { x: fmt.decimal(a / b, digits) });
}

/** `n` with the locale's unit word, plural-aware: "506,775 篇" / "506,775 papers". */
export function count(t: Translator, n: number, unit: string, digits = 0): string {
  return t.t(`units.${unit}`, { count: n, n: digits > 0 ? fmt.decimal(n, digits) : fmt.integer(n) });
}

/** A helper's numeric argument: anything else is a template error, never "NaN" on a page. */
export function num(value: unknown, what = 'a number'): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`expected ${what}, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
  return value;
}

export function registerHelpers(hb: HandlebarsEnv, t: Translator, names: CountryNames) {
  const plain = (name: string, fn: (...args: never[]) => unknown) => defineHelper(hb, name, (args) => fn(...(args as never[])));
  // Helpers whose result is a message return it as a SafeString: it is markdown already, escaped once.
  const markup = (text: string) => new hb.SafeString(text);
  defineHelper(hb, 't', ([key], hash) => markup(t.t(key as string, hash)));
  plain('count', (n: number, unit: string, digits?: number) => markup(count(t, num(n), unit, typeof digits === 'number' ? digits : 0)));
  plain('div', (a: number, b: number) => num(a) / num(b, 'a non-zero number'));
  plain('top', (list: readonly unknown[], n: number) => list.slice(0, n));
  plain('at', (list: readonly Record<string, unknown>[], i: number, field: string) => {
    const item = list[i];
    if (!item) throw new Error(`the list has ${list.length} items, not ${i + 1}`);
    return item[field];
  });
  plain('localized', (value: Readonly<Record<string, string>>) => value[t.locale]);
  plain('int', (n: number) => fmt.integer(num(n)));
  plain('dec', (n: number, digits: number) => fmt.decimal(num(n), digits));
  plain('pct', (x: number, digits?: number) => fmt.percent(num(x), typeof digits === 'number' ? digits : 1));
  plain('magnitude', (n: number) => fmt.magnitude(t.locale, num(n)));
  plain('ratio', (a: number, b: number) => markup(ratio(t, num(a), num(b))));
  plain('ordinal', (n: number) => fmt.ordinal(t.locale, num(n)));
  plain('country', (code: string) => names.name(code));
  plain('rankOf', rankOf);
  plain('maxBy', maxBy);
  plain('sortBy', sortBy);
  plain('find', find);
  plain('nth', (list: readonly unknown[], i: number) => list[i]);
  plain('compare', compare);
}
