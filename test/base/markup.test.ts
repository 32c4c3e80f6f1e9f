import { describe, expect, it } from 'vitest';
import { escapeInline, renderMarkdown } from '../../src/base/markup.ts';

describe('escapeInline', () => {
  it('makes markdown and HTML syntax in data inert, escaped exactly once', () => {
    const data = '<script>alert(1)</script> **bold** _x_ [l](u) {{x}} # 1. - a & b';
    const html = renderMarkdown(`Name: ${escapeInline(data)}`);
    expect(html).toBe(`<p>Name: &lt;script&gt;alert(1)&lt;/script&gt; **bold** _x_ [l](u) {{x}} # 1. - a &amp; b</p>\n`);
  });

  it('keeps plain text and numbers readable after rendering', () => {
    expect(renderMarkdown(escapeInline('506,775 篇 (18.2%)'))).toBe('<p>506,775 篇 (18.2%)</p>\n');
  });

  it('renders null and undefined as nothing', () => {
    expect(escapeInline(null)).toBe('');
    expect(escapeInline(undefined)).toBe('');
  });
});
