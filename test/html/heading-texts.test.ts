/**
 * The headings' texts the document gives the PDF step are those it prints: English typeset (curly
 * apostrophes), so that a bookmark Chromium garbles ("haveyet", a heading that wraps) is mended to the
 * heading's own text (src/pdf/bookmarks.ts), not left as written because a straight apostrophe in the
 * expected text matched no character of the bookmark.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/html/document.ts';
import { textOf } from '../../src/html/outline.ts';
import { isGarbledCopy } from '../../src/pdf/bookmarks.ts';

const fonts = { read: (f: { file: string }) => readFileSync(f.file) };

describe('heading texts for the bookmarks', () => {
  it('are the printed headings, curly apostrophes and all', () => {
    const html = `<h1>Conclusions</h1>\n<h2>The decade's totals have yet to follow</h2>\n<p>Text.</p>\n`;
    const built = buildDocument({ locale: 'en', text: { title: 'T', coverLines: [], contents: 'Contents', backLines: [] }, chapters: [{ id: 'c1', html }], figures: [], otherEdition: null }, fonts);
    const printed = [...built.html.matchAll(/<h2[^>]*>(.*?)<\/h2>/g)].map((m) => textOf(m[1]!));
    const texts = built.headings.filter((h) => h.level === 2).map((h) => h.text);
    expect(texts).toEqual(printed);
    expect(texts[0]).toContain('decade\u2019s');
    expect(isGarbledCopy('The decade\u2019s totals haveyet to follow', texts[0]!)).toBe(true);
  });
});
