/**
 * English front matter in roman, the body from 1 (src/html/folio.ts); Chinese one arabic sequence.
 * The printed result is checked on the full edition by test/e2e/build.test.ts (contents and feet).
 */
import { describe, expect, it } from 'vitest';
import { folioCss, folioOf, lowerRoman } from '../../src/html/folio.ts';

describe('folios', () => {
  it('number the front matter in roman and the body from its first page', () => {
    expect([1, 2, 3, 4, 9, 14, 40].map(lowerRoman)).toEqual(['i', 'ii', 'iii', 'iv', 'ix', 'xiv', 'xl']);
    expect([2, 4, 5, 6, 82].map((p) => folioOf(p, 5))).toEqual(['ii', 'iv', '1', '2', '78']);
    expect(folioOf(7, undefined)).toBe('7');
  });

  it('set the counter to 1 on the first numbered chapter’s opener, in English only', () => {
    const css = folioCss('en', [1], 2);
    expect(css).toContain('section.chapter-2 .opener { page: body-start; }');
    expect(css).toMatch(/@page body-start \{ counter-set: page 1;/);
    expect(css).toContain('@page chapter-1 { @bottom-center { content: counter(page, lower-roman); } }');
    expect(css).not.toContain('@page chapter-2 ');
    expect(folioCss('zh', [1], 2)).toBe('');
    expect(folioCss('en', [], null)).toBe('');
  });
});
