/**
 * The one place cited works are formatted (content/references.yaml, read by references.ts), as a
 * footnote and as a bibliography entry, per locale:
 *
 * - zh: GB/T 7714-2015 (信息与文献 参考文献著录规则). Persons family name first, Latin family names
 *   in capitals, given names as initials without points; at most three authors, then ", 等" (", et al."
 *   for a work in English); the type code [J] [C] [R] [M] [EB/OL] (with /OL when the work is cited at
 *   an address), the access date in brackets ([引用日期]). The note is the entry itself, as Chinese
 *   footnotes give it. The bibliography is numbered [1], [2] … in its sorted order.
 * - en: Chicago Manual of Style (17th ed.), notes and bibliography. The note gives the names in their
 *   natural order ("Ian Goodfellow et al.") and the publication facts in parentheses; the bibliography
 *   entry inverts the first name ("Goodfellow, Ian, Jean Pouget-Abadie, …, and Yoshua Bengio"). Titles
 *   of whole works in italics, of parts in quotation marks; a work written in Chinese carries its
 *   title in English followed by "(in Chinese)". Entries are unnumbered, alphabetical.
 *
 * Both orders are by the first author as the locale sorts names (pinyin for Chinese, then the year,
 * the title and the id), so the list never depends on where a work happens to be cited first. Output
 * is inline markdown: every field goes through escapeInline, the style adds only its own markup.
 */
import { month } from './format.ts';
import { escapeInline } from './markup.ts';
import { titleOf, type Author, type Person, type Reference, type References } from './references.ts';
import type { Locale } from './yaml.ts';

const TYPE_CODES = { article: 'J', conference: 'C', report: 'R', web: 'EB/OL', book: 'M' } as const;
/** GB/T 7714 lists at most three authors before "等". Chicago's notes name up to three, its bibliography up to ten. */
const GBT_AUTHORS = 3;
const NOTE_AUTHORS = 3;
const BIBLIOGRAPHY_AUTHORS = 10;

