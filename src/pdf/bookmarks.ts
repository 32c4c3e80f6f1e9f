/**
 * Chromium writes each bookmark from its heading's text, but not always faithfully: part of the text
 * twice ("趋势十：能源区块链趋势十：能源区块链", "2.1.22.1.2  InstitutionsInstitutions") or a space
 * dropped ("forChina"), seen for headings of every level whatever their line height. Knowing the
 * headings' texts in order, each bookmark that is a garbled copy of the next expected heading is
 * rewritten with that heading's text. Bookmarks of headings the list does not name (the contents'
 * own title) are left as they are.
 */
import { outline, TITLE, type PdfObjects } from './reader.ts';

/** Whitespace and bidi isolation controls, which Chromium keeps or drops at will. */
const LOOSE = /[\s\u2066-\u2069\u200e\u200f]/gu;

/**
 * Whether `title` is `expected` garbled: the same characters (whitespace aside), at most every one
 * twice, none missing but punctuation (the separator after a chapter's label, which the opener
 * hides, is left out of the bookmark: "Chapter 1Key points").
 */
export function isGarbledCopy(title: string, expected: string): boolean {
  const t = [...title.replace(LOOSE, '')];
  const e = [...expected.replace(LOOSE, '')];
  if (e.length === 0 || t.length === 0 || t.length > 2 * e.length) return false;
  const count = (chars: string[]) => chars.reduce((m, c) => m.set(c, (m.get(c) ?? 0) + 1), new Map<string, number>());
  const have = count(t);
  for (const [c, n] of count(e)) {
    const got = have.get(c) ?? 0;
    if ((got < n && !/\p{P}/u.test(c)) || got > 2 * n) return false;
    have.delete(c);
  }
  return have.size === 0;
}

/** The bookmark objects to rewrite, each with its title mended; `pdfString` encodes a title. */
export function mendBookmarks(pdf: PdfObjects, expected: readonly string[], pdfString: (value: string) => string): [number, string][] {
  const out: [number, string][] = [];
  let next = 0;
  for (const entry of outline(pdf)) {
    // The next expected heading, or one a little further should a heading have no bookmark.
    for (let ahead = next; ahead < Math.min(next + 3, expected.length); ahead++) {
      const want = expected[ahead]!;
      if (entry.title !== want && !isGarbledCopy(entry.title, want)) continue;
      if (entry.title !== want) out.push([entry.object, pdf.objects.get(entry.object)!.replace(TITLE, `/Title ${pdfString(want)}`)]);
      next = ahead + 1;
      break;
    }
  }
  return out;
}
