import { describe, expect, it } from 'vitest';
import { typesetEnglishHtml, typesetEnglishPiece, type TypesetPieces } from '../../src/html/typography.ts';

/** The body with each piece's mark, and the pieces set apart (those that can be). */
function apart(body: (place: (i: number) => string) => string, raw: string[]): { marked: string; whole: string; pieces: TypesetPieces & { asked: number[] } } {
  const asked: number[] = [];
  return {
    marked: body((i) => `<\u0000${i}>`),
    whole: body((i) => raw[i]!),
    pieces: { raw, asked, set: (i) => (asked.push(i), typesetEnglishPiece(raw[i]!)) },
  };
}

const figure = `<figure id="f"><div class="chart"><svg><text>it's "x"</text></svg></div><figcaption>China's "share", 2012-2021</figcaption><p class="note">'Modelled' values</p></figure>`;

describe('English typesetting with the figures set apart', () => {
  it('gives what setting the whole body gives', () => {
    const { marked, whole, pieces } = apart((p) => `<p>It's "here":</p>\n${p(0)}\n<p>and 'there' ${p(1)} "after"</p><code>'${p(2)}'</code>`, [figure, figure.replace('China', 'India'), figure]);
    const set = typesetEnglishHtml(marked, pieces);
    expect(set).toBe(typesetEnglishHtml(whole));
    expect(set).toContain('China\u2019s \u201cshare\u201d, 2012\u20132021');
    expect(set).toContain(`<code>'${figure}'</code>`);
    expect(pieces.asked).toEqual([0, 1]); // the third mark is inside <code>: set in place, as code
  });

  it('sets in place what cannot be set alone: text first, an element left open, a comment', () => {
    for (const raw of [`'x' ${figure}`, `<figure><svg><text>'</text></figure>`, `<figure><!-- "x" --></figure>`]) {
      expect(typesetEnglishPiece(raw)).toBeNull();
      const { marked, whole, pieces } = apart((p) => `<p>"a" ${p(0)} 'b'</p>`, [raw]);
      expect(typesetEnglishHtml(marked, pieces)).toBe(typesetEnglishHtml(whole));
    }
  });

  it('sets the whole body when a mark is swallowed by a comment around it', () => {
    const { marked, whole, pieces } = apart((p) => `<p>"a"</p><!-- ${p(0)} -->\n${p(1)}`, [figure, figure]);
    expect(typesetEnglishHtml(marked, pieces)).toBe(typesetEnglishHtml(whole));
    expect(typesetEnglishHtml(marked, pieces)).not.toContain('\u0000');
  });
});
