/**
 * Every numbered table of the report. A table is rows drawn from the metrics document (or, for
 * editorial tables, from the locale's content file); its header and caption come from the locale,
 * and every number in a cell is formatted and traced here.
 */
import { rankBy, topBy } from '../chapters/facts.ts';
import * as fmt from '../chapters/format.ts';
import { family } from '../base/family.ts';
import { MODELLED_MARK, type Where } from './modelled.ts';
import type { TableContext, TableDefinition } from './types.ts';
import { homeTalentInstitutions } from './ch3-talent.ts';
import { frontierTopics } from './trends.ts';
import { directionsKeywords } from './directions.ts';

const TOP = 10;

type Row = Readonly<Record<string, unknown>>;

/** `where`: the value's place in the metrics, so that a modelled value gets its mark (see modelled.ts). */
function int(ctx: TableContext, n: number, where?: Where): string {
  return mark(ctx, ctx.trace.add(fmt.integer(n), n, 'table'), where);
}
function dec(ctx: TableContext, n: number, digits = 1, where?: Where): string {
  return mark(ctx, ctx.trace.add(fmt.decimal(n, digits), n, 'table'), where);
}
function mark(ctx: TableContext, text: string, where: Where | undefined): string {
  return where && ctx.modelled?.(where) ? `${text}${MODELLED_MARK}` : text;
}
function rank(ctx: TableContext, list: readonly Row[], key: string, id: unknown, by: string): string {
  const r = rankBy(list, key, id, by);
  return ctx.trace.add(String(r), r, 'table');
}
function name(ctx: TableContext, r: { name_zh: string; name_en: string }): string {
  return ctx.trace.add(ctx.t.locale === 'zh' ? r.name_zh : r.name_en, null, 'table');
}
function country(ctx: TableContext, code: string): string {
  return ctx.trace.add(ctx.names.label(code), null, 'table');
}
function head(ctx: TableContext, id: string, columns: [string, boolean][], values: Record<string, unknown> = {}) {
  return {
    caption: ctx.t.t(`tables.${id}.caption`, values),
    columns: columns.map(([key, numeric]) => ({ label: ctx.t.text(`tables.columns.${key}`), numeric })),
  };
}

/** Countries by papers: rank, papers, citations per paper, top 1% papers. */
const papersCountries: TableDefinition = {
  id: 'papers-countries',
  scope: 'papers',
  build(ctx) {
    const list = ctx.metrics.papers.by_country;
    const rows = list.slice(0, TOP).map((r) => [rank(ctx, list as never, 'country', r.country, 'papers'), country(ctx, r.country), int(ctx, r.papers, ['papers.by_country', { country: r.country }, 'papers']), dec(ctx, r.avg_citations, 1, ['papers.by_country', { country: r.country }, 'avg_citations']), int(ctx, r.top1, ['papers.by_country', { country: r.country }, 'top1'])]);
    return { ...head(ctx, 'papers-countries', [['rank', true], ['country', false], ['papers', true], ['avg_citations', true], ['top1', true]], { n: rows.length }), rows };
  },
};

/** Institutions by high-value patents, worldwide. */
const highValueInstitutions: TableDefinition = {
  id: 'high-value-institutions',
  scope: 'high-value',
  build(ctx) {
    const list = topBy(family(ctx.metrics.patents, 'patents').by_assignee as never, 'high_value', TOP) as unknown as { institution_id: string; name_zh: string; name_en: string; country: string; high_value: number; patents: number }[];
    const all = family(ctx.metrics.patents, 'patents').by_assignee as never;
    const rows = list.map((r) => [rank(ctx, all, 'institution_id', r.institution_id, 'high_value'), name(ctx, r), country(ctx, r.country), int(ctx, r.high_value, ['patents.by_assignee', { institution_id: r.institution_id }, 'high_value']), int(ctx, r.patents, ['patents.by_assignee', { institution_id: r.institution_id }, 'patents'])]);
    return { ...head(ctx, 'high-value-institutions', [['rank', true], ['institution', false], ['country', false], ['high_value', true], ['patents', true]], { n: rows.length }), rows };
  },
};

/** The home country's institutions by high-value patents (the first `size`). */
function homeHighValue(id: string, size: number): TableDefinition {
  return {
    id,
    scope: 'high-value',
    build(ctx) {
      const home = family(ctx.metrics.patents, 'patents').by_assignee.filter((r) => r.country === ctx.focus.home);
      const list = topBy(home as never, 'high_value', size) as unknown as typeof home;
      const rows = list.map((r) => [rank(ctx, home as never, 'institution_id', r.institution_id, 'high_value'), name(ctx, r), int(ctx, r.high_value, ['patents.by_assignee', { institution_id: r.institution_id }, 'high_value']), int(ctx, r.patents, ['patents.by_assignee', { institution_id: r.institution_id }, 'patents'])]);
      return { ...head(ctx, id, [['rank', true], ['institution', false], ['high_value', true], ['patents', true]], { n: rows.length, country: ctx.names.name(ctx.focus.home) }), rows };
    },
  };
}

/** Institutions by researchers, with their high-level researchers. */
const talentInstitutions: TableDefinition = {
  id: 'talent-institutions',
  scope: 'talent',
  build(ctx) {
    const list = family(ctx.metrics.talent, 'talent').by_institution;
    const rows = list.slice(0, TOP).map((r) => [rank(ctx, list as never, 'institution_id', r.institution_id, 'scholars'), name(ctx, r), country(ctx, r.country), int(ctx, r.scholars, ['talent.by_institution', { institution_id: r.institution_id }, 'scholars']), int(ctx, r.high_level, ['talent.by_institution', { institution_id: r.institution_id }, 'high_level']), rank(ctx, list as never, 'institution_id', r.institution_id, 'high_level')]);
    return { ...head(ctx, 'talent-institutions', [['rank', true], ['institution', false], ['country', false], ['scholars', true], ['high_level', true], ['high_level_rank', true]], { n: rows.length }), rows };
  },
};

/** The world's leading research teams: editorial content (locales/<locale>/content.json "teams"). */
const researchTeams: TableDefinition = {
  id: 'research-teams',
  scope: 'editorial',
  build(ctx) {
    const teams = ctx.t.object('content:teams') as Record<string, { name: string; institution: string; country: string; fields: string }>;
    const rows = Object.values(teams).map((team, i) => [ctx.trace.add(String(i + 1), i + 1, 'table'), team.name, team.institution, country(ctx, team.country), team.fields]);
    return { ...head(ctx, 'research-teams', [['number', true], ['team', false], ['institution', false], ['country', false], ['fields', false]], { n: rows.length }), rows };
  },
};

export const TABLES: readonly TableDefinition[] = [
  papersCountries,
  highValueInstitutions,
  homeHighValue('home-high-value-top5', 5),
  homeHighValue('home-high-value-institutions', TOP),
  talentInstitutions,
  researchTeams,
  // Chapter 3 repeats the key points' talent tables in full.
  { ...talentInstitutions, id: 'ch3-talent-institutions' },
  { ...researchTeams, id: 'ch3-research-teams' },
  homeTalentInstitutions,
  frontierTopics,
  directionsKeywords,
];
