/**
 * The table of contents: chapter and section headings, each a link (so the PDF gets named
 * destinations to read page numbers back from, and the web edition gets working anchors). Page numbers
 * go into fixed-width boxes, so filling them in after the first print changes no line break.
 */
import { htmlAttr, htmlText, urlAttr } from '../base/escape.ts';
import type { Heading } from './outline.ts';

export const TOC_LEVELS = 2;

export function tocHtml(headings: readonly Heading[], title: string): string {
  const items = headings
    .filter((h) => h.level <= TOC_LEVELS)
    .map(
      (h) =>
        `<li class="toc-${h.level}"><a href="${urlAttr(`#${h.id}`)}"><span class="toc-text">${h.html}</span>` +
        `<span class="toc-leader" aria-hidden="true"></span><span class="toc-page" data-target="${htmlAttr(h.id)}"></span></a></li>`,
    )
    .join('\n');
  return `<nav class="toc" aria-labelledby="toc-title">\n<h1 id="toc-title" class="toc-title">${htmlText(title)}</h1>\n<ol>\n${items}\n</ol>\n</nav>`;
}
