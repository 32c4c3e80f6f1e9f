/**
 * The template helpers: every number, rank, ratio and comparison a chapter prints goes through one of
 * these, formatted for the locale. Each is a plain function of its arguments (tested on their own);
 * `registerHelpers` binds them to a translator for Handlebars, group by group (numbers, names, lists,
 * facts, texts, logic), and records what they print in a Trace for `report check`.
 */
import { mergeParentheses } from '../base/parentheses.ts';
import { spaceCjk } from '../base/cjk-spacing.ts';
import { describeValue } from '../base/describe.ts';
import { defineHelper, HelperError, type HandlebarsEnv } from './handlebars.ts';
import * as fmt from '../base/format.ts';
import * as facts from '../base/facts.ts';
import type { Translator } from '../base/i18n.ts';
import type { CountryNames } from '../base/countries.ts';
import { countryPair } from '../base/country-pair.ts';
import { NO_TRACE, type Trace } from '../base/trace.ts';
import { registerClaimHelpers } from './claim-helpers.ts';
import { bandBounds, bandLabel } from '../base/bands.ts';
import { bibliographyEntries, formatNote } from '../base/bibliography.ts';
import { escapeInline } from '../base/markup.ts';
import type { References } from '../base/references.ts';
import type { Locale } from '../base/yaml.ts';

type Item = Record<string, unknown>;

/** 1-based rank of the item whose `key` field equals `id`, ordering by `field` descending (ties share a rank). */
export function rankOf(list: readonly Item[], key: string, id: unknown, field: string): number {
  return facts.rankBy(list, key, id, field);
}

/** The item with the largest `field` (the first one in list order on a tie). */
export function maxBy(list: readonly Item[], field: string): Item {
  if (list.length === 0) throw new Error('maxBy of an empty list');
  return list.reduce((best, x) => ((x[field] as number) > (best[field] as number) ? x : best));
}

/** The list ordered by `field` descending, list order kept on ties. */
export function sortBy(list: readonly Item[], field: string): Item[] {
  return facts.orderBy(list, field);
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
  // "twice" rather than "2 times" where the locale has a word for it (units.times_two).
  const x = fmt.proseDecimal(facts.ratioOf(a, b), digits);
  return t.t('units.times', { x, context: x === '2' ? 'two' : '' });
}

/** `n` with the locale's unit word, plural-aware: "506,775 篇" / "506,775 papers". */
export function count(t: Translator, n: number, unit: string, digits = 0): string {
  return t.t(`units.${unit}`, { count: n, n: digits > 0 ? fmt.proseDecimal(n, digits) : fmt.integer(n) });
}

/** A list of names joined as the locale does: "甲、乙和丙" / "A, B, and C". */
export function joinList(locale: Locale, items: readonly string[]): string {
  // English is British here ("specialised", "modelled"): no comma before the last "and", as the messages write it.
  if (locale !== 'zh' || items.length < 2) return new Intl.ListFormat(locale === 'zh' ? 'zh' : 'en-GB', { style: 'long', type: 'conjunction' }).format(items);
  // "A、B和C", with the space Chinese text keeps between a Chinese character and a Latin one ("和 XR 技术").
  const latin = /[A-Za-z0-9]/;
  const last = items[items.length - 1]!;
  const head = items.slice(0, -1).join('、');
  return `${head}${latin.test(head.slice(-1)) ? ' ' : ''}和${latin.test(last.charAt(0)) ? ' ' : ''}${last}`;
}

/** An institution's name in the locale (the metrics carry both), as a label: "University of California". */
export function institutionName(locale: Locale, item: Item): string {
  const name = item[locale === 'zh' ? 'name_zh' : 'name_en'];
  if (typeof name !== 'string') throw new Error(`expected an institution with name_${locale}, got ${describeValue(item)}`);
  return name;
}

/**
 * A technology's name as it reads in running text: English names are titles in sentence case
 * ("Federated learning"), so mid-sentence they lose the capital, unless they begin with an acronym
 * ("AI decoding of protein structures", "XR …"). Sentence starts capitalise it (`{{name, capitalize}}`).
 */
