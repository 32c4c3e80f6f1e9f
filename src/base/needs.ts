/**
 * What an edition needs of its data, declared in its edition.yaml and checked on the metrics document
 * before any template runs. Without it a dataset that lacks, say, the rival country or a year of the
 * window fails deep in a template ("03-talent.md.hbs:175:42: the series has no year 2014"); with it the
 * user reads which need is unmet and which table should supply it.
 *
 *   needs:
 *     tables: [papers, patents, scholars]   # tables the dataset must have
 *     checks:
 *       - list: papers.by_country            # a list of the metrics document …
 *         has: { country: $home }            # … has a row whose fields are these ($home, $rival: the focus)
 *         table: papers                      # the table the rows come from (named in the message)
 *       - list: papers.by_year_country
 *         each_year: paper_years             # a row for every year of the manifest's window …
 *         for: { country: [$home, $rival] }  # … for each of these
 *         table: papers
 *       - list: papers.by_country
 *         some_positive: avg_citations       # the field is above zero somewhere
 *         table: paper_citations_by_year
 *       - window: paper_years                # the window spans at least this many years
 *         min_years: 2
 */
import { ReportError } from '../errors.ts';
import type { YamlReader, YamlSource } from './yaml.ts';
import type { MetricsDocument } from '../metrics/document.ts';

export type Window = 'paper_years' | 'patent_years';
const WINDOWS: readonly Window[] = ['paper_years', 'patent_years'];

type Value = string | number;
/** A value of a need: a literal, or `$home` / `$rival` (the edition's focus). */
type Term = Value;

export type Check =
  | { readonly kind: 'has'; readonly where: string; readonly list: string; readonly table: string; readonly has: Readonly<Record<string, Term>> }
  | { readonly kind: 'each_year'; readonly where: string; readonly list: string; readonly table: string; readonly window: Window; readonly for: Readonly<Record<string, readonly Term[]>> }
  | { readonly kind: 'some_positive'; readonly where: string; readonly list: string; readonly table: string; readonly field: string }
  | { readonly kind: 'min_years'; readonly where: string; readonly window: Window; readonly min: number };

export interface Needs {
  /** `file:line:column` of the `needs:` block. */
  readonly where: string;
  readonly tables: readonly string[];
  readonly checks: readonly Check[];
}

export interface Focus {
  readonly home: string;
  readonly rival: string;
}

/** Reads `needs:` of edition.yaml (absent: the edition needs nothing beyond its templates). */
export function readNeeds(source: YamlSource, r: YamlReader): Needs | undefined {
  const raw = (source.value as { needs?: unknown } | null)?.needs;
  if (raw === undefined || raw === null) return undefined;
  const block = r.object(['needs']);
  const tables = block.tables === undefined ? [] : r.array(['needs', 'tables']).map((_, i) => r.string(['needs', 'tables', i]));
  const checks: Check[] = [];
  const list = block.checks === undefined ? [] : r.array(['needs', 'checks']);
  list.forEach((item, i) => {
    const at = ['needs', 'checks', i];
    const where = source.where(at);
    const fields = r.object(at);
    const window = (key: string): Window => {
      const w = r.string([...at, key]);
      if (!WINDOWS.includes(w as Window)) fail(source, [...at, key], `one of ${WINDOWS.join(', ')}`, w);
      return w as Window;
    };
    if ('min_years' in fields) {
      checks.push(Object.freeze({ kind: 'min_years', where, window: window('window'), min: r.integer([...at, 'min_years']) }));
      return;
    }
    const base = { where, list: r.string([...at, 'list']), table: r.string([...at, 'table']) };
    if ('has' in fields) {
      checks.push(Object.freeze({ kind: 'has', ...base, has: Object.freeze(terms(source, r, [...at, 'has'])) }));
    } else if ('each_year' in fields) {
      const each = fields.for === undefined ? {} : r.object([...at, 'for']);
      const lists: Record<string, readonly Term[]> = {};
      for (const key of Object.keys(each).sort()) {
        lists[key] = Object.freeze(r.array([...at, 'for', key]).map((_, j) => term(source, r, [...at, 'for', key, j])));
      }
      checks.push(Object.freeze({ kind: 'each_year', ...base, window: window('each_year'), for: Object.freeze(lists) }));
    } else if ('some_positive' in fields) {
      checks.push(Object.freeze({ kind: 'some_positive', ...base, field: r.string([...at, 'some_positive']) }));
    } else {
      fail(source, at, 'a need with one of has, each_year, some_positive or min_years', fields);
    }
  });
  return Object.freeze({ where: source.where(['needs']), tables: Object.freeze(tables), checks: Object.freeze(checks) });
}

function fail(source: YamlSource, path: readonly (string | number)[], expected: string, got: unknown): never {
  throw ReportError.of('input.field', { file: source.where(path), path: path.join('.'), expected, got: JSON.stringify(got) });
}

