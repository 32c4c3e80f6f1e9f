/**
 * Chapter 4's table: the frontier technologies (topics of group `frontier`) with their papers, patents
 * and frontier index, ordered by frontier index. Header and caption live in locales/<locale>/trends.json
 * ("trends:table"), so that this chapter's messages stay in their own namespace.
 */
import { topBy } from '../chapters/facts.ts';
import * as fmt from '../chapters/format.ts';
import type { TopicMetrics } from '../metrics/document.ts';
import { MODELLED_MARK, type Where } from './modelled.ts';
import type { TableContext, TableDefinition } from './types.ts';

function cell(ctx: TableContext, text: string, n: number, where: Where): string {
  const traced = ctx.trace.add(text, n, 'table');
  return ctx.modelled?.(where) ? `${traced}${MODELLED_MARK}` : traced;
}

const COLUMNS: [string, boolean][] = [['rank', true], ['topic', false], ['top1', true], ['reviews', true], ['avg_year', true], ['patents', true], ['high_value', true], ['index', true]];

/** The frontier technologies by frontier index (a topic without an index last, its cell a dash). */
export const frontierTopics: TableDefinition = {
  id: 'frontier-topics',
  scope: 'papers',
  // A year is printed without a thousands separator (2019.4, not 2,019.4).
  build(ctx) {
    const frontier = (ctx.metrics.topics ?? []).filter((r) => r.group === 'frontier');
    const list = topBy(frontier as never, 'frontier_index', frontier.length) as unknown as TopicMetrics[];
    const rows = list.map((r, i) => {
      const at = (field: string): Where => ['topics', { topic_id: r.topic_id }, field];
      return [
        ctx.trace.add(String(i + 1), i + 1, 'table'),
        ctx.trace.add(ctx.t.locale === 'zh' ? r.name_zh : r.name_en, null, 'table'),
        cell(ctx, fmt.integer(r.top1_papers), r.top1_papers, at('top1_papers')),
        cell(ctx, fmt.integer(r.reviews), r.reviews, at('reviews')),
        r.avg_pub_year === null ? '–' : cell(ctx, r.avg_pub_year.toFixed(1), r.avg_pub_year, at('avg_pub_year')),
        cell(ctx, fmt.integer(r.patents), r.patents, at('patents')),
        cell(ctx, fmt.integer(r.high_value), r.high_value, at('high_value')),
        r.frontier_index === null ? '–' : cell(ctx, fmt.decimal(r.frontier_index, 2), r.frontier_index, at('frontier_index')),
      ];
    });
    return {
      caption: ctx.t.t('trends:table.caption', { n: rows.length }),
      columns: COLUMNS.map(([key, numeric]) => ({ label: ctx.t.text(`trends:table.columns.${key}`), numeric })),
      rows,
    };
  },
};