export function topicInText(locale: Locale, item: Item): string {
  const name = institutionName(locale, item);
  if (locale === 'zh' || /^\p{Lu}[\p{Lu}\d]/u.test(name)) return name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * An institution's name as it reads in running text. English puts "the" before names built on "of"
 * (the University of California, the Chinese Academy of Sciences) and before a society or a lab; a
 * name such as "Harvard University" or "Huawei" stands alone. Sentence starts capitalise it.
 */
export function institutionInText(locale: Locale, item: Item): string {
  const name = institutionName(locale, item);
  if (locale !== 'en' || /^the /i.test(name)) return name;
  return / of |\b(Society|Laboratory|Lab)$/.test(name) ? `the ${name}` : name;
}

/** A helper's numeric argument: anything else is a template error, never "NaN" on a page. */
export function num(value: unknown, what = 'a number'): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`expected ${what}, got ${describeValue(value)}`);
  return value;
}

function list(value: unknown): Item[] {
  if (!Array.isArray(value)) throw new Error(`expected a list, got ${describeValue(value)}`);
  return value as Item[];
}

/**
 * Helper names whose numeric literal arguments are list sizes, positions or digits — the only
 * numbers a template may type (see src/check/lint.ts).
 */
export const LITERAL_NUMBER_HELPERS: Readonly<Record<string, readonly number[]>> = {
  top: [1],
  topBy: [2],
  slice: [1, 2],
  at: [1],
  nth: [1],
  count: [2],
  dec: [1],
  fixed: [1],
  // Comparing with zero ("none") or one ("first") is structure, not data.
  compare: [1],
  gt: [1],
  lt: [1],
  pct: [1],
  ratio: [2],
};

/** What every group of helpers is registered with: the locale's translator, names and trace, and the ways to define a helper. */
interface HelperContext {
  readonly hb: HandlebarsEnv;
  readonly t: Translator;
  readonly names: CountryNames;
  readonly trace: Trace;
  readonly locale: Locale;
  /** A helper that returns its function's value. */
  readonly plain: (name: string, fn: (...args: never[]) => unknown) => void;
  /** A helper that prints a number, recorded in the trace with the value it stands for. */
  readonly traced: (name: string, fn: (...args: never[]) => string, value: (...args: never[]) => number) => void;
}

export function registerHelpers(hb: HandlebarsEnv, t: Translator, names: CountryNames, trace: Trace = NO_TRACE) {
  const locale = t.locale;
  const plain = (name: string, fn: (...args: never[]) => unknown) => defineHelper(hb, name, (args) => fn(...(args as never[])));
  // Helpers whose result is a message return it as a SafeString: it is markdown already, escaped once.
  const markup = (text: string) => new hb.SafeString(text);
  const traced = (name: string, fn: (...args: never[]) => string, value: (...args: never[]) => number) =>
    defineHelper(hb, name, (args) => {
      const text = fn(...(args as never[]));
      trace.add(text, value(...(args as never[])), name);
      return name === 'count' || name === 'magCount' || name === 'ratio' ? markup(text) : text;
    });
  // `t` is a tracing translator when a trace is kept: the values it interpolates are recorded there.
  // In Chinese, a space where a Latin-letter value meets Han text ("IBM 居首"): src/base/cjk-spacing.ts.
  // Two parentheticals in a row ("UDICE (French research universities) (48,217 papers)") become one: src/base/parentheses.ts.
  defineHelper(hb, 't', ([key], hash) => markup(mergeParentheses(t.locale, t.locale === 'zh' ? spaceCjk(t.t(key as string, hash)) : t.t(key as string, hash))));

  const c: HelperContext = { hb, t, names, trace, locale, plain, traced };
  numberHelpers(c);
  nameHelpers(c);
  listHelpers(c);
  factHelpers(c);
  textHelpers(c);
  logicHelpers(c);
  registerClaimHelpers(hb, trace);
}

