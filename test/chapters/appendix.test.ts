/**
 * The appendices: labelled 附录 I/II and Appendix I/II (never a chapter number), the scope's count
 * computed from the directions list, the platform's coverage in each locale's style apart from the
 * dataset's own totals, and the frontier index's formula (printed here only; Chapter 4 refers to it).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Direction } from '../../src/base/content-directions.ts';
import type { Edition } from '../../src/base/edition.ts';
import { integer } from '../../src/base/format.ts';
import { numberTables } from '../../src/base/slots.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { copy, edition, render, sampleMetrics } from './fixtures.ts';

let metrics: MetricsDocument;
let real: Edition;
beforeAll(async () => {
  [metrics, real] = await Promise.all([sampleMetrics(), edition()]);
});

const chapter = (r: Awaited<ReturnType<typeof render>>, id: string) => r.chapters.find((c) => c.id === id)!.html;
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

describe('the appendices', () => {
  it('are labelled with Roman numerals in both locales, and reference each other by label', async () => {
    const zh = await render('zh', metrics);
    const en = await render('en', metrics);
    expect(chapter(zh, 'appendix-method')).toMatch(/^<h1>附录 I：研究范围与方法<\/h1>/);
    expect(chapter(zh, 'appendix-keywords')).toMatch(/^<h1>附录 II：各研究方向关键词<\/h1>/);
    expect(chapter(en, 'appendix-method')).toMatch(/^<h1>Appendix I: Scope and method<\/h1>/);
    expect(chapter(en, 'appendix-keywords')).toMatch(/^<h1>Appendix II: Keywords by direction<\/h1>/);
    expect(chapter(en, 'appendix-method')).toContain('<a href="#appendix-keywords">Appendix\u00a0II</a> states the scope of each');
    expect(chapter(en, 'appendix-keywords')).toContain('(<a href="#appendix-method">Appendix\u00a0I</a>)');
    expect(chapter(zh, 'appendix-keywords')).toContain(`<a href="#tab-directions-keywords">表\u00a0${numberTables(real).get('directions-keywords')}</a>`);
    for (const html of [zh.html, en.html]) expect(text(html)).not.toMatch(/Chapter \d|第.章/);
  });

  it('state the directions and their count from the content list, the years from the manifest', async () => {
    const en = text(chapter(await render('en', metrics), 'appendix-method'));
    expect(en).toContain('covers the eight research directions most closely tied to digital technology: artificial intelligence, blockchain, big data, cloud computing, Internet of Things, quantum technology, next-generation wireless communication and extended reality (XR).');
    expect(en).toContain('papers published from 2012 to 2021 and patents granted from 2012 to 2021');
    const zh = text(chapter(await render('zh', metrics), 'appendix-method'));
    expect(zh).toContain('八个方向：人工智能、区块链、大数据、云计算、物联网、量子科技、新一代无线通信和 XR 技术。');

    const three = (real.content!.directions as Direction[]).slice(0, 3);
    const fewer: Edition = { ...real, content: { ...real.content, directions: three } };
    expect(text(chapter(await render('en', metrics, fewer), 'appendix-method'))).toContain('covers the three research directions most closely tied to digital technology: artificial intelligence, blockchain and big data.');
    const keywords = await render('zh', metrics, fewer);
    expect(text(chapter(keywords, 'appendix-keywords'))).toContain('数字科技三大研究方向及其关键词');
  });

  it('print the platform\'s coverage in each locale\'s style, apart from the dataset\'s own totals', async () => {
    const zh = text(chapter(await render('zh', metrics), 'appendix-method'));
    const en = text(chapter(await render('en', metrics), 'appendix-method'));
    expect(zh).toContain('该平台收录全球学者近 1.4 亿人、学术论文 3.2 亿篇、专利 6.8 亿件。');
    expect(en).toContain('the platform covers nearly 140 million researchers, 320 million papers and 680 million patents.');
    expect(en).toContain(`holds ${integer(metrics.papers.total)} papers, ${integer(metrics.patents!.total)} patents and ${integer(metrics.talent!.total)} researchers.`);
    expect(en).toContain('These records are a reconstruction');
    expect(text(chapter(await render('en', metrics), 'appendix-keywords'))).toContain('The records were not retrieved with these keywords');

    const exact: Edition = { ...real, content: { ...real.content, platform: { scholars: { count: 150_000_000, qualifier: 'exact' }, papers: { count: 320_000_000, qualifier: 'nearly' }, patents: { count: 680_000_000, qualifier: 'exact' } } } };
    expect(text(chapter(await render('zh', metrics, exact), 'appendix-method'))).toContain('学者 1.5 亿人、学术论文近 3.2 亿篇');
    expect(text(chapter(await render('en', metrics, exact), 'appendix-method'))).toContain('covers 150 million researchers, nearly 320 million papers');
  });

  it('say the records are a reconstruction only when the manifest says so', async () => {
    const m = copy(metrics);
    (m.provenance.manifest as { reconstructed?: boolean }).reconstructed = false;
    const en = await render('en', m);
    expect(text(chapter(en, 'appendix-method'))).not.toContain('These records are a reconstruction');
    expect(text(chapter(en, 'appendix-keywords'))).not.toContain('The records were not retrieved with these keywords');
    const zh = await render('zh', m);
    expect(text(chapter(zh, 'appendix-method'))).not.toContain('这些记录是重建的');
    expect(text(chapter(zh, 'appendix-keywords'))).not.toContain('校准重建');
  });

  it('show the frontier index once, in Appendix I, to which Chapter 4 refers: a typeset formula, its terms named by the same symbols', async () => {
    for (const locale of ['zh', 'en'] as const) {
      const r = await render(locale, metrics);
      const method = (html: string) => html.slice(html.indexOf('<div class="formula">'), html.indexOf('</ul>', html.indexOf('<div class="formula">')));
      const shown = method(chapter(r, 'appendix-method'));
      // Printed once: Chapter 4 has no formula block of its own and names the appendix instead.
      expect(chapter(r, 'trends')).not.toContain('<div class="formula">');
      expect(chapter(r, 'trends')).toContain('href="#appendix-method"');
      expect(shown).toContain('<math display="block"><mrow><mi mathvariant="normal">R</mi><mo>=</mo><mfrac><mrow><msub><mi mathvariant="normal">C</mi><mtext>total</mtext></msub></mrow><mrow><mi mathvariant="normal">T</mi></mrow></mfrac>');
      expect(shown).toContain(locale === 'zh' ? '<mtext>前沿指数</mtext>' : '<mtext>frontier index</mtext>');
      // The terms name C_total, S_trend … as the formula sets them, not as code.
      expect(shown).toContain('<li><math class="symbol"><msub><mi mathvariant="normal">C</mi><mtext>total</mtext></msub></math>');
      expect(shown).not.toContain('<code>');
    }
    const en = chapter(await render('en', metrics), 'appendix-method');
    expect(en).toContain('the trend enters as <math class="symbol"><msup><mi mathvariant="normal">e</mi><msub><mi mathvariant="normal">S</mi><mtext>trend</mtext></msub></msup></math>, which raises the index');
  });
});

describe('localizedList', () => {
  it('names the item whose name is not in zh and en', async () => {
    const bad: Edition = { ...real, content: { ...real.content, directions: [{ id: 'x', name: '甲' }] } };
    const error = await render('en', metrics, bad).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/06-appendix-method\.md\.hbs:\d+:\d+: .*expected items with a "name" in zh and en, got \{"id":"x"/);
  });
});

describe('Appendix III, the references, and the notes that cite them', () => {
  it('lists every cited work, numbered [1] … in GB/T 7714 in zh and alphabetical in Chicago style in en', async () => {
    const zh = await render('zh', metrics);
    const en = await render('en', metrics);
    const zhList = chapter(zh, 'appendix-references');
    expect(zhList).toMatch(/^<h1>附录 III：参考文献<\/h1>/);
    expect(text(zhList)).toContain('[1] 德勤. 2022 技术趋势[R]. 2022.');
    expect(text(zhList)).toContain('TANG J, ZHANG J, YAO L, et al. ArnetMiner: Extraction and Mining of Academic Social Networks[C]//Proceedings of the 14th ACM SIGKDD');
    expect(text(zhList)).toContain('GB/T 7714—2015');
    const enList = chapter(en, 'appendix-references');
    expect(enList).toMatch(/^<h1>Appendix III: References<\/h1>/);
    expect(text(enList)).toContain('Goodfellow, Ian, Jean Pouget-Abadie, Mehdi Mirza, Bing Xu, David Warde-Farley, Sherjil Ozair, Aaron Courville, and Yoshua Bengio. “Generative Adversarial Networks.”');
    expect(enList).toContain('<em>Communications of the ACM</em>');
    expect(enList).toContain('<a href="https://en.wikipedia.org/wiki/Synthetic_media"');
    expect(zhList.match(/<p>/g)!.length - 1).toBe(8);
    expect(enList.match(/<p>/g)!.length - 1).toBe(8);
  });

  it('cites the trend reports in footnotes of Chapter 4, not in a line of running text', async () => {
    const zh = await render('zh', metrics);
    const en = await render('en', metrics);
    const trends = text(chapter(zh, 'trends'));
    expect(trends).not.toContain('趋势报告：');
    expect(trends).toContain('腾讯研究院. 2022 年十大数字科技前沿应用趋势[R]. 2022.');
    expect(text(chapter(en, 'trends'))).toContain('Tencent Research Institute, Top Ten Trends in Frontier Applications of Digital Technology, 2022 [in Chinese] (August 24, 2022).');
    // The marks sit where the published edition put them: after "trend reports".
    expect(chapter(zh, 'trends')).toMatch(/和趋势报告<sup class="footnote-ref">.*?<\/sup><sup class="footnote-ref footnote-ref-next">.*?<\/sup><sup class="footnote-ref footnote-ref-next">.*?<\/sup>所涉/);
    expect(text(chapter(en, 'preface'))).toContain('Jie Tang et al., “ArnetMiner: Extraction and Mining of Academic Social Networks,” in Proceedings of the 14th ACM SIGKDD');
  });
});
