/** Chapter 5 (conclusions): every heading and finding follows the data; a point the data do not bear out is left out. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { copy, render, sampleMetrics } from './fixtures.ts';

let metrics: MetricsDocument;
beforeAll(async () => {
  metrics = await sampleMetrics();
});

async function chapter(locale: 'zh' | 'en', m: MetricsDocument): Promise<string> {
  const { chapters, html } = await render(locale, m);
  const c = chapters.find((x) => x.id === 'conclusions');
  expect(c, html.slice(0, 200)).toBeDefined();
  return c!.html.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const row = <T>(list: readonly T[] | undefined, key: keyof T, value: unknown) => list!.find((x) => x[key] === value) as Mutable<T>;

describe('Chapter 5 on the sample data and on perturbed copies', () => {
  it('prints the sample\'s findings in both locales', async () => {
    const en = await chapter('en', metrics);
    const zh = await chapter('zh', metrics);
    expect(en).toContain('Conclusions and recommendations for China');
    expect(zh).toContain('中国数字科技发展的问题与建议');
    // Every number here is the metrics': the share of the home country's high-level researchers, as printed.
    const cn = metrics.talent!.by_country.find((c) => c.country === 'CN')!;
    const share = `${((cn.high_level / metrics.talent!.high_level_total) * 100).toFixed(1)}%`;
    expect(en).toContain(`but has only ${share} of the high-level researchers`);
    expect(zh).toContain(`但高层次人才（h 指数 20 及以上）仅占全球的 ${share}`);
    // The measures follow their finding, in both locales.
    expect(en.indexOf('Put young researchers')).toBeGreaterThan(en.indexOf('needs more high-level researchers'));
    expect(zh).toContain('把人才政策的重心放在青年科研人员上');
  });

  it('names the year the home country overtook the rival, and says the totals still lag', async () => {
    const m = copy(metrics);
    const [from, to] = m.provenance.manifest.paper_years;
    // The home country behind on the decade's totals, ahead every year from the last year on.
    row(m.papers.by_country, 'country', 'CN').papers = row(m.papers.by_country, 'country', 'US').papers - 1;
    row(m.papers.by_country, 'country', 'CN').top1 = row(m.papers.by_country, 'country', 'US').top1 - 1;
    for (const r of m.papers.by_year_country as Mutable<MetricsDocument['papers']['by_year_country'][number]>[]) {
      if (r.country === 'CN') { r.papers = r.year === to ? 1e6 : 0; r.top1 = r.year === to ? 1e4 : 0; }
    }
    const en = await chapter('en', m);
    expect(en).toContain('China leads year by year; the decade\'s totals have yet to follow');
    expect(en).toContain(`every year since ${to}, and more top papers every year since ${to}`);
    expect(en).toContain(`Over ${from}–${to}`);
    expect(await chapter('zh', m)).toContain(`自 ${to} 年起`);
  });

  it('says the home country leads when it has more papers and top papers, and nothing of a crossing', async () => {
    const m = copy(metrics);
    row(m.papers.by_country, 'country', 'CN').papers = row(m.papers.by_country, 'country', 'US').papers + 1;
    row(m.papers.by_country, 'country', 'CN').top1 = row(m.papers.by_country, 'country', 'US').top1 + 1;
    // The list sorted again, as the metrics contract has it (a claim of the key points checks the order).
    (m.papers.by_country as unknown as { papers: number }[]).sort((a, b) => b.papers - a.papers);
    const en = await chapter('en', m);
    expect(en).toContain('China leads the United States in papers and in top papers');
    expect(en).not.toContain('year by year');
  });

  it('gives the high-value rank and the share of the rival, and drops the point when the home country leads in value', async () => {
    const m = copy(metrics);
    for (const c of m.patents!.by_country as Mutable<{ country: string; patents: number; high_value: number }>[]) if (c.country === 'CN') c.patents = 1e7;
    const cn = row(m.patents!.by_country, 'country', 'CN');
    const us = row(m.patents!.by_country, 'country', 'US');
    cn.high_value = 1; us.high_value = 4;
    const en = await chapter('en', m);
    expect(en).toContain('China leads in the number of patents, not in their value');
    expect(en).toContain('it holds 1 patent, 25% of the 4 held by the United States');
    cn.high_value = 1e6;
    expect(await chapter('en', m)).not.toContain('not in their value');
  });

  it('speaks of the home country\'s net loss with its rank, and not at all when it gains', async () => {
    const m = copy(metrics);
    const list = m.flows!.by_country as unknown as Mutable<{ country: string; net: number }>[];
    for (const c of list) c.net = c.country === 'US' ? 50 : c.country === 'CN' ? -30 : c.country === 'GB' ? -40 : 0;
    const en = await chapter('en', m);
    expect(en).toContain('China ranks second among the countries that lose researchers to moves: 30 researchers more left than arrived. The United States gains the most, 50 researchers net.');
    expect(await chapter('zh', m)).toContain('在人才净流失的国家中，中国居第二：流出比流入多 30 人。净流入最多的是美国，为 50 人。');
    row(m.flows!.by_country, 'country', 'GB').net = -10;
    expect(await chapter('en', m)).toContain('No country loses more researchers to moves than China');
    row(m.flows!.by_country, 'country', 'CN').net = 5;
    expect(await chapter('en', m)).not.toContain('attract researchers back');
  });

  it('lists the companies among the world\'s leading institutions with their ranks, by kind', async () => {
    const m = copy(metrics);
    const list = m.talent!.by_institution as Mutable<MetricsDocument['talent'] extends infer T ? T extends { by_institution: readonly (infer I)[] } ? I : never : never>[];
    for (const x of list) if (x.kind === 'company' && x.country === 'CN') x.kind = 'university';
    const rival = list.filter((x) => x.country === 'US');
    rival[0]!.kind = 'company';
    rival[0]!.high_level = 1e6;
    const en = await chapter('en', m);
    expect(en).toMatch(new RegExp(`the compan(y is|ies are) [^.]*${rival[0]!.name_en.replace(/[()]/g, '.')} \\(first\\)`));
    expect(en).toMatch(/None of China's top \w+ institutions by high-level researchers is a company: they are [^.]*(universit|institute)/);
  });
});