/** Numbers, formatted for the locale, and counts of a list's items in words. */
function numberHelpers({ hb, t, names, trace, locale, traced }: HelperContext) {
  traced('count', (n: number, unit: string, digits?: number) => count(t, num(n), unit, typeof digits === 'number' ? digits : 0), (n: number) => n);
  // A large count in the locale's magnitude ("12.8 万人" / "128 thousand researchers"); a count too small
  // for a magnitude word takes the plain unit ("715 人"): `unit` names the magnitude form, "<plain>_mag".
  traced(
    'magCount',
    (n: number, unit: string) => {
      const text = fmt.magnitude(locale, num(n));
      const plain = text === fmt.integer(n) && unit.endsWith('_mag') ? unit.slice(0, -'_mag'.length) : unit;
      return t.t(`units.${plain}`, { count: n, n: text });
    },
    (n: number) => n,
  );
  traced('int', (n: number) => fmt.integer(num(n)), (n: number) => n);
  traced('fixed', (n: number, digits: number) => fmt.withoutZeroFraction(num(n).toFixed(digits)), (n: number) => n);
  traced('dec', (n: number, digits: number) => fmt.proseDecimal(num(n), digits), (n: number) => n);
  traced('pct', (x: number, digits?: number) => fmt.withoutZeroFraction(fmt.percent(num(x), typeof digits === 'number' ? digits : 1)), (x: number) => x);
  traced('share', (part: number, whole: number) => fmt.withoutZeroFraction(fmt.share(facts.shareOf(num(part), num(whole)))), (part: number, whole: number) => part / whole);
  traced('pctAbs', (x: number) => fmt.withoutZeroFraction(fmt.share(Math.abs(num(x)))), (x: number) => Math.abs(x));
  traced('magnitude', (n: number) => fmt.magnitude(locale, num(n)), (n: number) => n);
  traced('ratio', (a: number, b: number, digits?: number) => ratio(t, num(a), num(b), typeof digits === 'number' ? digits : 1), (a: number, b: number) => a / b);
  traced('ordinal', (n: number) => fmt.ordinal(locale, num(n)), (n: number) => n);
  traced('year', (n: number) => String(num(n)), (n: number) => n);
  // A month in running text ("2 月" / "February"): traced with its number, which English does not print.
  traced('month', (m: number) => fmt.month(locale, num(m)), (m: number) => m);
  // The count of a heading ("Ten trends" / "十大趋势"): words in English, a numeral in Chinese.
  traced('headCount', (n: number) => (locale === 'zh' ? fmt.numeral(locale, num(n)) : fmt.cardinal(locale, num(n))), (n: number) => n);
  traced('numeral', (n: number) => fmt.numeral(locale, num(n)), (n: number) => n);
  traced('cardinal', (n: number) => fmt.cardinal(locale, num(n)), (n: number) => n);
  // "5 家来自中国、4 家来自美国和 1 家来自韩国" / "five from China, four from the United States and one from South Korea".
  defineHelper(hb, 'composition', ([items, unit]) => {
    const parts = facts.countBy(list(items), 'country').map(({ value, n }) => {
      trace.add(fmt.cardinal(locale, n), n, 'composition');
      return t.text(`units.${String(unit)}_from`, { count: n, n: fmt.cardinal(locale, n), country: names.name(value) });
    });
    return trace.add(joinList(locale, parts), null, 'value');
  });
  traced('money', (n: number) => fmt.money(locale, num(n)), (n: number) => n);
  // "两家企业和一所高校" / "two companies and one university": institutions by kind, most first.
  defineHelper(hb, 'kinds', ([items]) => {
    const parts = facts.countBy(list(items), 'kind').map(({ value, n }) => {
      trace.add(fmt.countWord(locale, n), n, 'kinds');
      return t.text(`units.kind_${value}`, { count: n, n: fmt.countWord(locale, n) });
    });
    return trace.add(joinList(locale, parts), null, 'value');
  });
  // "Google (2nd) and Microsoft (4th)": each item with its rank by `field` in `all`.
  defineHelper(hb, 'instsRanked', ([items, all, field]) => {
    const parts = list(items).map((x) => {
      const rank = rankOf(list(all), 'institution_id', (x as Item).institution_id, String(field));
      return t.text('units.named_rank', { name: institutionInText(locale, x as Item), rank: trace.add(fmt.ordinal(locale, rank), rank, 'ordinal') });
    });
    return trace.add(joinList(locale, parts), null, 'value');
  });
}

