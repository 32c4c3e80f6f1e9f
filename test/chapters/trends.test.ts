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
    expect(en).toContain('basic research still leads');
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
    expect(en).toContain('applied development already outweighs basic research');
    expect(en).toContain('China wrote 10 of the top papers, fewer than the United States (30).');
    expect(zh).toContain('应用研发的分量已超过基础研究');
  });

  it('words the balance of papers and patents by how far apart they are, each wording once', async () => {
    const balance = async (patents: number) => {
      const m = copy(metrics);
      const t = frontier(m)[0] as Mutable;
      t.top1_papers = 40;
      t.reviews = 4;
      t.patents = patents;
      return { en: (await render('en', m)).text, zh: (await render('zh', m)).text };
    };
    const near = await balance(200);
    expect(near.en).toContain('the field has 5 times as many patents as top papers: applied development already outweighs basic research.');
    const far = await balance(800);
    expect(far.en).toContain('With 20 times as many patents as top papers, the field reports its results mainly as patents');
    expect(far.zh).toContain('该领域专利是顶尖论文的 20 倍，成果主要以专利形式出现');
    const vast = await balance(2400);
    expect(vast.en).toContain('This is a field driven by applied development: it has 60 times as many patents as top papers');
    expect(vast.zh).toContain('该领域专利多达顶尖论文的 60 倍');
    // The reading of papers as basic research and patents as applied development is said once, before the topics.
    expect(vast.en.match(/top papers as the output of basic research/g)).toHaveLength(1);
    expect(vast.en).not.toContain('Taking papers as the measure');
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
    // AIGC: twenty events, February to December (content/timeline.yaml).
    expect(en).toMatch(/2022 brought a run of advances in the field: Figure\s\d+ lists 20 of them in order, from February to December\./);
    expect(zh).toMatch(/2022 年，该领域进展频出：图\s\d+ ?按时间顺序列出了其中 20 件，始于 2 月，止于 12 月。/);
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
    expect(en).toMatch(/lists two of them in order, from March to September\./);
    expect(en).toMatch(/In 2031, Figure\s\d+ records one notable event in this field, in May\./);
    expect(en).toMatch(/In 2031, the notable events of this field came together in July: Figure\s\d+ records two of them\./);
    expect(zh).toContain('2031 年数字科技热点技术');
    expect(zh).toMatch(/2031 年，该领域的大事集中在 7 月，图\u00a0\d+ ?列出了其中 2 件。/);
  });

  it('names the topic whose events are missing', async () => {
    const [a] = hot(metrics).map((t) => t.topic_id) as [string];
    const ed = await withTimeline({ year: 2022, topics: { [a]: [{ date: '2022-01', month: 1, text: { zh: 'x', en: 'x' } }] } });
    await expect(render('en', metrics, ed)).rejects.toThrow(/content\.timeline\.topics\.T-/);
  });
});

describe('Key points: the research teams', () => {
  it('say one country holds nearly all the selected teams only as a counted, claimed finding', async () => {
    const zh = (await render('zh', metrics)).text;
    const en = (await render('en', metrics)).text;
    // content.json "teams": nine of the ten selected teams are in the United States.
    expect(zh).toMatch(/全球数字科技顶尖科研团队基本出自美国的机构：表\s\d+\s?所列 10 支团队中，有 9 支来自美国/);
    expect(en).toMatch(/almost all at institutions in the United States: nine of the ten teams in Table\s\d+ are based there/);
  });
});