const esc = escapeInline;
/** An address as a link (markdown autolink): the reader validated it as http(s) without spaces or angle brackets. */
const link = (url: string) => `<${url}>`;
/** "A, B, et al." ends its own sentence: no second period. */
const closed = (markdown: string) => (/(\.|&#46;)$/.test(markdown) ? markdown : `${markdown}.`);
const italic = (markdown: string) => `*${markdown}*`;
/** A page range with an en dash: "139–144". */
const pageRange = (pages: string) => pages.replace('-', '\u2013');

/** "Jie" → "J"; "Jean-Pierre" → "J P"; "D." → "D". */
function initials(given: string): string {
  return given.split(/[\s\-.]+/).filter(Boolean).map((part) => part.charAt(0).toUpperCase()).join(' ');
}
/** Chicago with initials only: "D." → "D."; "Jie" stays "Jie". */
function chicagoGiven(given: string): string {
  return /^[A-Z]\.?$/.test(given) ? `${given.charAt(0)}.` : given;
}
const isHan = (text: string) => /\p{Script=Han}/u.test(text);

// ---- zh: GB/T 7714-2015 ----

function gbtAuthor(a: Author): string {
  if ('organisation' in a) return esc(a.organisation.zh);
  const { family, given } = a.person;
  // A Chinese name is written whole ("张三"); a Latin one "TANG J".
  return isHan(family) ? esc(`${family}${given}`) : esc(`${family.toUpperCase()} ${initials(given)}`);
}

function gbtAuthors(r: Reference): string {
  const shown = r.authors.slice(0, GBT_AUTHORS).map(gbtAuthor);
  const more = r.etAl || r.authors.length > GBT_AUTHORS;
  return shown.join(', ') + (more ? (r.language === 'zh' ? ', 等' : ', et al.') : '');
}

/** "北京: 出版者" / "出版者" / "北京". */
function gbtImprint(r: Reference): string {
  const parts = [r.place?.zh, r.publisher?.zh].filter((x): x is string => Boolean(x)).map(esc);
  return parts.join(': ');
}

function gbt(r: Reference): string {
  const title = esc(titleOf(r, 'zh'));
  const online = r.url !== null;
  const code = TYPE_CODES[r.kind] + (online && r.kind !== 'web' ? '/OL' : '');
  const year = r.year === null ? '' : String(r.year);
  const accessed = r.accessed ? `[${r.accessed}]` : '';
  const pages = r.pages ? esc(r.pages) : '';
  let body: string;
  switch (r.kind) {
    case 'article': {
      const vol = r.volume === null ? '' : `, ${r.volume}`;
      const issue = r.issue === null ? '' : `(${r.issue})`;
      body = `${title}[${code}]. ${esc(r.container)}, ${year}${vol}${issue}${pages ? `: ${pages}` : ''}${accessed}`;
      break;
    }
    case 'conference': {
      const imprint = gbtImprint(r);
      body = `${title}[${code}]//${esc(r.container)}. ${imprint ? `${imprint}, ` : ''}${year}${pages ? `: ${pages}` : ''}${accessed}`;
      break;
    }
    case 'web': {
      // (更新日期)[引用日期]: the date a page gives, then the date it was read.
      const updated = r.date ? `(${r.date})` : '';
      body = `${title}[${code}]${updated || accessed ? `. ${updated}${accessed}` : ''}`;
      break;
    }
    default: {
      const imprint = gbtImprint(r);
      body = `${title}[${code}]. ${imprint ? `${imprint}, ` : ''}${year}${accessed}`;
    }
  }
  return `${closed(gbtAuthors(r))} ${body}.${online ? ` ${link(r.url!)}.` : ''}`;
}

// ---- en: Chicago notes and bibliography ----

// A Chinese name is written family name first, whole, in either position ("陈登原").
const personNatural = (p: Person) => (isHan(p.family) ? `${p.family}${p.given}` : `${chicagoGiven(p.given)} ${p.family}`);
const personInverted = (p: Person) => (isHan(p.family) ? `${p.family}${p.given}` : `${p.family}, ${chicagoGiven(p.given)}`);
const authorEn = (a: Author, inverted: boolean) => ('organisation' in a ? a.organisation.en : inverted ? personInverted(a.person) : personNatural(a.person));

/** "A, B, and C" (Chicago keeps the serial comma). */
function serial(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
}

function noteAuthors(r: Reference): string {
  if (r.etAl || r.authors.length > NOTE_AUTHORS) return `${esc(authorEn(r.authors[0]!, false))} et al.`;
  return esc(serial(r.authors.map((a) => authorEn(a, false))));
}

function bibliographyAuthors(r: Reference): string {
  const names = r.authors.slice(0, BIBLIOGRAPHY_AUTHORS).map((a, i) => authorEn(a, i === 0));
  if (r.etAl || r.authors.length > BIBLIOGRAPHY_AUTHORS) return esc(`${names.join(', ')}, et al.`);
  // Two names: "Family, Given, and Given Family" keeps the comma after the inverted first name.
  return esc(names.length === 2 ? `${names[0]}, and ${names[1]}` : serial(names));
}

/** "August 24, 2022", or the year alone. */
function chicagoDate(date: string | null, year: number | null): string {
  if (date === null) return year === null ? '' : String(year);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${month('en', m)} ${d}, ${y}`;
}

/** A title with its marks: italic for a whole work, quoted for a part; "(in Chinese)" after a translated one. */
function chicagoTitle(r: Reference, closing: '.' | ','): string {
  // Chicago gives a translated title in brackets; this edition gives the translation alone, so it says so.
  const translated = r.language !== 'en' ? ' [in Chinese]' : '';
  const text = esc(titleOf(r, 'en'));
  if (r.kind === 'article' || r.kind === 'conference' || r.kind === 'web') {
    // Chicago puts the comma or period inside the closing quotation mark.
    return `\u201c${text}${translated ? '' : closing}\u201d${translated}${translated ? closing : ''}`;
  }
  return `${italic(text)}${translated}`;
}

/** "New York: ACM, 2008" (publication facts). The publisher is left out when it is the author. */
function chicagoImprint(r: Reference, dateText: string): string {
  const publisher = r.publisher && !r.authors.some((a) => 'organisation' in a && a.organisation.en === r.publisher!.en) ? r.publisher.en : null;
  const place = r.place?.en ?? null;
  const head = place && publisher ? `${place}: ${publisher}` : (place ?? publisher ?? '');
  return esc([head, dateText].filter(Boolean).join(', '));
}

function accessedEn(r: Reference): string {
  return r.accessed ? `accessed ${chicagoDate(r.accessed, null)}` : '';
}

function chicagoNote(r: Reference): string {
  const who = noteAuthors(r);
  const url = r.url ? `, ${link(r.url)}` : '';
  const acc = accessedEn(r);
  switch (r.kind) {
    case 'article': {
      const issue = r.issue === null ? '' : `, no. ${r.issue}`;
      return `${who}, ${chicagoTitle(r, ',')} ${italic(esc(r.container))}${r.volume === null ? '' : ` ${r.volume}`}${issue} (${r.year})${r.pages ? `: ${esc(pageRange(r.pages))}` : ''}${acc ? `, ${acc}` : ''}${url}.`;
    }
    case 'conference':
      return `${who}, ${chicagoTitle(r, ',')} in ${italic(esc(r.container))} (${chicagoImprint(r, String(r.year))})${r.pages ? `, ${esc(pageRange(r.pages))}` : ''}${acc ? `, ${acc}` : ''}${url}.`;
    case 'web': {
      const parts = [r.date ? esc(chicagoDate(r.date, r.year)) : '', acc, r.url ? link(r.url) : ''].filter(Boolean);
      return parts.length ? `${who}, ${chicagoTitle(r, ',')} ${parts.join(', ')}.` : `${who}, ${chicagoTitle(r, '.')}`;
    }
    default:
      return `${who}, ${chicagoTitle(r, ',')} (${chicagoImprint(r, chicagoDate(r.date, r.year))})${acc ? `, ${acc}` : ''}${url}.`;
  }
}

function chicagoEntry(r: Reference): string {
  const who = bibliographyAuthors(r);
  const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const tail = [r.accessed ? capitalised(accessedEn(r)) : '', r.url ? link(r.url) : ''].filter(Boolean).map((s) => ` ${s}.`).join('');
  switch (r.kind) {
    case 'article': {
      const issue = r.issue === null ? '' : `, no. ${r.issue}`;
      return `${closed(who)} ${chicagoTitle(r, '.')} ${italic(esc(r.container))}${r.volume === null ? '' : ` ${r.volume}`}${issue} (${r.year})${r.pages ? `: ${esc(pageRange(r.pages))}` : ''}.${tail}`;
    }
    case 'conference':
      return `${closed(who)} ${chicagoTitle(r, '.')} In ${italic(esc(r.container))}${r.pages ? `, ${esc(pageRange(r.pages))}` : ''}. ${chicagoImprint(r, String(r.year))}.${tail}`;
    case 'web':
      return `${closed(who)} ${chicagoTitle(r, '.')}${r.date ? ` ${esc(chicagoDate(r.date, r.year))}.` : ''}${tail}`;
    default: {
      const imprint = chicagoImprint(r, chicagoDate(r.date, r.year));
      return `${closed(who)} ${chicagoTitle(r, '.')}.${imprint ? ` ${imprint}.` : ''}${tail}`;
    }
  }
}

// ---- per locale ----

/** The footnote that cites `r` (inline markdown). */
export function formatNote(locale: Locale, r: Reference): string {
  return locale === 'zh' ? gbt(r) : chicagoNote(r);
}

/** `r` as its bibliography entry (inline markdown, without its number). */
export function formatEntry(locale: Locale, r: Reference): string {
  return locale === 'zh' ? gbt(r) : chicagoEntry(r);
}

function sortName(locale: Locale, r: Reference): string {
  const a = r.authors[0]!;
  return 'organisation' in a ? a.organisation[locale] : a.person.family;
}

/** The references in the locale's bibliography order: first author as the locale sorts names, then year, title, id. */
export function orderReferences(locale: Locale, refs: References | readonly Reference[]): Reference[] {
  const collator = new Intl.Collator(locale === 'zh' ? 'zh-u-co-pinyin' : 'en', { sensitivity: 'base', numeric: true });
  const list = Array.isArray(refs) ? [...(refs as readonly Reference[])] : Object.values(refs as References);
  return list.sort(
    (a, b) =>
      collator.compare(sortName(locale, a), sortName(locale, b)) ||
      (a.year ?? 0) - (b.year ?? 0) ||
      collator.compare(titleOf(a, locale), titleOf(b, locale)) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The bibliography's entries in order, as markdown paragraphs: zh numbered "[1] …", en unnumbered. */
export function bibliographyEntries(locale: Locale, refs: References | readonly Reference[]): string[] {
  return orderReferences(locale, refs).map((r, i) => (locale === 'zh' ? `${esc(`[${i + 1}]`)} ${formatEntry(locale, r)}` : formatEntry(locale, r)));
}
