/**
 * Chapter 4's timelines: the year's events of each 2022 hot technology, from the edition's content
 * (`content/timeline.yaml`, read by chapters/timeline.ts). The `position`-th hot technology is taken
 * in the metrics' order, as the chapter's sections take them, so the figure sits in its topic's
 * section; its events are found by the topic's id and its name comes from the metrics.
 * Texts: `trends:figures.trends-hot-timeline.*`.
 */
import * as fmt from '../../chapters/format.ts';
import type { Timeline } from '../../chapters/timeline.ts';
import { ReportError } from '../../errors.ts';
import { timelineChart } from '../timeline-chart.ts';
import type { FigureContext, FigureDefinition } from '../types.ts';
import { description, family } from './common.ts';

function hotTopic(ctx: FigureContext, position: number) {
  const topic = family(ctx.metrics.topics, 'topics').filter((r) => r.group === 'hot-2022')[position - 1];
  if (!topic) throw new Error(`the metrics document has no hot-2022 topic number ${position}`);
  return topic;
}

function hotTimeline(id: string, position: number): FigureDefinition {
  return {
    id,
    scope: 'timeline',
    build(ctx) {
      const topic = hotTopic(ctx, position);
      const timeline = ctx.content.timeline as Timeline | undefined;
      const events = timeline?.topics[topic.topic_id];
      if (!timeline || !events) throw ReportError.of('content.timeline-missing', { figure: id, topic: topic.topic_id });
      const locale = ctx.t.locale;
      const rows = events.map((e) => ({ date: e.date, month: e.month, text: e.text[locale] }));
      const values = { topic: locale === 'zh' ? topic.name_zh : topic.name_en, year: timeline.year, n: rows.length };
      const key = 'trends:figures.trends-hot-timeline';
      const title = ctx.t.text(`${key}.title`, values);
      const list = rows.map((r) => `${fmt.month(locale, r.month)}${locale === 'zh' ? '：' : ': '}${r.text}`).join(locale === 'zh' ? '；' : '; ');
      return {
        spec: timelineChart(rows, (m) => fmt.monthShort(locale, m)),
        caption: ctx.t.t(`${key}.caption`, values),
        title,
        description: description(ctx, title, list),
      };
    },
  };
}

/** One timeline for each of the (at most three) 2022 hot technologies: trends-hot-<a|b|c>-timeline. */
export const trendsHotTimelines: readonly FigureDefinition[] = ['a', 'b', 'c'].map((letter, i) => hotTimeline(`trends-hot-${letter}-timeline`, i + 1));
