/** Named blocks (`::: bibliography` … `:::`): a class the page's styles know, around blocks parsed as usual. */
import { describe, expect, it } from 'vitest';
import { escapeInline, renderMarkdown } from '../../src/base/markup.ts';

describe('named blocks', () => {
  it('wrap their blocks in a div of that class', () => {
    expect(renderMarkdown('::: bibliography\n\nOne *a*.\n\nTwo.\n\n:::\n\nAfter.\n')).toBe('<div class="bibliography">\n<p>One <em>a</em>.</p>\n<p>Two.</p>\n</div>\n<p>After.</p>\n');
  });
  it('are read only for known names, only when closed, and never from data', () => {
    expect(renderMarkdown('::: evil\n\nx\n\n:::\n')).toBe('<p>::: evil</p>\n<p>x</p>\n<p>:::</p>\n');
    expect(renderMarkdown('::: bibliography\n\nx\n')).not.toContain('<div');
    expect(renderMarkdown(`${escapeInline('::: bibliography')}\n\nx\n\n${escapeInline(':::')}\n`)).not.toContain('<div');
  });
});

describe('footnote marks side by side', () => {
  it('mark the second and later of a run, so that a comma separates them, and not a mark after text', () => {
    const html = renderMarkdown('A[^a]、b[^b] c[^c][^d].\n\n[^a]: x\n\n[^b]: y\n\n[^c]: z\n\n[^d]: w\n', 'ch');
    expect(html.match(/footnote-ref-next/g)).toHaveLength(1);
    expect(html).toContain('<sup class="footnote-ref footnote-ref-next"><a href="#fn-ch-4"');
  });
});
