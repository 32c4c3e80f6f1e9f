import { beforeAll, describe, expect, it } from 'vitest';
import { countryNames } from '../../src/base/countries.ts';
import { createTranslator } from '../../src/base/i18n.ts';
import { integer } from '../../src/base/format.ts';
import { renderChapters } from '../../src/chapters/render.ts';
import { numberFigures, numberTables } from '../../src/base/slots.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { editionOf } from '../helpers/fixtures.ts';
import { bundle, copy, edition, render, sampleMetrics } from './fixtures.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

let metrics: MetricsDocument;
beforeAll(async () => {
  metrics = await sampleMetrics();
});

describe('the 2023 edition on the sample data', () => {
  it('renders the preface, the key points, Chapters 2 to 5 and the appendices in both locales, figures and tables numbered alike', async () => {
    const zh = await render('zh', metrics);
    const en = await render('en', metrics);
    expect(zh.chapters.map((c) => c.id)).toEqual(['preface', 'key-points', 'research-strength', 'talent', 'trends', 'conclusions', 'appendix-method', 'appendix-keywords', 'appendix-references']);
    const slots = (html: string) => [...html.matchAll(/@@figure:([a-z0-9-]+)@@/g)].map((m) => m[1]);
    expect(slots(zh.html)).toEqual(slots(en.html));
    expect(slots(zh.html)).toHaveLength(37);
    const tables = (html: string) => [...html.matchAll(/<table id="tab-([a-z0-9-]+)" data-number="(\d+)"/g)].map((m) => `${m[2]} ${m[1]}`);
    expect(tables(zh.html)).toEqual(tables(en.html));
    expect(tables(zh.html)).toEqual([
      '1 papers-countries',
      '2 home-high-value-top5',
      '3 talent-institutions',
      '4 research-teams',
      '5 high-value-institutions',
      '6 home-high-value-institutions',
      '7 ch3-talent-institutions',
      '8 ch3-home-talent-institutions',
      '9 frontier-topics',
      '10 directions-keywords',
    ]);
  });

  it('fills numbers, ranks and ratios from the metrics, formatted for each language', async () => {
    const [us, cn] = metrics.papers.by_country;
    const zh = (await render('zh', metrics)).text;
    const en = (await render('en', metrics)).text;
    expect(zh).toContain(`美国以 ${integer(us!.papers)} 篇居首`);
    expect(en).toContain(`The United States published the most: ${integer(us!.papers)} papers.`);
    expect(en).toContain(`China comes second with ${integer(cn!.papers)} papers`);
    const patents = metrics.patents!;
    expect(en).toContain(`China holds ${integer(patents.by_country[0]!.patents)} patents, 2.9 times as many as the United States`);
    expect(zh).toContain(`中国拥有专利 ${integer(patents.by_country[0]!.patents)} 件，是第二名美国的 2.9 倍`);
    // The definitions are stated once, from src/base/definition-variables.ts.
    expect(en).toContain('High-value patents are patents with a market value of USD 1 million or more.');
    expect(zh).toContain('市场价值不低于 100 万美元的专利');
  });

  it('links references to the figure or table they name', async () => {
    const { html } = await render('en', metrics);
    const n = numberTables(await edition()).get('high-value-institutions');
    expect(html).toContain(`<a href="#tab-high-value-institutions">Table\u00a0${n}</a> lists the institutions`);
  });
});