/** Names of countries, institutions, regions and bands, and localized values, in running text. */
function nameHelpers({ hb, t, names, trace, locale, plain }: HelperContext) {
  defineHelper(hb, 'country', ([code]) => trace.add(names.name(code as string), null, 'value'));
  // Two countries as a pair: "中美" where both have a short form (base/country-pair.ts).
  defineHelper(hb, 'pair', ([a, b]) => trace.add(countryPair(t, names, String(a), String(b)), null, 'value'));
  defineHelper(hb, 'countries', ([codes]) => trace.add(joinList(locale, list(codes).map((c) => names.name(String(c)))), null, 'value'));
  defineHelper(hb, 'inst', ([item]) => trace.add(institutionInText(locale, item as Item), null, 'value'));
  defineHelper(hb, 'insts', ([items]) => trace.add(joinList(locale, list(items).map((i) => institutionInText(locale, i))), null, 'value'));
  defineHelper(hb, 'region', ([code]) => trace.add(t.text(`regions:${String(code)}`), null, 'value'));
  defineHelper(hb, 'band', ([band]) => trace.add(bandLabel(t, String(band)), null, 'value'));
  plain('localized', (value: Readonly<Record<string, string>>) => trace.add(value[locale] ?? '', null, 'value'));
  // The localized names of a list's items in running text: "人工智能、区块链和大数据" / "AI, blockchain and big data".
  plain('localizedList', (items: readonly Item[], field: string) => {
    const names = list(items).map((x) => {
      const name = (x[field] as Readonly<Record<string, unknown>> | undefined)?.[locale];
      if (typeof name !== 'string') throw new Error(`expected items with a "${field}" in zh and en, got ${describeValue(x)}`);
      return name;
    });
    return trace.add(joinList(locale, names), null, 'value');
  });
}

/** Arithmetic and list facts: they return data, which another helper formats. */
function listHelpers({ plain }: HelperContext) {
  plain('div', (a: number, b: number) => num(a) / num(b, 'a non-zero number'));
  plain('minus', (a: number, b: number) => num(a) - num(b));
  plain('plus', (a: number, b: number) => num(a) + num(b));
  plain('abs', (a: number) => Math.abs(num(a)));
  plain('top', (items: readonly unknown[], n: number) => list(items).slice(0, n));
  plain('slice', (items: readonly unknown[], from: number, to?: number) => list(items).slice(from, typeof to === 'number' ? to : undefined));
  plain('at', (items: readonly Record<string, unknown>[], i: number, field: string) => {
    const item = list(items)[i];
    if (!item) throw new Error(`the list has ${items.length} items, not ${i + 1}`);
    return item[field];
  });
  plain('nth', (items: readonly unknown[], i: number) => {
    const item = list(items)[i];
    if (item === undefined) throw new Error(`the list has ${items.length} items, not ${i + 1}`);
    return item;
  });
  plain('len', (items: readonly unknown[]) => list(items).length);
  plain('last', (items: readonly unknown[]) => {
    const item = list(items).at(-1);
    if (item === undefined) throw new Error('the list is empty: it has no last item');
    return item;
  });
  plain('pluck', (items: readonly Item[], field: string) => list(items).map((x) => x[field]));
  plain('rankOf', (items: readonly Item[], key: string, id: unknown, field: string) => rankOf(list(items), key, id, field));
  plain('maxBy', (items: readonly Item[], field: string) => maxBy(list(items), field));
  plain('sortBy', (items: readonly Item[], field: string) => sortBy(list(items), field));
  plain('topBy', (items: readonly Item[], field: string, n: number) => facts.topBy(list(items), field, num(n)));
  plain('find', (items: readonly Item[], key: string, id: unknown) => find(list(items), key, id));
  plain('where', (items: readonly Item[], key: string, value: unknown) => facts.where(list(items), key, value));
  plain('whereNot', (items: readonly Item[], key: string, value: unknown) => facts.whereNot(list(items), key, value));
  plain('sumOf', (items: readonly Item[], field: string) => facts.sumOf(list(items), field));
  plain('countBy', (items: readonly Item[], key: string) => facts.countBy(list(items), key));
  plain('series', (items: readonly Item[], country: string, field: string, from: number, to: number) => facts.seriesOf(list(items), country, field, num(from), num(to)));
  plain('pairSeries', (a: facts.YearValue[], b: facts.YearValue[]) => facts.pairSeries(a, b));
  plain('crossingYear', (s: facts.YearPair[]) => facts.crossingYear(s));
  plain('behindYears', (s: facts.YearPair[], year: number) => facts.behindYears(s, num(year)));
  plain('valueIn', (s: facts.YearValue[], year: number) => facts.valueIn(s, num(year)));
  plain('growthIn', (s: facts.YearValue[], year: number) => facts.growthIn(s, num(year)));
  plain('peakOf', (s: facts.YearValue[]) => facts.peakOf(s));
  plain('slowingSince', (s: facts.YearValue[]) => facts.slowingSince(s));
  plain('trendOf', (s: facts.YearValue[]) => facts.trendOf(s));
  plain('nonZero', (items: readonly Item[], field: string) => facts.nonZero(list(items), field));
  plain('countAbove', (items: readonly Item[], field: string, value: number) => facts.countAbove(list(items), field, num(value)));
}

