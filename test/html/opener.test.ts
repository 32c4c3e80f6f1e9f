import { describe, expect, it } from 'vitest';
import { withOpener } from '../../src/html/opener.ts';
import { openerCss } from '../../src/html/opener-styles.ts';
import type { Heading } from '../../src/html/outline.ts';

const label = (n: string) => `<span class="heading-number">${n}</span><span class="heading-sep"> </span>`;
const headings: Heading[] = [
  { level: 1, id: 'k', html: `${label('第一章')}报告要点`, text: '第一章 报告要点', chapter: 'k' },
  { level: 2, id: 'k-1', html: `${label('1.')}科技实力`, text: '1. 科技实力', chapter: 'k' },
  { level: 3, id: 'k-2', html: `${label('（一）')}论文`, text: '（一）论文', chapter: 'k' },
  { level: 2, id: 'k-3', html: `${label('2.')}人才`, text: '2. 人才', chapter: 'k' },
  { level: 1, id: 'p', html: '前言', text: '前言', chapter: 'p' },
];

describe('chapter openers', () => {
  it('wraps a numbered chapter\'s title in an opener with a rule and its numbered sections, nothing below them', () => {
    const html = `<h1 id="k">${headings[0]!.html}</h1>\n<h2 id="k-1">${headings[1]!.html}</h2>\n<p>正文</p>`;
    const out = withOpener(html, 'k', headings);
    expect(out).toBe(
      `<div class="opener"><h1 id="k">${headings[0]!.html}</h1><hr class="opener-rule"><ol class="opener-contents"><li>${label('1.')}科技实力</li><li>${label('2.')}人才</li></ol></div>\n<h2 id="k-1">${headings[1]!.html}</h2>\n<p>正文</p>`,
    );
  });

  it('gives front matter and appendices (no chapter label) no opener', () => {
    const html = '<h1 id="p">前言</h1>\n<p>x</p>';
    expect(withOpener(html, 'p', headings)).toBe(html);
  });

  it('prints the opener on a page of its own without running head, and shows no section list on screen', () => {
    const css = openerCss();
    expect(css).toMatch(/@page opener \{ @top-left \{ content: none; \} @top-right \{ content: none; \} \}/);
    expect(css).toMatch(/@media print \{\s*\.opener \{ page: opener; break-after: page;/);
    expect(css).toMatch(/^\.opener-rule, \.opener-contents \{ display: none; \}$/m);
    // the pagination model breaks its column where the print breaks its page
    expect(css).toContain('.paginating .opener { break-after: column; }');
  });
});
