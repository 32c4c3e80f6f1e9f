import { describe, expect, it } from 'vitest';
import { typesetEnglishHtml, typesetEnglishText } from '../../src/html/typography.ts';

describe('English typography', () => {
  it('curls quotes and apostrophes by their context', () => {
    expect(typesetEnglishText(`China's "moonshot" projects, the 'frontier' and the '90s`)).toBe('China\u2019s \u201cmoonshot\u201d projects, the \u2018frontier\u2019 and the \u201990s');
    expect(typesetEnglishText('("quoted")')).toBe('(\u201cquoted\u201d)');
  });

  it('sets number ranges with an en dash, but not dates, codes or words', () => {
    expect(typesetEnglishText('Over 2012-2021, pp. 4-7; as of 2022-06-30; ISO 3166-1; COVID-19; -0.9%')).toBe('Over 2012\u20132021, pp. 4\u20137; as of 2022-06-30; ISO 3166-1; COVID-19; -0.9%');
  });

  it('replaces full-width quotes', () => {
    expect(typesetEnglishText('the \uff02moonshot\uff02 lab and \u300cX\u300d')).toBe('the \u201cmoonshot\u201d lab and \u201cX\u201d');
  });

  it('touches text only: not tags, attributes, code, math or SVG', () => {
    const html = `<p class="a'b" title="it's">It's <a href="x?a='1'">Alphabet's</a> "lab"</p><code>'x'</code><math><mi>'</mi></math><svg><text>it's</text></svg><p>&quot;new&quot; &#39;quote&#39;</p>`;
    expect(typesetEnglishHtml(html)).toBe(`<p class="a'b" title="it's">It\u2019s <a href="x?a='1'">Alphabet\u2019s</a> \u201clab\u201d</p><code>'x'</code><math><mi>'</mi></math><svg><text>it's</text></svg><p>\u201cnew\u201d \u2018quote\u2019</p>`);
  });

  it('reads a quote after an inline element in context', () => {
    expect(typesetEnglishHtml('<p><em>Nature</em>\'s "<b>top</b>" list</p>')).toBe('<p><em>Nature</em>\u2019s \u201c<b>top</b>\u201d list</p>');
  });
});
