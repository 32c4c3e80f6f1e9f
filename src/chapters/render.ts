/**
 * Chapters stage: (edition templates, metrics, locale) → chapter HTML with figure slots.
 * A template is markdown with Handlebars expressions; every sentence comes from the locale through
 * `{{t …}}` and every number through a helper. Figures are numbered in order of appearance across the
 * whole edition, so numbering and references are always right and the same in both locales.
 */
import { ReportError } from '../errors.ts';
import type { MetricsDocument } from '../metrics/document.ts';
import { createHandlebars, defineHelper } from './handlebars.ts';
import { registerHelpers } from './helpers.ts';
import type { Translator } from './i18n.ts';
import type { CountryNames } from './countries.ts';
import { renderMarkdown } from './markup.ts';
import { MissingMetricError, strictData } from './strict-data.ts';
import type { ChapterSource, Edition } from './edition.ts';

export interface RenderedChapter {
  readonly id: string;
  readonly html: string;
}

/** Figure id → its number, in order of first `{{figure "id"}}` across the chapters. */
export type FigureNumbers = ReadonlyMap<string, number>;

const FIGURE_CALL = /\{\{\s*figure\s+"([a-z0-9-]+)"\s*\}\}/g;

export function numberFigures(edition: Edition): FigureNumbers {
  const numbers = new Map<string, number>();
  for (const chapter of edition.chapters) {
    for (const match of chapter.text.matchAll(FIGURE_CALL)) if (!numbers.has(match[1]!)) numbers.set(match[1]!, numbers.size + 1);
  }
  return numbers;
}

/** The marker a figure leaves in chapter HTML; the HTML stage puts the figure there. */
export const figureSlot = (id: string) => `<p>@@figure:${id}@@</p>`;

export function renderChapters(
  edition: Edition,
  metrics: MetricsDocument,
  t: Translator,
  names: CountryNames,
  figures: FigureNumbers,
): RenderedChapter[] {
  const data = strictData(metrics);
  return edition.chapters.map((chapter) => ({ id: chapter.id, html: renderChapter(chapter, data, t, names, figures) }));
}

function renderChapter(chapter: ChapterSource, metrics: MetricsDocument, t: Translator, names: CountryNames, figures: FigureNumbers): string {
  const hb = createHandlebars();
  registerHelpers(hb, t, names);
  const number = (id: string) => {
    const n = figures.get(id);
    if (n === undefined) throw ReportError.of('figure.unknown', { id, known: [...figures.keys()] });
    return n;
  };
  defineHelper(hb, 'figure', ([id]) => new hb.SafeString(`\n\n@@figure:${number(id as string)}:${id as string}@@\n\n`));
  defineHelper(hb, 'ref', ([id]) => t.t('figure.label', { n: number(id as string) }));
  try {
    const markdown = hb.compile(chapter.text, { strict: true })(metrics);
    return renderMarkdown(markdown, chapter.id).replace(/<p>@@figure:\d+:([a-z0-9-]+)@@<\/p>/g, (_, id: string) => figureSlot(id));
  } catch (error) {
    throw locate(chapter, error);
  }
}

/** Turns a Handlebars or helper error into one naming `template:line:column`. */
function locate(chapter: ChapterSource, error: unknown): unknown {
  const file = chapter.file;
  if (error instanceof MissingMetricError) {
    const at = findPath(chapter.text, error.path);
    return ReportError.of('template.error', { file, line: at.line, column: at.column, detail: error.message }, error);
  }
  const e = error as { message?: string; lineNumber?: number; column?: number; hash?: { loc?: { first_line: number; first_column: number } } };
  const line = e.lineNumber ?? e.hash?.loc?.first_line ?? 0;
  const column = e.column ?? e.hash?.loc?.first_column ?? 0;
  const detail = (e.message ?? String(error)).split('\n')[0]!.replace(/ - \d+:\d+$/, '');
  return ReportError.of('template.error', { file, line, column: column + 1, detail }, error);
}

/** Where a metric path is written in a template (first occurrence), for errors raised outside helpers. */
function findPath(text: string, path: string): { line: number; column: number } {
  const dotted = path.replace(/\.(\d+)(?=\.|$)/g, '.[$1]');
  const index = Math.max(text.indexOf(dotted), text.indexOf(path));
  if (index < 0) return { line: 0, column: 0 };
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
