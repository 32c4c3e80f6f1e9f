/**
 * The works an edition cites (`content/references.yaml`): cited from the text as footnotes and listed
 * in its bibliography, both formatted by one module (bibliography.ts). One entry per work, under a
 * stable id that the templates cite (`{{reference "id"}}`):
 *
 *     goodfellow-gans:
 *       kind: article                     # article | conference | report | web | book
 *       authors:                          # persons (family, given) or organisations ({zh, en})
 *         - {family: Goodfellow, given: Ian}
 *         - {zh: 腾讯研究院, en: Tencent Research Institute}
 *       et_al: true                       # optional: the work has more authors than are given
 *       title: Generative Adversarial Networks   # one text, or {zh, en}
 *       language: en                      # the work's language; a title in the other locale is a translation
 *       container: Communications of the ACM     # the journal (article) or proceedings (conference)
 *       volume: 63
 *       issue: 11
 *       pages: 139-144
 *       place: {zh: 北京, en: Beijing}    # optional, one text or {zh, en}
 *       publisher: ACM                    # optional, one text or {zh, en}
 *       year: 2020
 *       date: 2020-10-22                  # optional release date (YYYY-MM-DD), in `year`
 *       url: https://…                    # required for web pages
 *       accessed: 2023-01-20              # optional: when a web page was read (GB/T 7714's 引用日期)
 *
 * A title never types its year: it writes `{year}`, filled from `year:` (the published edition dated
 * one report in the year after its title's: templates/2023/CHECKLIST.md #25), so a title's year and
 * its date cannot disagree. Every problem is an error naming file:line:column and what was expected.
 */
import { ReportError } from '../errors.ts';
import { describeValue } from './describe.ts';
import { LOCALES, YamlReader, type Locale, type Localized, type YamlSource } from './yaml.ts';

