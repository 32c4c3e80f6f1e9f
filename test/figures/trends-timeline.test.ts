/** Chapter 4's timelines: one per hot technology, its events from content/timeline.yaml, wrapped to fit. */
import { beforeAll, describe, expect, it } from 'vitest';
import { countryNames } from '../../src/base/countries.ts';
import type { EditionContent } from '../../src/base/content.ts';
import { createTranslator } from '../../src/base/i18n.ts';
import type { Timeline } from '../../src/base/timeline.ts';
import { valueLabels } from '../../src/check/figures.ts';
import { numberTokens } from '../../src/check/lint.ts';
import { ReportError } from '../../src/errors.ts';
import { renderFigures, specRows } from '../../src/figures/render.ts';
import { TIMELINE_FONT_SIZE, TIMELINE_TEXT_WIDTH, TIMELINE_TEXT_X, TIMELINE_WIDTH } from '../../src/figures/timeline-chart.ts';
import { measureText } from '../../src/fonts/fontsource.ts';
import type { Locale } from '../../src/base/yaml.ts';
import type { MetricsDocument, TopicMetrics } from '../../src/metrics/document.ts';
import { buildOne, bundle, copy, edition, figureNumbers, sampleMetrics } from '../chapters/fixtures.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

let metrics: MetricsDocument;
let content: EditionContent;
beforeAll(async () => {
  [metrics, content] = await Promise.all([sampleMetrics(), edition().then((e) => e.content!)]);
  hotGroup = (await edition()).topics!.hot.group;
});

const IDS = ['trends-hot-a-timeline', 'trends-hot-b-timeline', 'trends-hot-c-timeline'];
let hotGroup: string;
const hot = (m: MetricsDocument) => (m.topics ?? []).filter((t) => t.group === hotGroup) as TopicMetrics[];

async function build(id: string, locale: Locale, m = metrics, c = content) {
  return (await buildOne(id, locale, m, { ...(await edition()), content: c })).built;
}

type Layer = { data: { values: Record<string, unknown>[] }; mark: { type: string; align?: string } };
/** The spec's lines of event text: the left-aligned text layer. */
const eventLines = (spec: unknown) => (spec as { layer: Layer[] }).layer.find((l) => l.mark.type === 'text' && l.mark.align === 'left')!.data.values as { x: number; y: number; text: string }[];

const withTimeline = (t: Timeline): EditionContent => ({ ...content, timeline: t });

