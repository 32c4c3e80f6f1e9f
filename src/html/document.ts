/**
 * HTML stage: chapters and figures of one locale → one self-contained HTML document (inline CSS,
 * inline SVG, the font chunks it uses embedded as data URLs). The same document is published as the
 * HTML edition and printed to PDF:
 *
 *   cover │ contents │ chapter … chapter │ back cover
 *
 * Each chapter prints on its own named page, whose margin boxes carry the running head (chapter and
 * report title): Chromium has no string-set, but a named page per chapter gives the same result.
 */
import type { RenderedChapter } from '../chapters/render.ts';
import { figureSlot } from '../base/slots.ts';
import { cssString, htmlAttr, htmlText, urlAttr } from '../base/escape.ts';
import { renderMarkdownInline } from '../base/markup.ts';
import type { RenderedFigure } from '../figures/render.ts';
import type { RenderedTable } from '../tables/types.ts';
import type { FontFace } from '../fonts/fontsource.ts';
import { documentFaces } from '../fonts/families.ts';
import { typesetEnglishHtml, typesetEnglishText } from './typography.ts';
import type { Locale } from '../base/yaml.ts';
import { anchorHeadings, type Heading } from './outline.ts';
import { downloadLink } from '../base/csv.ts';
import { chapterPageCss, stylesheet } from './styles.ts';
import { placeTables } from './tables.ts';
import { tocHtml, tocMenuHtml } from './toc.ts';

/** Plain-text parts of the document that do not come from chapters. */
export interface DocumentText {
  readonly title: string;
  /** Lines under the title on the cover (edition, data source, date of the data). */
  readonly coverLines: readonly string[];
  readonly contents: string;
  /** Lines on the back cover. */
  readonly backLines: readonly string[];
}

export interface DocumentInput {
  readonly locale: Locale;
  readonly text: DocumentText;
  readonly chapters: readonly RenderedChapter[];
  readonly figures: readonly RenderedFigure[];
  /** The tables the chapters place, and the label of their CSV link (src/tables). */
  readonly tables?: { readonly list: readonly RenderedTable[]; readonly downloadLabel: string };
  /** Link to the other language's edition: its label (plain text) and relative URL. */
  readonly otherEdition: { readonly label: string; readonly href: string; readonly lang: Locale } | null;
}

export interface BuiltDocument {
  /** The self-contained document (fonts as data URLs): the single-file HTML edition and the PDF's source. */
  readonly html: string;
  readonly headings: readonly Heading[];
  /** The font chunks the document uses. */
  readonly faces: readonly FontFace[];
  /**
   * The same document for a web folder: each font chunk a separate file at `href(face)`, declared
   * with its unicode-range so that a browser fetches only the chunks the page's text needs.
   */
  webHtml(href: (face: FontFace) => string): string;
}

/** A font chunk's file name in a web folder (the package's own, e.g. noto-sans-sc-119-400-normal.woff2). */
export const fontFileName = (face: FontFace): string => face.file.split(/[\\/]/).pop()!;

export interface FontLoader {
  /** The font file's bytes (woff2). */
  read(face: FontFace): Uint8Array;
}

export const HTML_LANG: Record<Locale, string> = { zh: 'zh-Hans', en: 'en' };

/**
 * The Content-Security-Policy of both editions, a second wall behind the escaping: the document ships
 * no script, so none may run (not even one that escaping missed); fonts and images come from data:
 * URLs only; styles are inline; nothing is fetched, no form sent, no base URL changed. (A policy in a
 * meta element cannot set frame-ancestors or sandbox; a server publishing the edition can add those.)
 */
export const DOCUMENT_CSP = "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'";

/** The web folder's policy: the same, but fonts are the folder's own files (same origin), fetched by unicode-range. */
export const WEB_CSP = DOCUMENT_CSP.replace('font-src data:', "font-src 'self'");

/**
 * The chart as printed (and shown on wider screens), and the chart drawn for a phone, shown instead on
 * narrow screens (styles.ts). A chart that cannot be drawn narrow is shown there enlarged to its
 * `--narrow-width`, scrolling in its box: the box can take the keyboard's focus and is named after
 * the figure.
 */
