/**
 * A numbered chapter's opener: in print a page of its own (no running head) with the chapter's
 * label set large ("第一章" / "Chapter 1"), its title, a short rule and the list of its numbered
 * sections; on screen only the heading, its label in small type above the title (styles in
 * opener-styles.ts). Front matter and appendices have no opener: they start on a new page as text.
 */
import type { Heading } from './outline.ts';

/** The chapter's HTML with its first heading wrapped in an opener, when the chapter is numbered. */
export function withOpener(html: string, chapterId: string, headings: readonly Heading[]): string {
  const own = headings.filter((h) => h.chapter === chapterId);
  const title = own[0];
  if (!title || title.level !== 1 || !title.html.startsWith('<span class="heading-number">')) return html;
  const sections = own.filter((h) => h.level === 2);
  const list = sections.length ? `<ol class="opener-contents">${sections.map((h) => `<li>${h.html}</li>`).join('')}</ol>` : '';
  return html.replace(/<h1[\s>][\s\S]*?<\/h1>/, (h1) => `<div class="opener">${h1}<hr class="opener-rule">${list}</div>`);
}
