/**
 * Section numbering, generated from the heading levels by a scheme the locale declares
 * (`locales/shared/<locale>/document.json`, `numbering`), so that the headings, the contents, the PDF
 * bookmarks (Chromium takes them from the headings' text) and the running heads all print the same
 * numbers. A pattern's `{k}` is the counter of heading level k (1 the chapter), `{k:cjk}` the same in
 * Chinese numerals (一 … 九十九), `{k:roman}` in Roman numerals; text after the number's last
 * non-space character is the separator before the title.
 *
 * The edition decides which chapters are numbered: front matter (`front: true`) is not, appendices are
 * numbered apart (their title carries "附录 I" already; their sections follow `appendix_sections`), and
 * every other chapter is numbered 1, 2 … in order. A heading that prints its own number ("趋势一：…",
 * marked by the template with `{{ownNumber}}`) is neither numbered nor counted.
 */
import type { ChapterSource } from '../base/edition.ts';
import { htmlAttr, htmlText } from '../base/escape.ts';
import { roman } from '../base/format.ts';
import type { Translator } from '../base/i18n.ts';
import { OWN_NUMBER_ATTR, type RenderedChapter } from '../chapters/render.ts';

export interface NumberingScheme {
  /** The chapter's label: "第{1:cjk}章" / "Chapter {1}". */
  readonly chapter: string;
  /** Between the chapter's label and its title in one line (contents, bookmarks, running heads). */
  readonly chapterSeparator: string;
  /** Patterns for heading levels 2, 3 … of a numbered chapter; deeper levels are not numbered. */
  readonly sections: readonly string[];
  /** The same for an appendix, whose `{1}` is the appendix's number. */
  readonly appendixSections: readonly string[];
}

/** How one chapter is numbered: as chapter n, as appendix n, or not at all (front matter). */
export type ChapterNumbering = { readonly kind: 'chapter'; readonly n: number } | { readonly kind: 'appendix'; readonly n: number } | { readonly kind: 'none' };

/** What the document needs to know of each chapter beyond its HTML. */
export interface ChapterPlan {
  readonly id: string;
  readonly numbering: ChapterNumbering;
  /** The chapter's short title for the running head, when the edition gives one. */
  readonly runningHead?: string;
}

export function readNumberingScheme(t: Translator): NumberingScheme {
  const list = (key: string) => {
    const value = t.object(key);
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new Error(`${key}: expected a list of patterns`);
    return value as string[];
  };
  return {
    chapter: t.text('document:numbering.chapter'),
    chapterSeparator: t.text('document:numbering.chapter_separator'),
    sections: list('document:numbering.sections'),
    appendixSections: list('document:numbering.appendix_sections'),
  };
}

/** The edition's chapters, each with its numbering and running-head title. */
export function chapterPlans(chapters: readonly ChapterSource[], t: Translator): ChapterPlan[] {
  let n = 0;
  return chapters.map((c) => ({
    id: c.id,
    numbering: c.appendix ? { kind: 'appendix', n: c.appendix } : c.front ? { kind: 'none' } : { kind: 'chapter', n: ++n },
    ...(c.runningHead ? { runningHead: t.text(c.runningHead) } : {}),
  }));
}

const CJK_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (beyond that, digits). */
export function cjkNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${CJK_DIGITS[tens]}十`}${CJK_DIGITS[ones]}`;
}

/** A pattern with the counters filled in, split into the number and the separator after it. */
export function formatNumber(pattern: string, counters: readonly number[]): { label: string; separator: string } {
  const filled = pattern.replace(/\{(\d)(?::(cjk|roman))?\}/g, (_, k: string, style: string | undefined) => {
    const value = counters[Number(k) - 1] ?? 0;
    return style === 'cjk' ? cjkNumber(value) : style === 'roman' ? roman(value) : String(value);
  });
  const label = filled.trimEnd();
  return { label, separator: filled.slice(label.length) };
}

/** The chapter's label ("第一章" / "Chapter 1"), or null for a chapter that is not numbered this way. */
export function chapterLabel(scheme: NumberingScheme, numbering: ChapterNumbering): string | null {
  return numbering.kind === 'chapter' ? formatNumber(scheme.chapter, [numbering.n]).label : null;
}

// The separator has its own span: the print's chapter opener sets the label on a line of its own and drops it.
const numberHtml = (label: string, separator: string) => `<span class="heading-number">${htmlText(label)}</span><span class="heading-sep">${htmlText(separator)}</span>`;

/** Every heading of the chapter with its number in front (a `heading-number` span), per the scheme. */
export function numberChapter(chapter: RenderedChapter, plan: ChapterNumbering, scheme: NumberingScheme): RenderedChapter {
  if (plan.kind === 'none') return chapter;
  const patterns = plan.kind === 'chapter' ? scheme.sections : scheme.appendixSections;
  const counters = [plan.n];
  const html = chapter.html.replace(/<h([1-6])((?:\s[^>]*)?)>/g, (tag, levelText: string, attrs: string) => {
    const level = Number(levelText);
    if (attrs.includes(OWN_NUMBER_ATTR)) return tag;
    if (level === 1) {
      if (plan.kind !== 'chapter') return tag;
      return `${tag}${numberHtml(chapterLabel(scheme, plan)!, scheme.chapterSeparator)}`;
    }
    const pattern = patterns[level - 2];
    if (pattern === undefined) return tag;
    counters[level - 1] = (counters[level - 1] ?? 0) + 1;
    counters.length = level; // a new section restarts the counts below it
    const { label, separator } = formatNumber(pattern, counters);
    return `<h${level}${attrs} data-number="${htmlAttr(label)}">${numberHtml(label, separator)}`;
  });
  return { ...chapter, html };
}
