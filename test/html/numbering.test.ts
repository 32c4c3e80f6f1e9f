import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/html/document.ts';
import { chapterPlans, cjkNumber, formatNumber, numberChapter, type NumberingScheme } from '../../src/html/numbering.ts';
import { OWN_NUMBER_ATTR } from '../../src/chapters/render.ts';
import { textOf } from '../../src/html/outline.ts';
import type { ChapterSource } from '../../src/base/edition.ts';
import type { Translator } from '../../src/base/i18n.ts';

const zh: NumberingScheme = { chapter: '第{1:cjk}章', chapterSeparator: '\u3000', sections: ['{2}. ', '（{3:cjk}）'], appendixSections: ['（{2:cjk}）'] };
const en: NumberingScheme = { chapter: 'Chapter {1}', chapterSeparator: ': ', sections: ['{1}.{2} ', '{1}.{2}.{3} '], appendixSections: ['{1:roman}.{2} '] };

const chapterHtml = [
  '<h1>报告要点</h1>',
  '<h2>科技实力</h2>',
  '<h3>论文</h3>',
  '<h3>专利</h3>',
  '<h4>前 10 位</h4>',
  '<h2>人才</h2>',
  '<h3>总量</h3>',
  '<h2>十大趋势</h2>',
  `<h3 ${OWN_NUMBER_ATTR}>趋势一：生物大数据</h3>`,
  `<h3 ${OWN_NUMBER_ATTR}>趋势二：混合计算</h3>`,
].join('\n');

const headingTexts = (html: string) => [...html.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => textOf(m[2]!));

describe('section numbering', () => {
  it('writes numbers in Chinese numerals, Roman numerals or digits, with the separator apart', () => {
    expect([1, 9, 10, 11, 20, 35, 99].map(cjkNumber)).toEqual(['一', '九', '十', '十一', '二十', '三十五', '九十九']);
    expect(formatNumber('第{1:cjk}章', [2])).toEqual({ label: '第二章', separator: '' });
    expect(formatNumber('{1}.{2} ', [3, 4])).toEqual({ label: '3.4', separator: ' ' });
    expect(formatNumber('{1:roman}.{2} ', [2, 1])).toEqual({ label: 'II.1', separator: ' ' });
  });

  it('numbers a chapter in the published scheme: 第二章, 1., （一）, restarting below each new section', () => {
    const { html } = numberChapter({ id: 'k', html: chapterHtml }, { kind: 'chapter', n: 2 }, zh);
    expect(headingTexts(html)).toEqual(['第二章\u3000报告要点', '1. 科技实力', '（一）论文', '（二）专利', '前 10 位', '2. 人才', '（一）总量', '3. 十大趋势', '趋势一：生物大数据', '趋势二：混合计算']);
  });

  it('numbers the English edition in decimal: Chapter 2, 2.1, 2.1.1', () => {
    const { html } = numberChapter({ id: 'k', html: chapterHtml }, { kind: 'chapter', n: 2 }, en);
    expect(headingTexts(html).slice(0, 8)).toEqual(['Chapter 2: 报告要点', '2.1 科技实力', '2.1.1 论文', '2.1.2 专利', '前 10 位', '2.2 人才', '2.2.1 总量', '2.3 十大趋势']);
    expect(html).toContain('<h2 data-number="2.1"><span class="heading-number">2.1</span><span class="heading-sep"> </span>科技实力</h2>');
  });

  it('leaves front matter alone and numbers an appendix\'s sections apart, its title as it is', () => {
    const html = '<h1>附录 I：方法</h1>\n<h2>范围</h2>\n<h2>趋势</h2>';
    expect(numberChapter({ id: 'p', html }, { kind: 'none' }, zh).html).toBe(html);
    expect(headingTexts(numberChapter({ id: 'a', html }, { kind: 'appendix', n: 1 }, zh).html)).toEqual(['附录 I：方法', '（一）范围', '（二）趋势']);
    expect(headingTexts(numberChapter({ id: 'a', html }, { kind: 'appendix', n: 2 }, en).html)).toEqual(['附录 I：方法', 'II.1 范围', 'II.2 趋势']);
  });

  it('numbers the chapters 1, 2 … after the front matter, the appendices apart, with their running-head titles', () => {
    const sources: ChapterSource[] = [
      { id: 'preface', file: 'p', text: '', front: true },
      { id: 'a', file: 'a', text: '' },
      { id: 'b', file: 'b', text: '', runningHead: 'b:short' },
      { id: 'x', file: 'x', text: '', appendix: 1 },
    ];
    const t = { text: (key: string) => `<${key}>` } as unknown as Translator;
    expect(chapterPlans(sources, t)).toEqual([
      { id: 'preface', numbering: { kind: 'none' } },
      { id: 'a', numbering: { kind: 'chapter', n: 1 } },
      { id: 'b', numbering: { kind: 'chapter', n: 2 }, runningHead: '<b:short>' },
      { id: 'x', numbering: { kind: 'appendix', n: 1 } },
    ]);
  });

  it('prints the same numbers in the headings, the contents and the running heads', () => {
    const fonts = { read: () => new Uint8Array([1]) };
    const { html, headings } = buildDocument(
      {
        locale: 'zh',
        text: { title: '报告', coverLines: [], contents: '目录', backLines: [] },
        chapters: [
          { id: 'pre', html: '<h1>前言</h1>' },
          { id: 'k', html: chapterHtml },
          { id: 't', html: '<h1>数字科技人才分布格局</h1>\n<h2>总体</h2>' },
        ],
        figures: [],
        otherEdition: null,
        numbering: {
          scheme: zh,
          plans: [
            { id: 'pre', numbering: { kind: 'none' } },
            { id: 'k', numbering: { kind: 'chapter', n: 1 } },
            { id: 't', numbering: { kind: 'chapter', n: 2 }, runningHead: '人才' },
          ],
        },
      },
      fonts,
    );
    expect(headings.filter((h) => h.level <= 2).map((h) => h.text)).toEqual(['前言', '第一章\u3000报告要点', '1. 科技实力', '2. 人才', '3. 十大趋势', '第二章\u3000数字科技人才分布格局', '1. 总体']);
    // The contents list each heading with its number, as the heading prints it.
    const toc = /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)![0];
    const entries = [...toc.matchAll(/<span class="toc-text">([\s\S]*?)<\/span><span class="toc-leader"/g)].map((m) => textOf(m[1]!));
    expect(entries).toEqual(headings.filter((h) => h.level <= 2).map((h) => h.text));
    // Running heads: the numbered title, or the number with the chapter's short title.
    expect(html).toMatch(/@page chapter-2:right \{ @top-right \{ content: "第一章\u3000报告要点";/);
    expect(html).toMatch(/@page chapter-3:right \{ @top-right \{ content: "第二章\u3000人才";/);
    expect(html).toMatch(/@page chapter-1:right \{ @top-right \{ content: "前言";/);
  });
});