describe('timeline figures (trends-hot-<a|b|c>-timeline)', () => {
  it('draw, for the n-th hot technology of the metrics, its events in date order: the CSV rows', async () => {
    const timeline = content.timeline as Timeline;
    for (const [i, id] of IDS.entries()) {
      const topic = hot(metrics)[i]!;
      for (const locale of ['zh', 'en'] as const) {
        const fig = await build(id, locale);
        expect(specRows(fig.spec as never)).toEqual(timeline.topics[topic.topic_id]!.map((e) => ({ date: e.date, event: e.text[locale] })));
        expect(fig.title).toContain(locale === 'zh' ? topic.name_zh : topic.name_en);
      }
    }
  });

  it('wrap every event into lines that fit beside the axis, in both languages, and keep them apart', async () => {
    for (const id of IDS) {
      for (const locale of ['zh', 'en'] as const) {
        const fig = await build(id, locale);
        const lines = eventLines(fig.spec);
        for (const line of lines) {
          expect(line.x).toBe(TIMELINE_TEXT_X);
          expect(line.x + measureText(line.text, TIMELINE_FONT_SIZE), `${id} ${locale}: ${line.text}`).toBeLessThanOrEqual(TIMELINE_WIDTH);
          expect(measureText(line.text, TIMELINE_FONT_SIZE)).toBeLessThanOrEqual(TIMELINE_TEXT_WIDTH);
        }
        const ys = lines.map((l) => l.y);
        for (let k = 1; k < ys.length; k++) expect(ys[k]! - ys[k - 1]!, `${id} ${locale}`).toBeGreaterThanOrEqual(TIMELINE_FONT_SIZE);
        // The lines are the events' texts, whole and in order.
        const squeeze = (s: string) => s.replace(/\s+/g, '');
        expect(squeeze(lines.map((l) => l.text).join(''))).toBe(squeeze(specRows(fig.spec as never).map((r) => r.event).join('')));
      }
    }
  });

  it('wrap a long event onto several lines that all fit (zh and en), the months still in order', async () => {
    const long: Timeline = {
      year: 2022,
      topics: {
        [hot(metrics)[0]!.topic_id]: [
          { date: '2022-03', month: 3, text: { zh: '某实验室发布一个参数规模极大的多模态模型，能够同时理解和生成文本、图像、语音与视频，并在数十项公开评测中刷新纪录，引起学术界和产业界的广泛关注与讨论。', en: 'A laboratory releases a very large multimodal model that understands and generates text, images, speech and video at once, setting records on dozens of public benchmarks and drawing wide attention from academia and industry alike.' } },
          { date: '2022-03', month: 3, text: { zh: '同月另一事件', en: 'Another event the same month' } },
        ],
      },
    };
    for (const locale of ['zh', 'en'] as const) {
      const fig = await build(IDS[0]!, locale, metrics, withTimeline(long));
      const lines = eventLines(fig.spec);
      expect(lines.length).toBeGreaterThanOrEqual(3); // the long event on two lines or more, the short on one
      for (const line of lines) expect(measureText(line.text, TIMELINE_FONT_SIZE)).toBeLessThanOrEqual(TIMELINE_TEXT_WIDTH);
      const months = (fig.spec as { layer: Layer[] }).layer.find((l) => l.mark.align === 'right')!.data.values as { y: number; label: string }[];
      expect(months).toHaveLength(12);
      expect(months.map((m) => m.y)).toEqual([...months.map((m) => m.y)].sort((a, b) => a - b));
      // The second event starts below the last line of the first.
      const second = lines.findIndex((l) => l.text.startsWith(locale === 'zh' ? '同月' : 'Another'));
      expect(lines[second]!.y).toBeGreaterThan(lines[second - 1]!.y);
    }
  });

  it('take the year and the topic\'s name from the content and the metrics (nothing typed)', async () => {
    const m = copy(metrics);
    const topic = hot(m)[1]! as { -readonly [K in keyof TopicMetrics]: TopicMetrics[K] };
    topic.name_en = 'Sky computing';
    topic.name_zh = '天空计算';
    const t = content.timeline as Timeline;
    const moved: Timeline = { year: 2031, topics: Object.fromEntries(Object.entries(t.topics).map(([id, events]) => [id, events.map((e) => ({ ...e, date: `2031-${e.date.slice(5)}` }))])) };
    const en = await build(IDS[1]!, 'en', m, withTimeline(moved));
    const zh = await build(IDS[1]!, 'zh', m, withTimeline(moved));
    expect(en.caption).toBe('Sky computing: events of 2031');
    expect(zh.caption).toBe('天空计算：2031 年大事年表');
    expect(en.description).toContain('February: ');
    expect(zh.description).toContain('2 月：');
    const [fig] = await renderFigures(Object.assign(await figureNumbers([[IDS[1]!, 9]]), { content: withTimeline(moved) }), m, createTranslator(await bundle('zh'), DEFINITIONS_2023), countryNames('zh', (await bundle('zh')).namespaces.countries));
    expect(fig!.notes).toEqual(['说明：时间范围为 2031 年 1 月至 2031 年 12 月；事件由编辑部遴选。']);
    // The CSV lists the events: a header and one row per event.
    expect(fig!.download.csv.trim().split('\r\n')).toHaveLength(1 + t.topics[topic.topic_id]!.length);
    expect(fig!.download.csv).toMatch(/^\uFEFF(日期,事件|Date,Event)\r\n/);
  });

  it('refuse a topic with no events, naming the topic and the file to add them to', async () => {
    const t = content.timeline as Timeline;
    const id = hot(metrics)[2]!.topic_id;
    const { [id]: _, ...rest } = t.topics;
    const error = await build(IDS[2]!, 'en', metrics, withTimeline({ ...t, topics: rest })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as Error).message).toBe(`figure "trends-hot-c-timeline" needs the events of topic ${id}: list them in templates/<edition>/content/timeline.yaml under topics: ${id}:`);
    await expect(build(IDS[0]!, 'en', metrics, {})).rejects.toThrow(/needs the events of topic/);
  });

  it('draw month labels and event texts as measured: nothing cut, the same numbers in both languages', async () => {
    for (const id of IDS) {
      const svgs: string[] = [];
      for (const locale of ['zh', 'en'] as const) {
        const [fig] = await renderFigures(await figureNumbers([[id, 1]]), metrics, createTranslator(await bundle(locale), DEFINITIONS_2023), countryNames(locale, (await bundle(locale)).namespaces.countries));
        expect(fig!.svg).not.toContain('…');
        svgs.push(fig!.svg);
      }
      expect(svgs[0]).toContain('12月');
      expect(svgs[1]).toContain('>Dec<');
      // What report check compares: the numbers the text marks print (product names, 30%, 5 days).
      const printed = (svg: string) => valueLabels(svg).flatMap(numberTokens).sort();
      expect(printed(svgs[0]!), id).toEqual(printed(svgs[1]!));
    }
  });
});
