/**
 * Chapter 4's figures: the home country and its rival across the frontier technologies (top papers,
 * high-value patents), and the leading countries of each 2022 hot technology. Their texts are in the
 * chapter's namespace: `trends:figures.<id>.*`.
 */
import { orderBy } from '../../chapters/facts.ts';
import * as fmt from '../../chapters/format.ts';
import type { TopicMetrics } from '../../metrics/document.ts';
import { modelledLookup } from '../../tables/modelled.ts';
import { describe, groupedBars, rankedBars, type PairRow } from '../charts.ts';
import type { FigureContext, FigureDefinition, Scope } from '../types.ts';
import { TOP, description, family } from './common.ts';

type CountField = 'top1_by_country' | 'high_value_by_country';

function trendsTexts(ctx: FigureContext, id: string, values: Record<string, unknown>) {
  const key = `trends:figures.${id}`;
  return {
    caption: ctx.t.t(`${key}.caption`, values),
    title: ctx.t.text(`${key}.title`, values),
    axis: () => ctx.t.text(`${key}.axis`, values),
  };
}

const topicLabel = (ctx: FigureContext, r: TopicMetrics) => (ctx.t.locale === 'zh' ? r.name_zh : r.name_en);

/** The frontier technologies, by frontier index (as Chapter 4 lists them). */
function frontier(ctx: FigureContext): TopicMetrics[] {
  const topics = family(ctx.metrics.topics, 'topics').filter((r) => r.group === 'frontier');
  return orderBy(topics as never, 'frontier_index') as unknown as TopicMetrics[];
}

/** Home and rival side by side, one pair of bars per frontier technology. */
function homeRival(id: string, scope: Scope, field: CountField): FigureDefinition {
  return {
    id,
    scope,
    build(ctx) {
      const modelled = modelledLookup(ctx.metrics);
      const countries = [ctx.focus.home, ctx.focus.rival];
      const series = countries.map((c) => ctx.names.label(c));
      const rows: PairRow[] = [];
      for (const topic of frontier(ctx)) {
        countries.forEach((c, i) => {
          rows.push({ label: topicLabel(ctx, topic), series: series[i]!, value: topic[field][c] ?? 0, modelled: modelled(['topics', { topic_id: topic.topic_id }, field]) });
        });
      }
      const x = trendsTexts(ctx, id, { n: rows.length / 2, a: ctx.names.name(countries[0]!), b: ctx.names.name(countries[1]!) });
      const list = rows.map((r) => `${r.label} ${r.series} ${fmt.integer(r.value)}`).join(ctx.t.locale === 'zh' ? '；' : '; ');
      return { spec: groupedBars(rows, x.axis(), series), caption: x.caption, title: x.title, description: description(ctx, x.title, list), modelled: rows.some((r) => r.modelled) };
    },
  };
}

/** The leading countries of the `position`-th 2022 hot technology (metrics order) by top papers or high-value patents. */
function hotCountries(id: string, position: number, scope: Scope, field: CountField): FigureDefinition {
  return {
    id,
    scope,
    build(ctx) {
      const modelled = modelledLookup(ctx.metrics);
      const topic = family(ctx.metrics.topics, 'topics').filter((r) => r.group === 'hot-2022')[position - 1];
      if (!topic) throw new Error(`the metrics document has no hot-2022 topic number ${position}`);
      const counts = Object.entries(topic[field]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP);
      const data = counts.map(([c, value]) => ({ label: ctx.names.label(c), value, modelled: modelled(['topics', { topic_id: topic.topic_id }, field]) }));
      const x = trendsTexts(ctx, field === 'top1_by_country' ? 'trends-hot-top1' : 'trends-hot-high-value', { n: data.length, topic: topicLabel(ctx, topic) });
      return { spec: rankedBars(data, x.axis()), caption: x.caption, title: x.title, description: description(ctx, x.title, describe(ctx.t.locale, data)), modelled: data.some((r) => r.modelled) };
    },
  };
}

export const trendsHomeRivalPapers = homeRival('trends-home-rival-top1', 'papers', 'top1_by_country');
export const trendsHomeRivalHighValue = homeRival('trends-home-rival-high-value', 'high-value', 'high_value_by_country');

/** Two figures for each of the (at most three) 2022 hot technologies: trends-hot-<a|b|c>-top1 / -high-value. */
export const trendsHotFigures: readonly FigureDefinition[] = ['a', 'b', 'c'].flatMap((letter, i) => [
  hotCountries(`trends-hot-${letter}-top1`, i + 1, 'papers', 'top1_by_country'),
  hotCountries(`trends-hot-${letter}-high-value`, i + 1, 'high-value', 'high_value_by_country'),
]);
