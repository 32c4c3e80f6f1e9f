/** Markup of the chapters stage (markdown with escaped values) as the plain text a reader sees. */
import { renderMarkdownInline } from './markup.ts';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes numeric and the common named character references. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return ENTITIES[ref.toLowerCase()] ?? all;
  });
}

/** A message's output (inline markdown) as plain text: links keep their label, footnote marks go. */
export function markupToText(markup: string): string {
  const html = renderMarkdownInline(markup.replace(/\[\^[^\]\s]+\]/g, ''));
  return decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}
