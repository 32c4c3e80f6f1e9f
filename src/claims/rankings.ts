/**
 * The rankings a report's sentences and figures are made of: every list of the metrics document whose
 * items each name one subject (a country, an institution, a topic …), ranked by each of its numeric
 * fields, top RANKED only. Derived from the document's shape, so the engine needs to know no edition.
 */
import type { CountryNames } from '../base/countries.ts';
import type { Locale } from '../base/yaml.ts';
import type { Ranking } from '../base/claims.ts';

/** How deep a ranking is recorded: the "top 10" lists a report prints. */
export const RANKED = 10;

/** The field that identifies a list's items, most specific first (an institution also has a country). */
const ID_FIELDS = ['topic_id', 'institution_id', 'country', 'province', 'city'] as const;

/** Fields that make an item one of several rows of a subject (a year, a band, a pair): not a ranking. */
const PER_ROW_FIELDS = ['year', 'band', 'a', 'b'];

type Item = Readonly<Record<string, unknown>>;

/** Rankings of `metrics` (provenance left out), names from each locale's country names and the items' own names. */
export function rankingsOf(metrics: unknown, names: Partial<Record<Locale, CountryNames>>): Record<string, Ranking> {
  const out: Record<string, Ranking> = {};
  walk(metrics, '', (path, items) => {
    const idField = ID_FIELDS.find((f) => items.every((x) => typeof x[f] === 'string'));
    if (!idField || items.some((x) => PER_ROW_FIELDS.some((f) => f in x))) return;
    const ids = items.map((x) => x[idField] as string);
    if (new Set(ids).size !== ids.length) return;
    const fields = Object.keys(items[0]!).filter((f) => items.every((x) => typeof x[f] === 'number')).sort();
    for (const field of fields) {
      const ranks: Record<string, number> = {};
      const named: Record<string, Partial<Record<Locale, string>>> = {};
      const above = countAbove(items.map((x) => x[field] as number));
      for (const item of items) {
        const rank = 1 + above(item[field] as number);
        if (rank > RANKED) continue;
        const id = item[idField] as string;
        ranks[id] = rank;
        named[id] = nameOf(item, idField, names);
      }
      out[`${path}:${field}`] = { list: path, field, ranks, names: named };
    }
  });
  return out;
}

function walk(value: unknown, path: string, visit: (path: string, items: readonly Item[]) => void): void {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x))) visit(path, value as Item[]);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value).sort()) {
    if (path === '' && key === 'provenance') continue;
    walk((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key, visit);
  }
}

function nameOf(item: Item, idField: string, names: Partial<Record<Locale, CountryNames>>): Partial<Record<Locale, string>> {
  const out: Partial<Record<Locale, string>> = {};
  for (const locale of Object.keys(names).sort() as Locale[]) {
    const own = item[`name_${locale}`];
    if (typeof own === 'string') out[locale] = own;
    else if (idField === 'country') out[locale] = safeName(names[locale]!, item.country as string);
  }
  return out;
}

/** A code the ISO list does not know (a region, "unknown") is its own name. */
function safeName(names: CountryNames, code: string): string {
  try {
    return names.label(code);
  } catch {
    return code;
  }
}

/**
 * How many of `values` are greater than a value, by one sort: counting them item by item was
 * quadratic, and the metrics have lists of thousands (seconds of every build). NaN is greater than
 * nothing and nothing is greater than it, as with `>`.
 */
function countAbove(values: readonly number[]): (value: number) => number {
  const descending = values.filter((v) => !Number.isNaN(v)).sort((a, b) => b - a);
  const firstAt = new Map<number, number>();
  descending.forEach((v, i) => {
    if (!firstAt.has(v)) firstAt.set(v, i);
  });
  return (value) => firstAt.get(value) ?? 0;
}
