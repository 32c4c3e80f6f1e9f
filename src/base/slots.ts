/**
 * The numbers of an edition's figures and tables (in order of their first call in the chapters) and
 * the markers they leave in chapter HTML, where the HTML stage puts them: shared by the chapters,
 * figures, tables and HTML stages.
 */
import type { EditionContent } from './content.ts';
import type { Edition, TopicGroups, Focus } from './edition.ts';
import type { YamlSource } from './yaml.ts';

/**
 * Figure id → its number, in order of first `{{figure "id"}}` across the chapters; it carries the
 * edition's focus countries to the figures that compare them.
 */
export type FigureNumbers = ReadonlyMap<string, number> & {
  readonly focus: Focus;
  readonly content?: EditionContent;
  /** The edition's figures.yaml and topic groups, for the figures stage. */
  readonly figures?: YamlSource;
  readonly topics?: TopicGroups;
};

const FIGURE_CALL = /\{\{\s*figure\s+"([a-z0-9-]+)"\s*\}\}/g;
const TABLE_CALL = /\{\{\s*table\s+"([a-z0-9-]+)"\s*\}\}/g;

function numberCalls(edition: Edition, call: RegExp): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const chapter of edition.chapters) {
    for (const match of chapter.text.matchAll(call)) if (!numbers.has(match[1]!)) numbers.set(match[1]!, numbers.size + 1);
  }
  return numbers;
}

export function numberFigures(edition: Edition): FigureNumbers {
  return Object.assign(numberCalls(edition, FIGURE_CALL), { focus: edition.focus, content: edition.content ?? {} }, edition.figures ? { figures: edition.figures } : {}, edition.topics ? { topics: edition.topics } : {});
}

export function numberTables(edition: Edition): ReadonlyMap<string, number> {
  return numberCalls(edition, TABLE_CALL);
}

/** The marker a figure leaves in chapter HTML; the HTML stage puts the figure there. */
export const figureSlot = (id: string) => `<p>@@figure:${id}@@</p>`;

/** The marker a table leaves in chapter HTML; the HTML stage puts the table there (src/tables builds it). */
export const tableSlot = (id: string) => `<p>@@table:${id}@@</p>`;