/** Facts of yearly series, bands, pairs and {CC: n} maps: data for the other helpers. */
function factHelpers({ plain }: HelperContext) {
  plain('bandLow', (band: string) => {
    const bounds = bandBounds(String(band));
    if (!bounds) throw new Error(`the band ${String(band)} has no bounds`);
    return bounds[0];
  });
  plain('bandPairs', (bands: readonly Item[], field: string, a: string, b: string) => facts.bandPairs(list(bands), String(field), a, b));
  plain('switchIndex', (pairs: { a: number; b: number }[]) => facts.switchIndex(list(pairs as never) as never));
  plain('compare', (a: number, b: number) => compare(num(a), num(b)));
  // 'tied' when the first two items share the lead: a message's "_tied" variant then names both.
  plain('lead', (items: readonly Item[], field: string) => {
    const rows = list(items);
    return rows.length > 1 && rows[0]![field] === rows[1]![field] ? 'tied' : '';
  });
  plain('howManyOf', (k: number, n: number) => (num(k) === num(n) ? 'all' : k === 0 ? 'none' : 'some'));
  // Each country's direction over the years: [{country, trend: 'up' | 'down' | 'flat'}].
  plain('trends', (countries: readonly Item[], rows: readonly Item[], field: string, from: number, to: number) =>
    list(countries).map((c) => ({ country: c.country, trend: facts.trendOf(facts.seriesOf(list(rows), String(c.country), field, num(from), num(to))) })),
  );
  plain('concat', (...parts: unknown[]) => parts.map(String).join(''));
  plain('position', (index: number) => num(index) + 1);
  // The items ranked strictly above the one whose `key` is `id`, by `field`.
  plain('aheadOf', (items: readonly Item[], key: string, id: unknown, field: string) => {
    const rows = list(items);
    const value = find(rows, key, id)[field] as number;
    return facts.orderBy(rows.filter((x) => (x[field] as number) > value), field);
  });
  // The items of `items` whose `key` is not found in `other`.
  plain('notIn', (items: readonly Item[], other: readonly Item[], key: string) => list(items).filter((x) => !list(other).some((y) => y[key] === x[key])));
  // A copy of each item with `field` negated: the largest losses rank first.
  plain('negate', (items: readonly Item[], field: string) => list(items).map((x) => ({ ...x, [field]: -(x[field] as number) })));
  plain('pairYears', (pairs: readonly Item[], field: string, a: string, b: string, from: number, to: number) => facts.pairYears(list(pairs), String(field), a, b, num(from), num(to)));
  plain('growthOrZero', (s: facts.YearValue[], year: number) => facts.growthIn(s, num(year)) ?? 0);
  // A country's count in a {CC: n} map (topics' top1_by_country …); 0 when the country is absent
  // (asked with `in`, which the strict view of the metrics allows).
  plain('countIn', (counts: Readonly<Record<string, number>> | undefined, code: string) => (counts && String(code) in counts ? Number(counts[String(code)]) : 0));
  // A {CC: n} map as a list [{country, n}], largest first (then by code), for top/nth/lead.
  plain('countsList', (counts: Readonly<Record<string, number>>) => Object.keys(counts).map((c) => ({ country: c, n: Number(counts[c]) })).sort((a, b) => b.n - a.n || a.country.localeCompare(b.country)));
  // How many items have more in their {CC: n} map `field` for country a than for country b.
  plain('countAhead', (items: readonly Item[], field: string, a: string, b: string) => list(items).filter((x) => { const m = x[field] as Record<string, number>; const get = (c: string) => (c in m ? Number(m[c]) : 0); return get(a) > get(b); }).length);
  plain('peakYear', (s: facts.YearValue[]) => facts.peakOf(s).year);
}

