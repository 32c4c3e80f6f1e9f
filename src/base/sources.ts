/**
 * The reports a passage cites (`content/sources.yaml`), printed as footnotes. Grouped by the passage
 * that cites them; each source has an id (its footnote's), publisher and title in both languages, a
 * kind ([R] report, [EB/OL] web page …) and its release date.
 *
 *     hot:
 *       tencent-trends:
 *         publisher: {zh: 腾讯研究院, en: Tencent Research Institute}
 *         title: {zh: "{year} 年十大数字科技前沿应用趋势", en: "…, {year}"}
 *         year: 2022
 *         kind: report
 *         date: 2022-08-24
 *
 * The published edition dated one report in the year after its title's and another in the year before
 * (templates/2023/CHECKLIST.md #25). So a
 * title does not type its year: it writes `{year}`, filled from `year:`, and that year must be the
 * year of `date`. A title with a typed year, a `{year}` without `year:` (or the reverse), or a date in
 * another year is an error naming its file:line:column.
 */
import { ReportError } from '../errors.ts';
import { LOCALES, YamlReader, type Locale, type Localized, type YamlSource } from './yaml.ts';

export const SOURCE_KINDS = { report: 'R', web: 'EB/OL', article: 'J', book: 'M' } as const;
export type SourceKind = keyof typeof SOURCE_KINDS;

export interface Source {
  readonly id: string;
  readonly publisher: Localized;
  /** With `{year}` where the title names its year. */
  readonly title: Localized;
  readonly year: number | null;
  readonly kind: SourceKind;
  /** Release date, YYYY-MM-DD. */
  readonly date: string;
}

/** Passage → its sources, in the order they are cited. */
export type Sources = Readonly<Record<string, readonly Source[]>>;

const YEAR_PLACE = '{year}';
/** A year typed into a title: four digits from 1900 to 2099 standing alone. */
const TYPED_YEAR = /(?<!\d)(19|20)\d\d(?!\d)/;

function fail(source: YamlSource, path: readonly (string | number)[], expected: string, got: unknown): never {
  throw ReportError.of('input.field', { file: source.where(path), path: path.join('.'), expected, got: got === undefined ? 'nothing' : JSON.stringify(got) });
}

export function readSources(r: YamlReader, source: YamlSource): Sources {
  const out: Record<string, readonly Source[]> = {};
  for (const passage of Object.keys(r.object([]))) {
    const ids = Object.keys(r.object([passage]));
    if (ids.length === 0) fail(source, [passage], 'at least one source', {});
    out[passage] = Object.freeze(ids.map((id) => readSource(r, source, [passage, id], id)));
  }
  return Object.freeze(out);
}

function readSource(r: YamlReader, source: YamlSource, at: readonly string[], id: string): Source {
  r.object(at);
  const publisher = r.localized([...at, 'publisher']);
  const title = r.localized([...at, 'title']);
  const year = r.optionalInteger([...at, 'year']);
  const kind = r.string([...at, 'kind']);
  if (!(kind in SOURCE_KINDS)) fail(source, [...at, 'kind'], `one of ${Object.keys(SOURCE_KINDS).join(', ')}`, kind);
  const date = r.date([...at, 'date']);
  for (const locale of LOCALES) {
    const path = [...at, 'title', locale];
    const text = title[locale];
    if (TYPED_YEAR.test(text)) fail(source, path, `a title that writes its year as ${YEAR_PLACE} (given by year:), not typed`, text);
    if (text.includes(YEAR_PLACE) && year === null) fail(source, path, `a title without ${YEAR_PLACE}, or a year: for it`, text);
    if (!text.includes(YEAR_PLACE) && year !== null) fail(source, path, `a title with ${YEAR_PLACE} where its year ${year} goes (year: is given)`, text);
  }
  if (year !== null && Number(date.slice(0, 4)) !== year) {
    fail(source, [...at, 'date'], `a date in ${year}, the year the title names (a report titled for one year and dated in another contradicts itself)`, date);
  }
  return Object.freeze({ id, publisher, title, year, kind: kind as SourceKind, date });
}

/** A source as a list of them prints it: "腾讯研究院.《2022 年…》[R]. 2022-08-24" / "Deloitte. Tech Trends 2022 [R]. 2022-04-16". */
export function formatSource(locale: Locale, s: Source): string {
  const title = s.title[locale].replace(YEAR_PLACE, String(s.year));
  const code = SOURCE_KINDS[s.kind];
  return locale === 'zh' ? `${s.publisher.zh}.《${title}》[${code}]. ${s.date}` : `${s.publisher.en}. ${title} [${code}]. ${s.date}`;
}

/** Sources one after another, as a sentence lists them ("…；…" / "…; …"): the message ends it. */
export function formatSources(locale: Locale, sources: readonly Source[]): string {
  return sources.map((s) => formatSource(locale, s)).join(locale === 'zh' ? '；' : '; ');
}
