/**
 * `timeline`: the dated events of one topic from the edition's content (`content/timeline.yaml`,
 * by topic id), the topic picked by `topic` (a selector with `index`, e.g. the first of
 * `$hot.group`). Texts get `topic` (its name), `year` (the timeline's) and `n` (events).
 */
import { columnHeader } from '../data.ts';
import type { Selector } from '../../base/select.ts';
import * as fmt from '../../base/format.ts';
import type { Timeline } from '../../base/timeline.ts';
import { ReportError } from '../../errors.ts';
import { timelineChart, timelineParts } from '../timeline-chart.ts';
import type { BuiltFigure, FigureBuildContext } from '../types.ts';
import { description, fail, figureTexts, readTexts, rowsOf, selector, type TextsBinding } from './bindings.ts';
import { definePreset } from './preset.ts';

export interface TimelineBindings {
  readonly topic: Selector;
  readonly texts: TextsBinding;
}

export function buildTimeline(b: TimelineBindings, ctx: FigureBuildContext, id: string): BuiltFigure {
  const topic = rowsOf(b.topic, ctx, id).row as { topic_id: string; name_zh: string; name_en: string };
  const timeline = ctx.content.timeline as Timeline | undefined;
  const events = timeline?.topics[topic.topic_id];
  if (!timeline || !events) throw ReportError.of('content.timeline-missing', { figure: id, topic: topic.topic_id });
  const locale = ctx.t.locale;
  const rows = events.map((e) => ({ date: e.date, month: e.month, text: e.text[locale] }));
  const x = figureTexts(ctx, b.texts, id, { topic: locale === 'zh' ? topic.name_zh : topic.name_en, year: timeline.year, n: rows.length });
  const list = rows.map((r) => `${fmt.month(locale, r.month)}${locale === 'zh' ? '：' : ': '}${r.text}`).join(locale === 'zh' ? '；' : '; ');
  const monthLabel = (m: number) => fmt.monthShort(locale, m);
  return { spec: timelineChart(rows, monthLabel), printParts: timelineParts(rows, monthLabel), caption: x.caption, title: x.title, description: description(ctx, x.title, list), data: { header: [columnHeader(ctx.t, 'date'), columnHeader(ctx.t, 'event')], rows: rows.map((r) => [r.date, r.text]) } };
}

export const timelinePreset = definePreset<TimelineBindings>({
  name: 'timeline',
  keys: ['topic'],
  read(b) {
    const topic = selector(b, 'topic');
    if (topic.index === undefined) fail(b.source, [...b.path, 'topic'], 'a selector that picks one topic (index: <n>)', 'no index');
    return { topic, texts: readTexts(b) };
  },
  build: buildTimeline,
});
