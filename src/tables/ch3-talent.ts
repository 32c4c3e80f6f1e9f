/**
 * Chapter 3's own table: the home country's institutions by researchers, with their high-level
 * researchers. Its caption is in the chapter's namespace (`talent:tables.<id>.caption`); the column
 * heads are the report's (`tables.columns.*`).
 */
import { rankBy } from '../chapters/facts.ts';
import * as fmt from '../chapters/format.ts';
import { family } from '../base/family.ts';
import { MODELLED_MARK, type Where } from './modelled.ts';
import type { TableContext, TableDefinition } from './types.ts';

const TOP = 10;

function int(ctx: TableContext, n: number, where: Where): string {
  const text = ctx.trace.add(fmt.integer(n), n, 'table');
  return ctx.modelled?.(where) ? `${text}${MODELLED_MARK}` : text;
}

function rank(ctx: TableContext, list: readonly Readonly<Record<string, unknown>>[], id: string, by: string): string {
  const r = rankBy(list, 'institution_id', id, by);
  return ctx.trace.add(String(r), r, 'table');
}

export const homeTalentInstitutions: TableDefinition = {
  id: 'ch3-home-talent-institutions',
  scope: 'talent',
  build(ctx) {
    const home = family(ctx.metrics.talent, 'talent').by_institution.filter((r) => r.country === ctx.focus.home);
    const rows = home.slice(0, TOP).map((r) => {
      const where = (field: string): Where => ['talent.by_institution', { institution_id: r.institution_id }, field];
      return [
        rank(ctx, home as never, r.institution_id, 'scholars'),
        ctx.trace.add(ctx.t.locale === 'zh' ? r.name_zh : r.name_en, null, 'table'),
        int(ctx, r.scholars, where('scholars')),
        int(ctx, r.high_level, where('high_level')),
        rank(ctx, home as never, r.institution_id, 'high_level'),
      ];
    });
    const columns: [string, boolean][] = [['rank', true], ['institution', false], ['scholars', true], ['high_level', true], ['high_level_rank', true]];
    return {
      caption: ctx.t.t('talent:tables.ch3-home-talent-institutions.caption', { n: rows.length, country: ctx.names.name(ctx.focus.home) }),
      columns: columns.map(([key, numeric]) => ({ label: ctx.t.text(`tables.columns.${key}`), numeric })),
      rows,
    };
  },
};
