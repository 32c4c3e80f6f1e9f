/**
 * The table of contents: chapter and section headings, each a link (so the PDF gets named
 * destinations to read page numbers back from, and the web edition gets working anchors). Page numbers
 * go into fixed-width boxes, so filling them in after the first print changes no line break.
 */
import { htmlAttr, htmlText, urlAttr } from '../base/escape.ts';
import type { Heading } from './outline.ts';

export const TOC_LEVELS = 2;

/**
 * The contents as a menu for narrow screens, where the full list would stand between the cover and
 * the text: a <details> element, so it opens and closes without script. Hidden in print and on wide
 * screens, where the contents (tocHtml) are shown instead (styles.ts).
 */
export function tocMenuHtml(headings: readonly Heading[], title: string): string {
  const items = headings
    .filter((h) => h.level <= TOC_LEVELS)
    .map((h) => `<li class="toc-${h.level}"><a href="${urlAttr(`#${h.id}`)}">${h.html}</a></li>`)
    .join('\n');
  return `<details class="toc-menu"><summary>${htmlText(title)}</summary>\n<nav aria-label="${htmlAttr(title)}">\n<ol>\n${items}\n</ol>\n</nav>\n</details>`;
}

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