describe('wording follows the data', () => {
  it('names the new leader when another country publishes the most', async () => {
    const m = copy(metrics);
    const list = m.papers.by_country as unknown as { country: string; papers: number }[];
    const [us, cn] = list;
    const lead = us!.papers + 500;
    cn!.papers = lead;
    list.splice(0, 2, cn!, us!);
    const en = (await render('en', m)).text;
    expect(en).toContain(`China published the most: ${integer(lead)} papers.`);
    expect(en).toContain('China published more papers than the United States');
    const zh = (await render('zh', m)).text;
    expect(zh).toContain('中国的论文数量多于美国');
  });

  it('says the home country never overtook when it trails in every year', async () => {
    const m = copy(metrics);
    for (const row of m.papers.by_year_country as unknown as { country: string; papers: number }[]) if (row.country === 'CN') row.papers = 1;
    const en = (await render('en', m)).text;
    expect(en).toMatch(/The United States still published more papers than China in 2021: [\d,]+ papers against 1\./);
    expect(en).toContain('China has not yet overtaken the United States for good');
    const zh = (await render('zh', m)).text;
    expect(zh).toMatch(/2021 年美国的论文数量仍多于中国，分别为 [\d,]+ 篇和 1 篇。/);
  });

  it('turns "ranks fourth" into "leads" when the home country holds the most high-value patents', async () => {
    const m = copy(metrics);
    const cn = m.patents!.by_country.find((c) => c.country === 'CN') as { high_value: number };
    cn.high_value = 100000;
    const en = (await render('en', m)).text;
    expect(en).toContain('China is the leader here.');
    expect(en).toContain('China also holds the most high-value patents: 100,000 patents.');
    expect(en).not.toContain('China ranks fourth');
  });

  it('speaks of a gap only when the rival holds more high-value patents', async () => {
    const m = copy(metrics);
    (m.patents!.by_country.find((c) => c.country === 'CN') as { high_value: number }).high_value = 100000;
    const en = (await render('en', m)).text;
    expect(en).not.toContain('The gap lies at the top of the value chain.');
    expect(en).toMatch(/China holds [\d.]+ times as many patents as the United States and more high-value patents as well\./);
  });
});

describe('advice follows the data', () => {
  it('asks to keep researchers only when the home country loses them', async () => {
    expect((await render('en', metrics)).text).toContain('Keep and attract researchers.');
    const m = copy(metrics);
    (m.flows!.by_country.find((c) => c.country === 'CN') as { net: number }).net = 5;
    const en = (await render('en', m)).text;
    expect(en).not.toContain('Keep and attract researchers.');
    expect(en).toContain('Train more researchers for the top.');
  });
});

describe('ties', () => {
  it('name both leaders instead of putting one "ahead of" the other', async () => {
    const m = copy(metrics);
    const [a, b] = m.talent!.by_institution as unknown as { scholars: number }[];
    b!.scholars = a!.scholars;
    const en = (await render('en', m)).text;
    expect(en).toMatch(/The Chinese Academy of Sciences and the University of California have the most researchers, [\d,]+ each;/);
    const zh = (await render('zh', m)).text;
    expect(zh).toMatch(/中国科学院与美国加州大学的人才并列最多，均为 [\d,]+ 人/);
  });
});

describe('template errors', () => {
  const one = async (text: string, locale: 'zh' | 'en' = 'en') => {
    const b = await bundle(locale);
    const e = editionOf(text);
    return renderChapters(e, metrics, createTranslator(b, DEFINITIONS_2023), countryNames(locale, b.namespaces.countries), numberFigures(e));
  };

  it('names the template file, line and column of a missing metric', async () => {
    await expect(one('# T\n\n{{count papers.nothing.here "papers"}}\n')).rejects.toThrow('x.md.hbs:3:9: the metrics document has no "papers.nothing"');
  });

  it('names the position of a helper given something that is not a number', async () => {
    await expect(one('ok\n\n  {{count papers "papers"}}\n')).rejects.toThrow(/x\.md\.hbs:3:3: expected a number, got an object with \d+ keys \(total, /);
  });

  it('describes a wrong value briefly: its kind and a short preview, never the whole value as JSON', async () => {
    const error = await one('{{pct papers}}').catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^templates\/test\/chapters\/x\.md\.hbs:1:1: expected a number, got an object with \d+ keys \(total, [^)]*\)$/);
    expect((error as Error).message.length).toBeLessThan(200);
    const list = await one('{{pct papers.by_country}}').catch((e: Error) => e);
    expect((list as Error).message).toMatch(/expected a number, got a list of \d+ items \(the first: an object\)$/);
  });

  it('gives the line and column of a syntax error and Handlebars\' whole message', async () => {
    const error = (await one('# T\n\nline three {{#if x}} never closed\n\nmore\n').catch((e: Error) => e)) as Error;
    // Handlebars' excerpt drops the line breaks; the position is where the block left open starts
    expect(error.message).toBe(
      [
        'templates/test/chapters/x.md.hbs:3:12: Parse error on line 6:',
        '  ... never closedmore',
        '  --------------------^',
        "  Expecting 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'",
      ].join('\n'),
    );
    const mid = (await one('a\nb {{count papers.total "papers" x=}} c\n').catch((e: Error) => e)) as Error;
    expect(mid.message).toMatch(/^templates\/test\/chapters\/x\.md\.hbs:2:35: Parse error on line 2:\n/);
    expect(mid.message).toContain("Expecting 'OPEN_SEXPR', 'ID', 'STRING', 'NUMBER', 'BOOLEAN', 'UNDEFINED', 'NULL', 'DATA', got 'CLOSE'");
  });

  it('names the partial a syntax error is in, with its line and column', async () => {
    const b = await bundle('en');
    const e = { ...editionOf('intro\n{{> broken}}\n'), partials: { broken: 'one\ntwo {{#each}}\n' } };
    const error = (await Promise.resolve().then(() => renderChapters(e, metrics, createTranslator(b, DEFINITIONS_2023), countryNames('en', b.namespaces.countries), numberFigures(e))).catch((x: Error) => x)) as Error;
    expect(error.message).toMatch(/^templates\/test\/chapters\/x\.md\.hbs → partials\/broken\.md\.hbs:2:5: Parse error on line 3:/);
  });

  it('names the locale key that is missing', async () => {
    await expect(one('line one\n{{t "ch2.no_such_key"}}\n', 'zh')).rejects.toThrow(/x\.md\.hbs:2:1: .*locales\/2023\/zh\/report\.json: locale "zh" has no message "ch2\.no_such_key"/);
  });

  it('names an unknown figure or table', async () => {
    await expect(one('{{ref "nope"}}')).rejects.toThrow(/unknown figure "nope"/);
  });
});