function chartHtml(figure: RenderedFigure): string {
  if ('scrollWidth' in figure.narrow) {
    const width = `--narrow-width:${figure.narrow.scrollWidth}px`;
    return `<div class="chart chart-page chart-scroll" style="${htmlAttr(width)}" tabindex="0" role="region" aria-label="${htmlAttr(figure.label)}">${figure.svg}</div>`;
  }
  return `<div class="chart chart-page">${figure.svg}</div><div class="chart chart-narrow">${figure.narrow.svg}</div>`;
}

export function figureHtml(figure: RenderedFigure): string {
  const notes = figure.notes.map((n) => `<p class="note">${renderMarkdownInline(n)}</p>`).join('');
  return (
    `<figure id="${htmlAttr(`fig-${figure.id}`)}" data-number="${figure.number}">` +
    chartHtml(figure) +
    `<figcaption><span class="label">${htmlText(figure.label)}</span>${renderMarkdownInline(figure.caption)}</figcaption>` +
    notes +
    downloadLink(figure.download.file, figure.download.label, figure.download.csv) +
    `</figure>`
  );
}

function coverHtml(text: DocumentText, other: DocumentInput['otherEdition']): string {
  const lines = text.coverLines.map((l) => `<p class="cover-line">${htmlText(l)}</p>`).join('');
  const link = other
    ? `<p class="edition-links"><a href="${urlAttr(other.href)}" hreflang="${htmlAttr(HTML_LANG[other.lang])}" lang="${htmlAttr(HTML_LANG[other.lang])}">${htmlText(other.label)}</a></p>`
    : '';
  return `<header class="cover"><div class="cover-band"><p class="cover-title">${htmlText(text.title)}</p>${lines}</div>${link}</header>`;
}

export function buildDocument(input: DocumentInput, fonts: FontLoader): BuiltDocument {
  const byId = new Map(input.figures.map((f) => [f.id, f]));
  const { chapters, headings } = anchorHeadings(input.chapters);
  // English prose gets its quotes, apostrophes and dashes here, once for the whole document.
  const english = input.locale === 'en';
  const setHtml = english ? typesetEnglishHtml : (html: string) => html;
  const setText = english ? typesetEnglishText : (text: string) => text;
  const body = setHtml([
    coverHtml(input.text, input.otherEdition),
    tocMenuHtml(headings, input.text.contents),
    tocHtml(headings, input.text.contents),
    '<main>',
    ...chapters.map((c, i) => {
      let html = c.html;
      for (const [id, figure] of byId) html = html.replace(figureSlot(id), figureHtml(figure));
      if (input.tables) html = placeTables(html, input.tables.list, input.tables.downloadLabel);
      return `<section class="chapter chapter-${i + 1}" id="${htmlAttr(`ch-${c.id}`)}">\n${html}</section>`;
    }),
    '</main>',
    `<footer class="back-cover">${input.text.backLines.map((l) => `<p>${htmlText(l)}</p>`).join('')}</footer>`,
  ].join('\n'));
  const chapterTitles = chapters.map((c) => setText(headings.find((h) => h.chapter === c.id && h.level === 1)?.text ?? ''));
  const css = stylesheet() + chapterPageCss(chapterTitles, setText(input.text.title));
  // Digits are always needed: the page numbers in the print margin use them.
  const faces = documentFaces(`${body}${css}0123456789`, input.locale);
  const page = (csp: string, fontCss: string) =>
    [
      '<!DOCTYPE html>',
      `<html lang="${HTML_LANG[input.locale]}">`,
      '<head>',
      '<meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="${htmlAttr(csp)}">`,
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${htmlText(setText(input.text.title))}</title>`,
      `<style>\n${fontCss}${css}</style>`,
      '</head>',
      `<body>\n${body}\n</body>`,
      '</html>',
      '',
    ].join('\n');
  const html = page(DOCUMENT_CSP, fontFaceCss(faces, (face) => `url(data:font/woff2;base64,${Buffer.from(fonts.read(face)).toString('base64')})`));
  return { html, headings, faces, webHtml: (href) => page(WEB_CSP, fontFaceCss(faces, (face) => `url(${cssString(href(face))})`)) };
}

/** `src` gives each chunk's source: `url(data:…)` (base64 needs no quoting) or a file's `url("…")`. */
function fontFaceCss(faces: readonly FontFace[], src: (face: FontFace) => string): string {
  return faces
    .map((face) => {
      const range = face.ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(',');
      return `@font-face{font-family:'${face.family}';font-style:normal;font-weight:${face.weight};font-display:block;src:${src(face)} format('woff2');unicode-range:${range};}\n`;
    })
    .join('');
}
