import { describe, expect, it } from 'vitest';
import { buildDocument, fontFileName, WEB_CSP, type DocumentInput } from '../../src/html/document.ts';
import type { RenderedFigure } from '../../src/figures/render.ts';
import { figureSlot, tableSlot } from '../../src/base/slots.ts';
import type { RenderedTable } from '../../src/tables/types.ts';
import { fontFaces } from '../../src/fonts/fontsource.ts';

const figure: RenderedFigure = { id: 'f', number: 1, label: '图 1', caption: '论文 &#42;数量&#42;', svg: '<svg><title>t</title></svg>', narrow: { svg: '<svg><title>n</title></svg>' }, notes: ['数据来源：AMiner。'], download: { file: 'figure-1.csv', label: '下载数据', csv: 'a,b\r\n' } };
const fonts = { read: () => new Uint8Array([1, 2, 3]) };

function doc(locale: 'zh' | 'en', heading: string, figures = [figure], other: DocumentInput['otherEdition'] = null) {
  const slot = figures.length ? figureSlot('f') : '';
  return buildDocument(
    {
      locale,
      text: { title: locale === 'zh' ? '报告' : 'Report "R"', coverLines: ['2023'], contents: locale === 'zh' ? '目录' : 'Contents', backLines: ['AMiner'] },
      chapters: [{ id: 'c', html: `<h1>${heading}</h1>\n<h2>Sub &amp; more</h2>\n${slot}\n` }],
      figures,
      otherEdition: other,
    },
    fonts,
  );
}