describe('numbering', () => {
  it('numbers figures and tables on their own, in order of first appearance across chapters; references use the numbers', async () => {
    const e = {
      edition: 't',
      data: 'd',
      focus: { home: 'CN', rival: 'US' },
      definitions: DEFINITIONS_2023,
      chapters: [
        { id: 'a', file: 'a', text: 'See {{ref "b-fig"}} and {{ref "papers-countries"}}.\n\n{{figure "a-fig"}}' },
        { id: 'b', file: 'b', text: '{{figure "b-fig"}}\n{{figure "a-fig"}}\n\n{{table "papers-countries"}}' },
      ],
    };
    expect([...numberFigures(e)]).toEqual([['a-fig', 1], ['b-fig', 2]]);
    expect([...numberTables(e)]).toEqual([['papers-countries', 1]]);
    const b = await bundle('zh');
    const html = renderChapters(e, metrics, createTranslator(b, DEFINITIONS_2023), countryNames('zh', {}), numberFigures(e));
    expect(html[0]!.html).toContain('See <a href="#fig-b-fig">图\u00a02</a> and <a href="#tab-papers-countries">表\u00a01</a>.');
    // A table is placed like a figure: the chapters stage leaves its slot, the HTML stage fills it.
    expect(html[1]!.html).toContain('<p>@@table:papers-countries@@</p>');
    expect(html[1]!.html).not.toContain('<table');
  });
});

describe('escaping', () => {
  it('escapes data once: markup in a value reaches the page as text', async () => {
    const b = await bundle('en');
    const e = editionOf('{{name}} and {{t "notes.source" source=name}}');
    const m = { ...metrics, name: '<b>*x*</b> & {{y}}' } as never;
    const html = renderChapters(e, m, createTranslator(b, DEFINITIONS_2023), countryNames('en', {}), numberFigures(e))[0]!.html;
    expect(html).toBe('<p>&lt;b&gt;*x*&lt;/b&gt; &amp; {{y}} and Source: &lt;b&gt;*x*&lt;/b&gt; &amp; {{y}}.</p>\n');
  });
});

describe('Chinese line breaks', () => {
  it('joins sentences written on separate template lines without a stray space', async () => {
    const { joinCjkLines } = await import('../../src/chapters/render.ts');
    expect(joinCjkLines('<p>中国居首。\n美国次之。\n<strong>注</strong></p>\n<p>x</p>')).toBe('<p>中国居首。美国次之。<strong>注</strong></p>\n<p>x</p>');
    expect(joinCjkLines('<p>韩国 1 家。\nIBM以 61 件居首。</p>')).toBe('<p>韩国 1 家。IBM以 61 件居首。</p>');
    expect(joinCjkLines('<p>First.\nSecond.</p>')).toBe('<p>First.\nSecond.</p>');
  });
});
