/** Chapter 4's wording follows the data: papers add up, and the conclusion turns with papers vs patents. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/base/edition.ts';
import type { Timeline } from '../../src/base/timeline.ts';
import type { MetricsDocument, TopicMetrics } from '../../src/metrics/document.ts';
import { copy, edition, render, sampleMetrics } from './fixtures.ts';

let metrics: MetricsDocument;
beforeAll(async () => {
  metrics = await sampleMetrics();
});

const frontier = (m: MetricsDocument) => (m.topics ?? []).filter((t) => t.group === 'frontier') as TopicMetrics[];
type Mutable = { -readonly [K in keyof TopicMetrics]: TopicMetrics[K] };

describe('Chapter 4 on perturbed data', () => {
  it('splits top papers into reviews and research papers that add up', async () => {
    const m = copy(metrics);
    const t = frontier(m)[0] as Mutable;
    t.top1_papers = 500;
    t.reviews = 120;
    t.patents = 100;
    const en = (await render('en', m)).text;
    expect(en).toContain('number 500: 120 reviews and 380 research papers.');
    expect(en).toContain('5 times as many top papers as patents');
    expect(en).toContain('basic research dominates');
  });

  it('says applied development dominates when patents outnumber top papers, and who leads on papers', async () => {
    const m = copy(metrics);
    const t = frontier(m)[0] as Mutable;
    t.top1_papers = 40;
    t.reviews = 4;
    t.patents = 400;
    t.top1_by_country = { US: 30, CN: 10 };
    const en = (await render('en', m)).text;
    const zh = (await render('zh', m)).text;
    expect(en).toContain('10 times as many patents as top papers');
    expect(en).toContain('applied development dominates');
    expect(en).toContain('China wrote 10 of them, fewer than the 30 from the United States.');
    expect(zh).toContain('以应用研发为主');
  });
});

describe('technology names in running English', () => {
  it('lose their title capital mid-sentence, unless they begin with an acronym', async () => {
    const { topicInText } = await import('../../src/chapters/helpers.ts');
    expect(topicInText('en', { name_en: 'Federated learning', name_zh: '联邦学习' })).toBe('federated learning');
    expect(topicInText('en', { name_en: 'AI decoding of protein structures', name_zh: 'x' })).toBe('AI decoding of protein structures');
    expect(topicInText('en', { name_en: 'XR platforms', name_zh: 'x' })).toBe('XR platforms');
    expect(topicInText('zh', { name_en: 'Federated learning', name_zh: '联邦学习' })).toBe('联邦学习');
  });
});

describe('Chapter 4: the hot technologies\' timelines', () => {
  const hot = (m: MetricsDocument) => (m.topics ?? []).filter((t) => t.group === 'hot-2022') as TopicMetrics[];

  /** The edition with its timeline replaced. */
  async function withTimeline(timeline: Timeline): Promise<Edition> {
    const e = await edition();
    return { ...e, content: { ...e.content, timeline } };
  }

  it('puts the year in the section heading and counts each topic\'s events, first and last month', async () => {
    const en = (await render('en', metrics)).text;
    const zh = (await render('zh', metrics)).text;
    expect(en).toContain('Hot technologies of 2022');
    expect(zh).toContain('2022 年数字科技热点技术');
    // AIGC: seven events, February to December (content/timeline.yaml).
    expect(en).toMatch(/In 2022, the field saw a run of notable events; Figure\u00a0\d+ sets out seven of them month by month, from February to December\./);
    expect(zh).toMatch(/2022 年，该领域大事接连发生。图\u00a0\d+ ?按月份列出其中 7 件，从 2 月到 12 月。/);
  });

  it('follows the content: another year, one event, or all events in one month', async () => {
    const [a, b, c] = hot(metrics).map((t) => t.topic_id) as [string, string, string];
    const event = (date: string, en: string) => ({ date, month: Number(date.slice(5)), text: { zh: en, en } });
    const ed = await withTimeline({
      year: 2031,
      topics: { [a]: [event('2031-03', 'x'), event('2031-09', 'y')], [b]: [event('2031-05', 'z')], [c]: [event('2031-07', 'p'), event('2031-07', 'q')] },
    });
    const en = (await render('en', metrics, ed)).text;
    const zh = (await render('zh', metrics, ed)).text;
    expect(en).toContain('Hot technologies of 2031');
    expect(en).toMatch(/sets out two of them month by month, from March to September\./);
    expect(en).toMatch(/In 2031, Figure\u00a0\d+ records one notable event in this field, in May\./);
    expect(en).toMatch(/In 2031, the notable events of this field came together in July: Figure\u00a0\d+ records two of them\./);
    expect(zh).toContain('2031 年数字科技热点技术');
    expect(zh).toMatch(/2031 年，该领域的大事集中在 7 月，图\u00a0\d+ ?列出了其中 2 件。/);
  });

  it('names the topic whose events are missing', async () => {
    const [a] = hot(metrics).map((t) => t.topic_id) as [string];
    const ed = await withTimeline({ year: 2022, topics: { [a]: [{ date: '2022-01', month: 1, text: { zh: 'x', en: 'x' } }] } });
    await expect(render('en', metrics, ed)).rejects.toThrow(/content\.timeline\.topics\.T-/);
  });
});
