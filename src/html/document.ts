/**
 * HTML stage: chapters and figures of one locale → one self-contained HTML document (inline CSS,
 * inline SVG, the font chunks it uses embedded as data URLs). The same document is published as the
 * HTML edition and printed to PDF.
 */
import type { RenderedChapter } from '../chapters/render.ts';
import { figureSlot } from '../chapters/render.ts';
import { escapeHtml, renderMarkdownInline } from '../chapters/markup.ts';
import type { RenderedFigure } from '../figures/render.ts';
import { FONT_FAMILY, facesFor, type FontFace } from '../fonts/fontsource.ts';
import type { Locale } from '../load/yaml.ts';
import { stylesheet } from './styles.ts';

export interface DocumentInput {
  readonly locale: Locale;
  /** Plain text. */
  readonly title: string;
  readonly chapters: readonly RenderedChapter[];
  readonly figures: readonly RenderedFigure[];
  /** Link to the other language's edition: its label (plain text) and relative URL. */
  readonly otherEdition: { readonly label: string; readonly href: string; readonly lang: Locale } | null;
}

export interface FontLoader {
  /** The font file's bytes (woff2). */
  read(face: FontFace): Uint8Array;
}

const HTML_LANG: Record<Locale, string> = { zh: 'zh-Hans', en: 'en' };

export function figureHtml(figure: RenderedFigure): string {
  const notes = figure.notes.map((n) => `<p class="note">${renderMarkdownInline(n)}</p>`).join('');
  return (
    `<figure id="fig-${figure.id}" data-number="${figure.number}">` +
    `<div class="chart">${figure.svg}</div>` +
    `<figcaption><span class="label">${escapeHtml(figure.label)}</span>${renderMarkdownInline(figure.caption)}</figcaption>` +
    notes +
    `</figure>`
  );
}

export function buildDocument(input: DocumentInput, fonts: FontLoader): string {
  const byId = new Map(input.figures.map((f) => [f.id, f]));
  const chapters = input.chapters
    .map((c) => {
      let html = c.html;
      for (const [id, figure] of byId) html = html.replace(figureSlot(id), figureHtml(figure));
      return `<section class="chapter" id="ch-${c.id}">\n${html}</section>`;
    })
    .join('\n');
  const other = input.otherEdition
    ? `<p class="edition-links"><a href="${escapeHtml(input.otherEdition.href)}" hreflang="${HTML_LANG[input.otherEdition.lang]}" lang="${HTML_LANG[input.otherEdition.lang]}">${escapeHtml(input.otherEdition.label)}</a></p>`
    : '';
  const body = `<header class="title-block"><p class="title">${escapeHtml(input.title)}</p>${other}</header>\n<main>\n${chapters}\n</main>`;
  // Digits are always needed: the page numbers in the print margin use them.
  const faces = facesFor(`${input.title}${body}0123456789`);
  return [
    '<!DOCTYPE html>',
    `<html lang="${HTML_LANG[input.locale]}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>\n${fontFaceCss(faces, fonts)}${stylesheet()}</style>`,
    '</head>',
    `<body>\n${body}\n</body>`,
    '</html>',
    '',
  ].join('\n');
}

function fontFaceCss(faces: readonly FontFace[], fonts: FontLoader): string {
  return faces
    .map((face) => {
      const data = Buffer.from(fonts.read(face)).toString('base64');
      const range = face.ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(',');
      return `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:${face.weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range};}\n`;
    })
    .join('');
}