function term(source: YamlSource, r: YamlReader, path: (string | number)[]): Term {
  let v: unknown = source.value;
  for (const key of path) v = (v as Record<string | number, unknown> | undefined)?.[key];
  if (typeof v === 'number') return v;
  const s = r.string(path);
  if (s.startsWith('$') && s !== '$home' && s !== '$rival') fail(source, path, 'a value, $home or $rival', s);
  return s;
}

function terms(source: YamlSource, r: YamlReader, path: (string | number)[]): Record<string, Term> {
  const fields = r.object(path);
  const out: Record<string, Term> = {};
  for (const key of Object.keys(fields).sort()) out[key] = term(source, r, [...path, key]);
  return out;
}

const resolveTerm = (t: Term, focus: Focus): Value => (t === '$home' ? focus.home : t === '$rival' ? focus.rival : t);

/** The value at a dotted path of the metrics document (undefined where a step is missing). */
function at(doc: MetricsDocument, path: string): unknown {
  let v: unknown = doc;
  for (const key of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[key];
  return v;
}

/** One unmet need, as the user reads it. */
export interface Unmet {
  readonly where: string;
  readonly text: string;
}

const shown = (fields: Readonly<Record<string, Value>>) =>
  Object.entries(fields)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');

/** Every need the metrics document does not meet (empty: all met). */
export function unmetNeeds(needs: Needs, doc: MetricsDocument, focus: Focus): Unmet[] {
  const out: Unmet[] = [];
  const loaded = new Set(doc.provenance.inputs.map((i) => i.table));
  const missing = new Set(needs.tables.filter((table) => !loaded.has(table)));
  for (const table of missing) out.push({ where: needs.where, text: `the dataset has no table "${table}"` });
  for (const check of needs.checks) {
    // A need of a table the dataset lacks says nothing the missing table has not said already.
    if (check.kind !== 'min_years' && missing.has(check.table)) continue;
    if (check.kind === 'min_years') {
      const [from, to] = doc.provenance.manifest[check.window];
      if (to - from + 1 < check.min) out.push({ where: check.where, text: `the ${check.window} window ${from}–${to} spans ${to - from + 1} year(s); at least ${check.min} are needed` });
      continue;
    }
    const list = at(doc, check.list);
    if (!Array.isArray(list)) {
      out.push({ where: check.where, text: `the metrics have no list "${check.list}" (table ${check.table})` });
      continue;
    }
    const rows = list as readonly Readonly<Record<string, unknown>>[];
    if (check.kind === 'has') {
      const want = Object.fromEntries(Object.entries(check.has).map(([k, v]) => [k, resolveTerm(v, focus)]));
      if (!rows.some((row) => Object.entries(want).every(([k, v]) => row[k] === v))) {
        out.push({ where: check.where, text: `${check.list} has no row with ${shown(want)} (table ${check.table})` });
      }
    } else if (check.kind === 'some_positive') {
      if (!rows.some((row) => typeof row[check.field] === 'number' && (row[check.field] as number) > 0)) {
        out.push({ where: check.where, text: `${check.list}: ${check.field} is zero or missing in every row (table ${check.table})` });
      }
    } else {
      const [from, to] = doc.provenance.manifest[check.window];
      for (const combo of combinations(check.for, focus)) {
        const missing: number[] = [];
        for (let year = from; year <= to; year++) {
          if (!rows.some((row) => row.year === year && Object.entries(combo).every(([k, v]) => row[k] === v))) missing.push(year);
        }
        if (missing.length) {
          out.push({ where: check.where, text: `${check.list} has no row${Object.keys(combo).length ? ` with ${shown(combo)}` : ''} for ${missing.length === 1 ? 'year' : 'years'} ${missing.join(', ')} of ${from}–${to} (table ${check.table})` });
        }
      }
    }
  }
  // Two needs of one list (the home and the rival country's rows, say) can fail alike: say it once.
  const said = new Set<string>();
  return out.filter((u) => !said.has(u.text) && said.add(u.text));
}

/** Every combination of the `for` lists' values (one empty combination when there are none). */
function combinations(lists: Readonly<Record<string, readonly Term[]>>, focus: Focus): Record<string, Value>[] {
  let out: Record<string, Value>[] = [{}];
  for (const [key, values] of Object.entries(lists)) {
    out = out.flatMap((combo) => values.map((v) => ({ ...combo, [key]: resolveTerm(v, focus) })));
  }
  return out;
}

/** Fails, listing every unmet need, before any template runs. */
export function assertNeeds(edition: string, needs: Needs | undefined, doc: MetricsDocument, focus: Focus | undefined): void {
  if (!needs || !focus) return;
  const unmet = unmetNeeds(needs, doc, focus);
  if (unmet.length) throw ReportError.of('edition.needs', { edition, unmet });
}
