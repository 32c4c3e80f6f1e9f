/** Chapter 3 (talent): its wording follows the data, on the sample metrics and on perturbed copies. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { copy, render, sampleMetrics } from './fixtures.ts';

let metrics: MetricsDocument;
beforeAll(async () => {
  metrics = await sampleMetrics();
});

/** The text of Chapter 3 only (it runs to the end of the sample edition's text or the next chapter). */
async function chapter(locale: 'zh' | 'en', m: MetricsDocument): Promise<string> {
  const text = (await render(locale, m)).text;
  const start = text.indexOf(locale === 'zh' ? '数字科技人才分布格局' : 'Where the digital-technology talent is');
  expect(start).toBeGreaterThanOrEqual(0);
  return text.slice(start);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

describe('Chapter 3 on the sample data', () => {
  it('says the rival has more high-level researchers, and turns it round when the home country has more', async () => {
    expect(await chapter('en', metrics)).toMatch(/The United States has [\d.]+ times as many high-level researchers as China/);
    const m = copy(metrics);
    (m.talent!.by_country.find((c) => c.country === 'CN') as Mutable<{ high_level: number }>).high_level = 1000;
    expect(await chapter('en', m)).toMatch(/China has [\d.]+ times as many high-level researchers as the United States/);
    expect(await chapter('zh', m)).toMatch(/中国的高层次人才是美国的 [\d.]+ 倍/);
  });

  it('says no country gained researchers when every net flow is a loss or zero', async () => {
    const m = copy(metrics);
    for (const c of m.flows!.by_country as unknown as Mutable<{ net: number }>[]) c.net = -Math.abs(c.net);
    expect(await chapter('en', m)).toContain('No country gained researchers on balance.');
    expect(await chapter('zh', m)).toContain('没有国家实现人才净流入。');
  });

  it('says the largest institution also leads for high-level researchers when it does', async () => {
    expect(await chapter('en', metrics)).toMatch(/Although the Chinese Academy of Sciences has the most researchers, it ranks only \d+(st|nd|rd|th) for high-level ones/);
    const m = copy(metrics);
    (m.talent!.by_institution[0] as Mutable<{ high_level: number }>).high_level = 1000;
    expect(await chapter('en', m)).toMatch(/The Chinese Academy of Sciences also leads for high-level researchers/);
    expect(await chapter('zh', m)).toContain('中国科学院的高层次人才同样排名第一');
  });

  it('calls the home–rival collaboration still growing when its growth has not slowed', async () => {
    const m = copy(metrics);
    const [from, to] = m.provenance.manifest.paper_years;
    const others = m.collaboration.pairs_by_year.filter((p) => !(p.a === 'CN' && p.b === 'US'));
    const doubling = Array.from({ length: to - from + 1 }, (_, i) => ({ a: 'CN', b: 'US', year: from + i, top1_papers: 2 ** i }));
    (m.collaboration as Mutable<MetricsDocument['collaboration']>).pairs_by_year = [...others, ...doubling];
    const en = await chapter('en', m);
    expect(en).toContain(`to a peak of ${(2 ** (to - from)).toLocaleString('en')} papers in ${to}`);
    expect(en).toContain(`The number is still growing: it rose by 100% in ${to}.`);
    expect(await chapter('zh', m)).toContain(`合作仍在增长，${to} 年比上年增加 100%。`);
  });

  it('asks to attract and keep researchers only when the home country loses them', async () => {
    expect(await chapter('en', metrics)).toContain('Attract and keep researchers.');
    const m = copy(metrics);
    (m.flows!.by_country.find((c) => c.country === 'CN') as unknown as Mutable<{ net: number }>).net = 5;
    expect(await chapter('en', m)).not.toContain('Attract and keep researchers.');
    expect(await chapter('zh', m)).not.toContain('引才留才');
  });
});

describe('country pairs in Chinese', () => {
  it('print "中美" when both countries have a short name, and the full names otherwise', async () => {
    const zh = await chapter('zh', metrics);
    const top = metrics.collaboration.pairs[0]!;
    expect([top.a, top.b].sort()).toEqual(['CN', 'US']);
    // The sample's pairs tie below the first, so the sentence lists them ("包括…").
    expect(zh).toMatch(/年，合作发表顶尖论文最多的国家组合包括中美（/);
    expect(zh).not.toMatch(/中国与美国（/);
    // Another pair at the top: no short form for India, so both names in full, in the data's order.
    const m = copy(metrics);
    const pairs = m.collaboration.pairs as unknown as Mutable<{ a: string; b: string }>[];
    pairs[0]!.a = 'DE';
    pairs[0]!.b = 'IN';
    expect(await chapter('zh', m)).toMatch(/国家组合包括德国与印度（/);
    expect(await chapter('en', m)).toMatch(/co-authored the most top papers include Germany and India \(/);
    // Two short forms in the order of the locale's list (中 first), whatever the data's order.
    pairs[0]!.a = 'CA';
    pairs[0]!.b = 'CN';
    expect(await chapter('zh', m)).toMatch(/国家组合包括中加（/);
  });
});
