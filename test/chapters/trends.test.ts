/** Chapter 4's wording follows the data: papers add up, and the conclusion turns with papers vs patents. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricsDocument, TopicMetrics } from '../../src/metrics/document.ts';
import { copy, render, sampleMetrics } from './fixtures.ts';

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
    expect(en).toContain('5.0 times as many top papers as patents');
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
    expect(en).toContain('10.0 times as many patents as top papers');
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