/** Topics, citations, regions and counts per country, in running text. */
function textHelpers({ hb, t, names, trace, locale, plain }: HelperContext) {
  // Editorial rows of the locale (e.g. "content:teams"), in their written order: to count what a
  // sentence says of the rows a table lists (the table reads the same key).
  plain('messageRows', (key: string) => {
    const rows = t.object(String(key));
    return rows && typeof rows === 'object' ? Object.values(rows as Record<string, unknown>) : [];
  });
  defineHelper(hb, 'topicName', ([topic]) => trace.add(institutionName(locale, topic as Item), null, 'value'));
  defineHelper(hb, 'topicInText', ([topic]) => trace.add(topicInText(locale, topic as Item), null, 'value'));
  // A cited work (content/references.yaml) as its footnote gives it, in the locale's style
  // (src/base/bibliography.ts): `[^note]: {{reference "id"}}`. An id the file lacks is an error.
  referenceHelpers(hb, trace, t);
  defineHelper(hb, 'regions', ([codes]) => trace.add(joinList(locale, list(codes).map((c) => t.text(`regions:${String(c)}`))), null, 'value'));
  // "the United States (257 patents), Japan (74 patents) and South Korea (42 patents)".
  defineHelper(hb, 'countryCounts', ([items, field, unit]) => {
    const parts = list(items).map((x) => {
      const n = x[String(field)] as number;
      return t.text('units.named_count', { name: names.name(String(x.country)), count: trace.add(count(t, num(n), String(unit)), n, 'count') });
    });
    return trace.add(joinList(locale, parts), null, 'value');
  });
}

/** Comparisons and logic for `#if`, and literal lists. */
function logicHelpers({ plain }: HelperContext) {
  plain('sign', (a: number) => (num(a) > 0 ? 'up' : a < 0 ? 'down' : 'flat'));
  plain('eq', (a: unknown, b: unknown) => a === b);
  plain('gt', (a: number, b: number) => num(a) > num(b));
  plain('lt', (a: number, b: number) => num(a) < num(b));
  plain('isNull', (a: unknown) => a === null || a === undefined);
  plain('not', (a: unknown) => !a);
  plain('and', (a: unknown, b: unknown) => Boolean(a) && Boolean(b));
  plain('or', (a: unknown, b: unknown) => Boolean(a) || Boolean(b));
  plain('array', (...items: unknown[]) => items);
}

/** The edition's cited works (`content.references` of the template's root), by id. */
function referencesOf(root: unknown): References {
  const refs = (root as { content?: { references?: References } } | undefined)?.content?.references;
  if (!refs) throw new Error('this edition cites works but has no content/references.yaml');
  return refs;
}

/** `reference "id"`: a footnote's text; `bibliography`: every cited work, one paragraph each, in the locale's order. */
function referenceHelpers(hb: HandlebarsEnv, trace: Trace, t: Translator) {
  const locale = t.locale;
  const withRoot = (name: string, fn: (root: unknown, args: unknown[]) => string) =>
    hb.registerHelper(name, function (this: unknown, ...all: unknown[]) {
      const options = all[all.length - 1] as { data?: { root?: unknown }; loc?: { start: { line: number; column: number } } };
      try {
        return new hb.SafeString(fn(options.data?.root, all.slice(0, -1)));
      } catch (error) {
        throw new HelperError(error, options.loc);
      }
    });
  withRoot('reference', (root, [id]) => {
    const refs = referencesOf(root);
    // Asked before reading: the template's data refuses a missing key with a message about the metrics.
    if (!Object.keys(refs).includes(String(id))) throw new Error(`no work "${String(id)}" in content/references.yaml (it has ${Object.keys(refs).join(', ')})`);
    const r = refs[String(id)]!;
    // The years, volumes and pages a note prints are the work's, recorded as printed values.
    return trace.add(formatNote(locale, r), null, 'value');
  });
  // The style's name is the locale's (locales/shared/<locale>/document.json), the formatting the engine's.
  withRoot('citationStyle', () => trace.add(escapeInline(t.text('document:citation_style')), null, 'value'));
  // A named block (src/base/markup-blocks.ts): the print sets it with hanging indents, unjustified.
  withRoot('bibliography', (root) => ['::: bibliography', ...bibliographyEntries(locale, referencesOf(root)).map((entry) => trace.add(entry, null, 'value')), ':::'].join('\n\n'));
}
