/**
 * Headings get stable ids (chapter id, then a running number), which the TOC, the PDF outline, the
 * running heads and the web edition's links all use.
 */
import { htmlAttr } from '../base/escape.ts';
import type { RenderedChapter } from '../chapters/render.ts';

export interface Heading {
  readonly level: number;
  readonly id: string;
  /** Inner HTML of the heading. */
  readonly html: string;
  /** Plain text of the heading. */
  readonly text: string;
  readonly chapter: string;
}

export function anchorHeadings(chapters: readonly RenderedChapter[]): { chapters: RenderedChapter[]; headings: Heading[] } {
  const headings: Heading[] = [];
  const anchored = chapters.map((chapter) => {
    let n = 0;
    const html = chapter.html.replace(/<h([1-6])(\s[^>]*)?>([\s\S]*?)<\/h\1>/g, (_, level: string, attrs: string | undefined, inner: string) => {
      const own = attrs ? /\sid="([^"]+)"/.exec(attrs)?.[1] : undefined;
      const id = own ?? (n === 0 ? chapter.id : `${chapter.id}-${n}`);
      n++;
      headings.push({ level: Number(level), id, html: inner, text: textOf(inner), chapter: chapter.id });
      return own ? `<h${level}${attrs}>${inner}</h${level}>` : `<h${level} id="${htmlAttr(id)}"${attrs ?? ''}>${inner}</h${level}>`;
    });
    return { ...chapter, html };
  });
  return { chapters: anchored, headings };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text of an HTML fragment: tags dropped, character references decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
    )
    .trim();
}