export const REFERENCE_KINDS = ['article', 'conference', 'report', 'web', 'book'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export interface Person {
  readonly family: string;
  readonly given: string;
}
/** An author: a person, or an organisation named in each locale. */
export type Author = { readonly person: Person } | { readonly organisation: Localized };

export interface Reference {
  readonly id: string;
  readonly kind: ReferenceKind;
  readonly authors: readonly Author[];
  readonly etAl: boolean;
  /** With `{year}` where the title names its year (filled by `titleOf`). */
  readonly title: Localized;
  /** The language the work is written in. */
  readonly language: Locale;
  readonly container: string | null;
  readonly volume: number | null;
  readonly issue: number | null;
  /** "139-144" or "990". */
  readonly pages: string | null;
  readonly place: Localized | null;
  readonly publisher: Localized | null;
  /** The year of publication; a web page may have none (it is cited as read on `accessed`). */
  readonly year: number | null;
  /** Release date, YYYY-MM-DD, when the work gives one. */
  readonly date: string | null;
  readonly url: string | null;
  readonly accessed: string | null;
}

/** id → reference, in the file's order. */
export type References = Readonly<Record<string, Reference>>;

const YEAR_PLACE = '{year}';
/** A year typed into a title: four digits from 1900 to 2099 standing alone. */
const TYPED_YEAR = /(?<!\d)(19|20)\d\d(?!\d)/;
/** Ids are cited from templates, where typed digits are refused: letters and hyphens only. */
const ID = /^[a-z]+(-[a-z]+)*$/;
const FIELDS = new Set(['kind', 'authors', 'et_al', 'title', 'language', 'container', 'volume', 'issue', 'pages', 'place', 'publisher', 'year', 'date', 'url', 'accessed']);

/** A title with its year filled in. */
export function titleOf(r: Reference, locale: Locale): string {
  return r.title[locale].replace(YEAR_PLACE, String(r.year ?? ''));
}

export function readReferences(r: YamlReader, source: YamlSource): References {
  const fail = (path: readonly (string | number)[], expected: string, got: unknown): never => {
    throw ReportError.of('input.field', { file: source.where(path), path: path.join('.') || '(document)', expected, got: describeValue(got) });
  };
  const at = (path: readonly (string | number)[]): unknown => {
    let v: unknown = source.value;
    for (const key of path) v = (v as Record<string | number, unknown> | undefined)?.[key];
    return v;
  };
  /** One text for both locales, or {zh, en}. */
  const text = (path: readonly (string | number)[]): Localized => {
    const v = at(path);
    if (typeof v === 'string' && v.trim() !== '') return Object.freeze({ zh: v, en: v });
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return r.localized(path);
    return fail(path, 'a text, or a mapping {zh, en}', v);
  };
  const optional = <T>(path: readonly (string | number)[], read: (p: readonly (string | number)[]) => T): T | null => (at(path) === undefined || at(path) === null ? null : read(path));

  const out: Record<string, Reference> = {};
  const ids = Object.keys(r.object([]));
  if (ids.length === 0) fail([], 'at least one reference', {});
  for (const id of ids) {
    if (!ID.test(id)) fail([id], 'an id of lowercase letters and hyphens (templates cite it, and refuse typed digits)', id);
    const entry = r.object([id]);
    for (const key of Object.keys(entry)) if (!FIELDS.has(key)) fail([id, key], `one of the fields ${[...FIELDS].join(', ')}`, key);
    const kind = r.string([id, 'kind']);
    if (!(REFERENCE_KINDS as readonly string[]).includes(kind)) fail([id, 'kind'], `one of ${REFERENCE_KINDS.join(', ')}`, kind);
    const authorList = r.array([id, 'authors']);
    if (authorList.length === 0) fail([id, 'authors'], 'at least one author (a person {family, given} or an organisation {zh, en})', authorList);
    const authors = authorList.map((a, i): Author => {
      const path = [id, 'authors', i];
      const o = r.object(path);
      if ('family' in o) return Object.freeze({ person: Object.freeze({ family: r.string([...path, 'family']), given: r.string([...path, 'given']) }) });
      if ('zh' in o || 'en' in o) return Object.freeze({ organisation: r.localized(path) });
      return fail(path, 'a person {family, given} or an organisation {zh, en}', o);
    });
    const language = r.string([id, 'language']);
    if (!(LOCALES as readonly string[]).includes(language)) fail([id, 'language'], `the language the work is written in, one of ${LOCALES.join(', ')}`, language);
    const title = text([id, 'title']);
    const year = kind === 'web' ? r.optionalInteger([id, 'year']) : r.integer([id, 'year']);
    for (const locale of LOCALES) {
      const path = typeof at([id, 'title']) === 'string' ? [id, 'title'] : [id, 'title', locale];
      if (TYPED_YEAR.test(title[locale])) fail(path, `a title that writes its year as ${YEAR_PLACE} (given by year:), not typed`, title[locale]);
      if (title[locale].includes(YEAR_PLACE) && year === null) fail(path, `a title without ${YEAR_PLACE}, or a year: for it`, title[locale]);
    }
    const date = optional([id, 'date'], (p) => r.date(p));
    if (date !== null && year === null) fail([id, 'date'], 'a year: for the date', date);
    if (date !== null && Number(date.slice(0, 4)) !== year) fail([id, 'date'], `a date in ${year}, the year: of the work (a work dated in another year than its own contradicts itself)`, date);
    const container = optional([id, 'container'], (p) => r.string(p));
    if ((kind === 'article' || kind === 'conference') && container === null) fail([id, 'container'], `the ${kind === 'article' ? 'journal' : 'proceedings'} it appeared in`, undefined);
    const url = optional([id, 'url'], (p) => r.string(p));
    if (url !== null && !/^https?:\/\/[^\s<>]+$/.test(url)) fail([id, 'url'], 'an address http(s)://… without spaces or angle brackets', url);
    if (kind === 'web' && url === null) fail([id, 'url'], 'the address of the web page', undefined);
    const accessed = optional([id, 'accessed'], (p) => r.date(p));
    if (accessed !== null && url === null) fail([id, 'accessed'], 'an access date only with a url', accessed);
    const pages = optional([id, 'pages'], (p) => {
      const v = at(p);
      const s = typeof v === 'number' ? String(v) : v;
      if (typeof s !== 'string' || !/^[A-Za-z]?\d+(-[A-Za-z]?\d+)?$/.test(s)) fail(p, 'a page or a page range such as 139-144', v);
      return s as string;
    });
    out[id] = Object.freeze({
      id,
      kind: kind as ReferenceKind,
      authors: Object.freeze(authors),
      etAl: r.optionalBoolean([id, 'et_al']) ?? false,
      title,
      language: language as Locale,
      container,
      volume: r.optionalInteger([id, 'volume']),
      issue: r.optionalInteger([id, 'issue']),
      pages,
      place: optional([id, 'place'], text),
      publisher: optional([id, 'publisher'], text),
      year,
      date,
      url,
      accessed,
    });
  }
  return Object.freeze(out);
}
