/**
 * Page numbers as a printed English book has them (notes/publication-design.md): the front matter
 * (cover, contents, preface) in lower-case roman, the body from 1 at the first numbered chapter's
 * opener. The page counter runs on in roman over the front matter's pages (the cover is i, unprinted),
 * and is set to 1 on the opener (`counter-set: page 1` in its @page rule: Chromium 156 keeps a
 * counter set there for the pages after; a `counter-reset` there holds for that page alone). The
 * contents print the same numbers: the pagination model's pages are the sheets' own, and the contents'
 * writer (pdf/paginate.ts) turns them into these from the body's first page (`data-body-start` on the
 * contents). Chinese keeps one arabic sequence from the cover on: the conventions ask roman numbers of
 * English only, and a second 1 in one sequence of arabic numbers would read as an error.
 */
import type { Locale } from '../base/yaml.ts';

/** Whether the locale's print numbers its front matter apart, in roman. */
export const ROMAN_FRONT: Readonly<Record<Locale, boolean>> = { zh: false, en: true };

/**
 * The folios' CSS: `frontChapters` are the sections before the body (their 1-based numbers, as in
 * `section.chapter-N`), `bodyChapter` the first numbered chapter's. Empty where the locale does not
 * number its front matter apart or the document has no numbered chapter.
 */
export function folioCss(locale: Locale, frontChapters: readonly number[], bodyChapter: number | null): string {
  if (!ROMAN_FRONT[locale] || bodyChapter === null) return '';
  const roman = '@bottom-center { content: counter(page, lower-roman); }';
  return `
@media print {
  .toc { page: front; }
  section.chapter-${bodyChapter} .opener { page: body-start; }
}
@page front { ${roman} }
${frontChapters.map((n) => `@page chapter-${n} { ${roman} }`).join('\n')}
@page body-start { counter-set: page 1; @top-left { content: none; } @top-right { content: none; } }
`;
}

/** The folio printed on physical page `page` (the cover is 1) when the body starts on `bodyStart`. */
export function folioOf(page: number, bodyStart: number | undefined): string {
  if (bodyStart === undefined) return String(page);
  return page < bodyStart ? lowerRoman(page) : String(page - bodyStart + 1);
}

export function lowerRoman(n: number): string {
  const digits: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, letters] of digits) for (; n >= value; n -= value) out += letters;
  return out;
}
