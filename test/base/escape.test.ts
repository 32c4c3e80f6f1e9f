import { describe, expect, it } from 'vitest';
import { csvCell, cssString, htmlAttr, htmlText, linkAttr, safeLink, safeUrl, urlAttr, xmlAttr, xmlText } from '../../src/base/escape.ts';

const BREAKOUTS = ['</style><script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' onmouseover='x", '\\"}body{color:red}', '</title><script>x</script>'];

describe('HTML text', () => {
  it('writes markup as text, as markdown-it does (named references, apostrophes kept)', () => {
    expect(htmlText('<b>&"x"</b> it\'s')).toBe('&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt; it\'s');
  });
  it('leaves no tag in any breakout attempt', () => {
    for (const s of BREAKOUTS) expect(htmlText(s)).not.toMatch(/[<>]/);
  });
  it('replaces characters HTML and XML cannot carry', () => {
    expect(htmlText('a\u0000b\u0007c\u007fd\ud800e\tf\ng')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\tf\ng');
    expect(htmlText('😀')).toBe('😀');
  });
});

describe('HTML attribute', () => {
  it('escapes both quote kinds', () => {
    expect(htmlAttr(`a"b'c<d>&`)).toBe('a&quot;b&#39;c&lt;d&gt;&amp;');
    for (const s of BREAKOUTS) expect(htmlAttr(s)).not.toMatch(/["'<>]/);
  });
});

describe('SVG / XML', () => {
  it('text and attributes use the XML references; attributes keep line breaks as references', () => {
    expect(xmlText(`a < b & "c" 'd'`)).toBe('a &lt; b &amp; &quot;c&quot; &#39;d&#39;');
    expect(xmlAttr('x"\ny\t')).toBe('x&quot;&#10;y&#9;');
    expect(xmlText('\u0001')).toBe('\ufffd');
  });
});

describe('CSS string', () => {
  it('keeps letters, digits, spaces and CJK as they are', () => {
    expect(cssString('2023 全球数字科技发展研究报告')).toBe('"2023 全球数字科技发展研究报告"');
  });
  it('escapes every character that could end the string, the rule or the style element', () => {
    expect(cssString('</style><script>')).toBe('"\\3c /style\\3e \\3c script\\3e "');
    expect(cssString('a"b\'c\\d\ne;f{g}h&')).toBe('"a\\22 b\\27 c\\5c d\\a e\\3b f\\7b g\\7d h\\26 "');
    for (const s of BREAKOUTS) {
      const inner = cssString(s).slice(1, -1);
      expect(inner).not.toMatch(/["'<>{};\n&]/);
      // every backslash starts a hex escape ended by a space: none escapes the closing quote
      expect(inner.replace(/\\[0-9a-f]+ /g, '')).not.toContain('\\');
    }
  });
  it('escapes the line and paragraph separators and controls', () => {
    expect(cssString('\u2028\u2029\r\f')).toBe('"\\2028 \\2029 \\d \ufffd"');
  });
});

describe('URL', () => {
  it('allows relative paths, fragments and passive data: URLs', () => {
    expect(safeUrl('../en/index.html')).toBe('../en/index.html');
    expect(safeUrl('#ch-2')).toBe('#ch-2');
    expect(safeUrl('data:text/csv;charset=utf-8,a%2Cb')).toBe('data:text/csv;charset=utf-8,a%2Cb');
  });
  it('refuses other schemes, however disguised, protocol-relative URLs and active data: types', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', '\u0001javascript:x', 'vbscript:x', 'http://example.com/', 'https://x', 'file:///etc/passwd', '//evil.example/x', '\\\\evil\\x', 'data:text/html,<script>x</script>', 'DATA:image/svg+xml,<svg onload=x>'])
      expect(safeUrl(url), url).toBeNull();
  });
  it('as an attribute: escaped when allowed, "#" when refused', () => {
    expect(urlAttr('../a"b.html')).toBe('../a&quot;b.html');
    expect(urlAttr('javascript:alert(1)')).toBe('#');
    expect(urlAttr('https://x.company')).toBe('#');
  });
  it('links (followed by a click, never loaded) may also go to websites and mail, nothing else', () => {
    expect(safeLink('https://nlp.stanford.edu')).toBe('https://nlp.stanford.edu');
    expect(safeLink('mailto:a@b.org')).toBe('mailto:a@b.org');
    expect(linkAttr('https://x/?a="b"')).toBe('https://x/?a=&quot;b&quot;');
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:x', 'java\nscript:x', 'data:text/html,x', 'file:///etc/passwd', 'https:/\\evil', 'http:javascript:x'])
      expect(safeLink(url), url).toBeNull();
  });
});

describe('CSV cell', () => {
  it('neutralises what a spreadsheet would evaluate', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });
  it('keeps numbers numeric, negative and formatted ones too', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('-12.5')).toBe('-12.5');
    expect(csvCell('+3.5%')).toBe('+3.5%');
    expect(csvCell('-1,234')).toBe('"-1,234"');
    expect(csvCell('1e-7')).toBe('1e-7');
  });
  it('quotes per RFC 4180', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});
