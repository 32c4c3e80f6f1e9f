/**
 * Appendix II's table: the research directions of digital technology and the keywords that state
 * each one's scope, from the edition's content (`content/directions.yaml`, see
 * chapters/content-directions.ts). Caption and headers live in locales/<locale>/appendix.json.
 */
import type { Direction } from '../chapters/content-directions.ts';
import * as fmt from '../chapters/format.ts';
import type { TableContext, TableDefinition } from './types.ts';

const COLUMNS: [string, boolean][] = [['number', true], ['direction', false], ['keywords', false]];

/** The directions, or an error naming the content file the table needs. */
export function directionsOf(ctx: Pick<TableContext, 'content'>): readonly Direction[] {
  const directions = ctx.content.directions as readonly Direction[] | undefined;
  if (!directions) throw new Error('table "directions-keywords" needs the edition\'s content/directions.yaml');
  return directions;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const directionsKeywords: TableDefinition = {
  id: 'directions-keywords',
  scope: 'scope',
  build(ctx) {
    const locale = ctx.t.locale;
    const directions = directionsOf(ctx);
    const rows = directions.map((d, i) => [
      ctx.trace.add(String(i + 1), i + 1, 'table'),
      ctx.trace.add(locale === 'en' ? capitalise(d.name.en) : d.name.zh, null, 'table'),
      // A list of terms, not a sentence: "、" in Chinese, commas in English, no "and".
      ctx.trace.add(d.keywords[locale].join(locale === 'zh' ? '、' : ', '), null, 'table'),
    ]);
    const n = directions.length;
    const count = ctx.trace.add(locale === 'zh' ? fmt.numeral(locale, n) : fmt.cardinal(locale, n), n, 'table');
    return {
      caption: ctx.t.t('appendix:keywords.table.caption', { n: count }),
      columns: COLUMNS.map(([key, numeric]) => ({ label: ctx.t.text(`appendix:keywords.table.columns.${key}`), numeric })),
      rows,
    };
  },
};

