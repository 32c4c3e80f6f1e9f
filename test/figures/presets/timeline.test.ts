import { describe, expect, it } from 'vitest';
import { build, errorOf } from './helpers.ts';

const yaml = 'figures:\n  - { id: tl, scope: timeline, preset: timeline, texts: ns:tl, topic: { from: topics, where: { group: $hot.group }, index: 1 } }\n';
const doc = { topics: [{ topic_id: 'a', group: 'h', name_en: 'A', name_zh: 'A' }, { topic_id: 'b', group: 'h', name_en: 'Bee', name_zh: 'B' }] };
const content = { timeline: { year: 2030, topics: { b: [{ date: '2030-03-01', month: 3, text: { zh: '事', en: 'Launch' } }] } } };

describe('preset timeline', () => {
  it('draws the events of the picked topic, texts given its name, the year and the count', () => {
    const fig = build(yaml, doc, { 'hot.group': 'h' }, content);
    expect(fig.caption).toBe('ns:tl.caption {"n":1,"topic":"Bee","year":2030}');
    expect(fig.description).toContain('March: Launch');
  });

  it('names the selector and the path when the metrics have no such topic', () => {
    expect(errorOf(() => build(yaml.replace('index: 1', 'index: 2'), doc, { 'hot.group': 'h' }, content))).toMatch(/^figures\.yaml:2:\d+: figure "tl": the metrics document has no "topics" row 2 \(0-based\) of 2 matching the where$/);
  });

  it('refuses a topic selector that does not pick one topic', () => {
    expect(errorOf(() => build(yaml.replace(', index: 1', ''), doc))).toMatch(/figures\.0\.topic: expected a selector that picks one topic/);
  });
});
