/**
 * Figures and tables put in a chapter's HTML, at the slots its template left (base/slots.ts).
 *
 * This once was one replace over the chapter per figure of the edition, then one per table: with
 * every figure's SVG already in, each pass copied the whole chapter again, some 300 copies of a few
 * hundred KB per locale, most of the document stage's time, and the preview paid it at every edit.
 * Here one scan finds the slots and the chapter is joined once. The result is the same: a figure
 * fills the first slot with its id (as `replace` did), a table every slot with its id (`replaceAll`).
 */
import type { PageFigure } from '../figures/render.ts';
import type { RenderedTable } from '../tables/types.ts';
import { figureSlot } from '../base/slots.ts';
import { placeTables, tableHtml } from './tables.ts';

/** The edition's tables and the label of their download link, as the slots take them. */
export type SlotTables = { readonly list: readonly RenderedTable[]; readonly downloadLabel: string };

const SLOT = /<p>@@(figure|table):([^@<]+)@@<\/p>/g;

export function placeSlots(
  html: string,
  figures: ReadonlyMap<string, PageFigure>,
  figureHtml: (figure: PageFigure) => string,
  tables: SlotTables | undefined,
): string {
  const tableById = new Map((tables?.list ?? []).map((t) => [t.id, t]));
  const placed = new Set<string>();
  let special = false;
  const out = html.replace(SLOT, (slot, kind: string, id: string) => {
    if (kind === 'figure') {
      const figure = figures.get(id);
      if (!figure || placed.has(id)) return slot;
      placed.add(id);
      const markup = figureHtml(figure);
      // `replace` with a string read "$&", "$`", "$'" and "$$" in it: such a figure goes the old way.
      if (/\$[$&`']/.test(markup)) special = true;
      return markup;
    }
    const table = tables && tableById.get(id);
    return table ? tableHtml(table, tables.downloadLabel) : slot;
  });
  return special ? placeOneByOne(html, figures, figureHtml, tables) : out;
}

/** The slots filled figure by figure, then table by table: what placeSlots gives, the slow way. */
export function placeOneByOne(
  html: string,
  figures: ReadonlyMap<string, PageFigure>,
  figureHtml: (figure: PageFigure) => string,
  tables: SlotTables | undefined,
): string {
  for (const [id, figure] of figures) html = html.replace(figureSlot(id), figureHtml(figure));
  return tables ? placeTables(html, tables.list, tables.downloadLabel) : html;
}