describe('HTML document', () => {
  it('puts each table in every slot its chapters left for it, with its CSV link', () => {
    const table: RenderedTable = { id: 't', number: 2, label: '表 2', caption: '机构', columns: [{ label: '排名', numeric: true }], rows: [['1']], notes: [] };
    const { html } = buildDocument(
      { locale: 'zh', text: { title: 'T', coverLines: [], contents: '目录', backLines: [] }, chapters: [{ id: 'c', html: `<h1>H</h1>\n${tableSlot('t')}\n<p>x</p>\n${tableSlot('t')}\n` }], figures: [], tables: { list: [table], downloadLabel: '下载数据' }, otherEdition: null },
      fonts,
    );
    expect(html.match(/<table id="tab-t" data-number="2"><caption id="tab-t-caption"><span class="label">表 2<\/span>机构<\/caption>/g)).toHaveLength(2);
    // On a narrow screen the block scrolls: it is a named region the keyboard can reach.
    expect(html).toContain('<div class="table-block" role="region" tabindex="0" aria-labelledby="tab-t-caption">');
    expect(html).toContain('<a download="table-2.csv"');
    expect(html).not.toContain('@@table');
  });

  it('puts each figure where its chapter placed it, with number, caption and notes', () => {
    const { html } = doc('zh', '标题');
    expect(html).toContain('<figure id="fig-f" data-number="1"><div class="chart chart-page"><svg><title>t</title></svg></div><div class="chart chart-narrow"><svg><title>n</title></svg></div>');
    expect(html).toContain('<figcaption><span class="label">图 1</span>论文 *数量*</figcaption><p class="note">数据来源：AMiner。</p>');
    expect(html).toContain('<p class="download"><a download="figure-1.csv" href="data:text/csv;charset=utf-8,a%2Cb%0D%0A">下载数据</a></p></figure>');
    expect(html).not.toContain('@@figure');
  });

  it('builds the print\'s document with each chart as printed only: no phone drawing, no scrolling box', () => {
    const scrolling: RenderedFigure = { ...figure, narrow: { scrollWidth: 500 } };
    const { narrow: _, ...page } = figure;
    for (const f of [figure, scrolling, page]) {
      for (const locale of ['zh', 'en'] as const) {
        const slot = figureSlot('f');
        const input = { locale, text: { title: 'T', coverLines: [], contents: 'C', backLines: [] }, chapters: [{ id: 'c', html: `<h1>H</h1>\n${slot}\n` }], figures: [f], otherEdition: null, print: true };
        const { html } = buildDocument(input, fonts);
        expect(html).toContain('<figure id="fig-f" data-number="1"><div class="chart chart-page"><svg><title>t</title></svg></div><');
        expect(html).not.toContain('chart-narrow"><');
        expect(html).not.toContain('chart-scroll"');
        expect(html).not.toContain('<title>n</title>');
        // The screen's document of the same figures differs only there.
        if ('narrow' in f) expect(buildDocument({ ...input, print: false }, fonts).html).toContain(f === figure ? '<div class="chart chart-narrow"><svg><title>n</title></svg></div>' : 'chart-scroll');
      }
    }
    // The screen's document cannot do without the phone's drawing.
    expect(() => doc('zh', 'H', [page as RenderedFigure])).toThrow(/phone drawing/);
  });

  it('gives headings stable ids and lists them, as links, in the contents', () => {
    const { html, headings } = doc('en', 'Title');
    expect(headings.map((h) => [h.level, h.id, h.text])).toEqual([[1, 'c', 'Title'], [2, 'c-1', 'Sub & more']]);
    expect(html).toContain('<h1 id="c">Title</h1>');
    expect(html).toContain('<li class="toc-2"><a href="#c-1"><span class="toc-text">Sub &amp; more</span>');
    expect(html).toContain('<span class="toc-page" data-target="c-1"></span>');
  });

  it('prints each chapter on a named page: the report title heads its left pages, the chapter title its right ones, each on one line', () => {
    const { html } = doc('en', 'Research strength');
    expect(html).toContain('<section class="chapter chapter-1" id="ch-c">');
    expect(html).toMatch(/@page chapter-1:right \{ @top-right \{ content: "Research strength";[^}]*white-space: nowrap;/);
    // English: the title's quotes curled (html/typography.ts), then written as a CSS string
    expect(html).toContain('@page chapter-1:left { @top-left { content: "Report \u201cR\u201d";');
  });

  it('keeps a hostile title inside the running head\'s CSS string: the style element cannot be ended from data', () => {
    const title = '"; } body { color: red } </style><script>window.pwned=1</script>';
    const { html } = buildDocument(
      {
        // zh: the title reaches the CSS string as written (English would curl its straight quote first)
        locale: 'zh',
        text: { title, coverLines: [title], contents: 'Contents', backLines: [] },
        // a chapter title as markdown renders it: escaped text, decoded again for the running head
        chapters: [{ id: 'c', html: '<h1>&lt;/style&gt;&lt;script&gt;x()&lt;/script&gt;</h1>\n' }],
        figures: [],
        otherEdition: null,
      },
      fonts,
    );
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).not.toContain('<script>');
    expect(html).toContain('@top-right { content: "\\3c /style\\3e \\3c script\\3e x()\\3c /script\\3e ";');
    expect(html).toContain('@top-left { content: "\\22 \\3b  \\7d  body \\7b  color: red \\7d  \\3c /style\\3e ');
    expect(html).toContain('<title>&quot;; } body { color: red } &lt;/style&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;</title>');
  });

  it('links the other edition', () => {
    const { html } = doc('en', 'T', [], { label: '中文版', href: '../zh/index.html', lang: 'zh' });
    expect(html).toContain('<a href="../zh/index.html" hreflang="zh-Hans" lang="zh-Hans">中文版</a>');
  });

  it('declares the language and embeds only the font chunks the text uses', () => {
    const zh = doc('zh', '标题').html;
    const en = doc('en', 'Title', []).html;
    expect(zh).toMatch(/^<!DOCTYPE html>\n<html lang="zh-Hans">/);
    expect(en).toContain('<html lang="en">');
    const count = (html: string) => html.match(/@font-face/g)?.length ?? 0;
    expect(count(en)).toBeGreaterThan(0);
    expect(count(zh)).toBeGreaterThan(count(en));
    expect(count(zh)).toBeLessThan(fontFaces().length / 4);
    expect(zh).not.toMatch(/url\((?!data:)/); // nothing is fetched: the file is self-contained
  });

  it('is also written for a web folder: the same page, each font chunk a file of the folder, loaded by unicode-range', () => {
    const built = doc('zh', '标题');
    const web = built.webHtml((face) => `../fonts/${fontFileName(face)}`);
    expect(web).toContain(`content="${WEB_CSP.replaceAll("'", '&#39;')}"`);
    expect(WEB_CSP).toContain("font-src 'self'");
    expect(WEB_CSP).toContain("script-src 'none'");
    expect(web).not.toContain('data:font');
    const urls = [...web.matchAll(/src:url\("([^"]+)"\) format\('woff2'\);unicode-range:U\+/g)].map((m) => m[1]);
    expect(urls).toHaveLength(built.faces.length);
    for (const url of urls) expect(url).toMatch(/^\.\.\/fonts\/(noto|source-serif-4)-[a-z0-9-]+-(400|700)-normal\.woff2$/);
    // Everything but the fonts is the single file's.
    expect(web.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<meta http-equiv[^>]*>/, '')).toBe(built.html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<meta http-equiv[^>]*>/, ''));
  });
});
