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
import { placeSlots } from './place-slots.ts';
import { cssString, htmlAttr, htmlText, urlAttr } from '../base/escape.ts';
import { renderMarkdownInline } from '../base/markup.ts';
import type { PageFigure, RenderedFigure } from '../figures/render.ts';
import type { RenderedTable } from '../tables/types.ts';
import type { FontFace } from '../fonts/fontsource.ts';
import { documentFaces } from '../fonts/families.ts';
import { typesetEnglishHtml, typesetEnglishPiece, typesetEnglishText, type TypesetPieces } from './typography.ts';
import type { Locale } from '../base/yaml.ts';
import { anchorHeadings, textOf, type Heading } from './outline.ts';
import { downloadLink } from '../base/csv.ts';
import { chapterPageCss, stylesheet } from './styles.ts';
import { tocHtml, tocMenuHtml } from './toc.ts';
import { withOpener } from './opener.ts';
import { backCoverHtml, coverArtSvg, coverHtml, type CoverArt } from './cover.ts';
import { coverCss } from './cover-styles.ts';
import { openerCss } from './opener-styles.ts';
import { measureCss } from './measure-styles.ts';
import { folioCss, ROMAN_FRONT } from './folio.ts';
import { numberChapter, type ChapterPlan, type NumberingScheme } from './numbering.ts';

/** Plain-text parts of the document that do not come from chapters. */
export interface DocumentText {
  readonly title: string;
  /** Under the title on the cover. */
  readonly subtitle?: string;
  /** Lines under the title on the cover (edition, data source, date of the data). */
  readonly coverLines: readonly string[];
  readonly contents: string;
  /** Lines on the back cover: the colophon, the publisher first. */
  readonly backLines: readonly string[];
  /** Added to a table's caption where the print splits it across pages: "（续）" / " (continued)" (src/pdf/fill-pages.browser.js). */
  readonly continued?: string;
}

export interface DocumentInput {
  readonly locale: Locale;
  readonly text: DocumentText;
  readonly chapters: readonly RenderedChapter[];
  /** With their phone drawings, except for the print's document (`print`), which may do without. */
  readonly figures: readonly (RenderedFigure | PageFigure)[];
  /**
   * The PDF's source: each chart as printed only, without the phone's drawing and its scrolling box
   * (screen only, hidden in print), so that the print need not wait for the phone's drawings.
   */
  readonly print?: boolean;
  /** The tables the chapters place, and the label of their CSV link (src/tables). */
  readonly tables?: { readonly list: readonly RenderedTable[]; readonly downloadLabel: string };
  /** Link to the other language's edition: its label (plain text) and relative URL. */
  readonly otherEdition: { readonly label: string; readonly href: string; readonly lang: Locale } | null;
  /** Section numbering (src/html/numbering.ts): the locale's scheme and each chapter's place in it. */
  readonly numbering?: { readonly scheme: NumberingScheme; readonly plans: readonly ChapterPlan[] };
  /** The cover's picture, drawn from the metrics (cover.ts). */
  readonly coverArt?: CoverArt | null;
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
  /** The font file's bytes (woff2): the same for a file as long as the loader is used (they are kept encoded, below). */
  read(face: FontFace): Uint8Array;
}

/**
 * Each font chunk's base64, by loader and file: both locales embed many of the same chunks, and the
 * preview embeds them all again at every edit (a few MB of base64 each time).
 */
const encodedFonts = new WeakMap<FontLoader, Map<string, string>>();
function fontDataUrl(fonts: FontLoader, face: FontFace): string {
  let known = encodedFonts.get(fonts);
  if (!known) encodedFonts.set(fonts, (known = new Map()));
  let base64 = known.get(face.file);
  if (base64 === undefined) known.set(face.file, (base64 = Buffer.from(fonts.read(face)).toString('base64')));
  return `url(data:font/woff2;base64,${base64})`;
}

/** The embedded fonts' CSS (megabytes of base64), by loader and by the same CSS with file names for sources. */
const embeddedCss = new WeakMap<FontLoader, Map<string, string>>();
function embeddedFontCss(faces: readonly FontFace[], fonts: FontLoader): string {
  let known = embeddedCss.get(fonts);
  if (!known) embeddedCss.set(fonts, (known = new Map()));
  const key = fontFaceCss(faces, (face) => face.file);
  let css = known.get(key);
  if (css === undefined) {
    if (known.size >= 4) known.delete(known.keys().next().value!);
    known.set(key, (css = fontFaceCss(faces, (face) => fontDataUrl(fonts, face))));
  }
  return css;
}

/** A figure's markup, by figure, on screen and in print: the preview reuses unchanged figures (the same objects) at every edit. */
const figureMarkup = { screen: new WeakMap<PageFigure, string>(), print: new WeakMap<PageFigure, string>() };
type Medium = keyof typeof figureMarkup;

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
function chartHtml(figure: RenderedFigure | PageFigure, medium: Medium): string {
  if (medium === 'print') return `<div class="chart chart-page">${figure.svg}</div>`;
  if (!('narrow' in figure)) throw new Error(`figure ${figure.id}: the screen's document needs its phone drawing`);
  if ('scrollWidth' in figure.narrow) {
    const width = `--narrow-width:${figure.narrow.scrollWidth}px`;
    return `<div class="chart chart-page chart-scroll" style="${htmlAttr(width)}" tabindex="0" role="region" aria-label="${htmlAttr(figure.label)}">${figure.svg}</div>`;
  }
  return `<div class="chart chart-page">${figure.svg}</div><div class="chart chart-narrow">${figure.narrow.svg}</div>`;
}

export function figureHtml(figure: RenderedFigure | PageFigure, medium: Medium = 'screen'): string {
  const notes = figure.notes.map((n) => `<p class="note">${renderMarkdownInline(n)}</p>`).join('');
  return (
    `<figure id="${htmlAttr(`fig-${figure.id}`)}" data-number="${figure.number}"${figure.split ? ' class="split"' : ''}>` +
    chartHtml(figure, medium) +
    (figure.modelledKey ?? '') +
    `<figcaption><span class="label">${htmlText(figure.label)}</span>${renderMarkdownInline(figure.caption)}</figcaption>` +
    notes +
    downloadLink(figure.download.file, figure.download.label, figure.download.csv) +
    `</figure>`
  );
}

/** An English figure set on its own (null: it must be set in place), by figure. */
const figureSet = { screen: new WeakMap<PageFigure, string | null>(), print: new WeakMap<PageFigure, string | null>() };

/** The figures of one English document set apart: each placed as a mark, `<\u0000i>`. */
class SetApart implements TypesetPieces {
  readonly raw: string[] = [];
  private readonly figures: PageFigure[] = [];

  constructor(private readonly medium: Medium) {}

  mark(figure: PageFigure): string {
    this.figures.push(figure);
    return `<\u0000${this.raw.push(placedFigure(figure, this.medium)) - 1}>`;
  }

  set(i: number): string | null {
    const figure = this.figures[i]!;
    let set = figureSet[this.medium].get(figure);
    if (set === undefined) figureSet[this.medium].set(figure, (set = typesetEnglishPiece(this.raw[i]!)));
    return set;
  }

  /** True when the body holds no NUL but the marks: else a mark could be mistaken. */
  marksIn(body: string): boolean {
    let n = 0;
    for (let at = body.indexOf('\u0000'); at !== -1; at = body.indexOf('\u0000', at + 1)) n++;
    return n === this.raw.length;
  }
}

function placedFigure(figure: PageFigure, medium: Medium): string {
  let html = figureMarkup[medium].get(figure);
  if (html === undefined) figureMarkup[medium].set(figure, (html = figureHtml(figure, medium)));
  return html;
}

export function buildDocument(input: DocumentInput, fonts: FontLoader): BuiltDocument {
  const byId = new Map<string, PageFigure>(input.figures.map((f) => [f.id, f]));
  const medium: Medium = input.print ? 'print' : 'screen';
  const place = (figure: PageFigure) => placedFigure(figure, medium);
  const numbering = input.numbering;
  const plans = new Map((numbering?.plans ?? []).map((p) => [p.id, p]));
  const numbered = numbering ? input.chapters.map((c) => numberChapter(c, plans.get(c.id)?.numbering ?? { kind: 'none' }, numbering.scheme)) : input.chapters;
  const { chapters, headings } = anchorHeadings(numbered);
  // English prose gets its quotes, apostrophes and dashes here, once for the whole document.
  const english = input.locale === 'en';
  const setText = english ? typesetEnglishText : (text: string) => text;
  // The body's first page: the first numbered chapter's (its opener); before it, the front matter (folio.ts).
  const bodyHeading = headings.find((h) => h.level === 1 && h.html.startsWith('<span class="heading-number">'));
  const bodyChapter = bodyHeading ? chapters.findIndex((c) => c.id === bodyHeading.chapter) : -1;
  const toc = tocHtml(headings, input.text.contents);
  // English figures are set apart, each once (typography.ts: TypesetPieces): the body is set with a
  // mark in each figure's place, and its charts are not stepped through again at every build.
  const apart = english && ![...byId.values()].some((f) => /\$[$&`']/.test(place(f))) ? new SetApart(medium) : null;
  const assemble = (placeFigure: (figure: PageFigure) => string) => [
    coverHtml({ title: input.text.title, ...(input.text.subtitle ? { subtitle: input.text.subtitle } : {}), lines: input.text.coverLines }, input.coverArt ? coverArtSvg(input.coverArt) : '', input.otherEdition ? { ...input.otherEdition, lang: HTML_LANG[input.otherEdition.lang] } : null),
    tocMenuHtml(headings, input.text.contents),
    ROMAN_FRONT[input.locale] && bodyHeading ? toc.replace('<nav class="toc"', `<nav class="toc" data-body-start="${htmlAttr(bodyHeading.id)}"`) : toc,
    input.text.continued ? `<main data-continued="${htmlAttr(input.text.continued)}">` : '<main>',
    ...chapters.map((c, i) => {
      let html = withOpener(c.html, c.id, headings);
      html = placeSlots(html, byId, placeFigure, input.tables);
      return `<section class="chapter chapter-${i + 1}" id="${htmlAttr(`ch-${c.id}`)}">\n${html}</section>`;
    }),
    '</main>',
    backCoverHtml(input.text.backLines),
  ].join('\n');
  const unset = assemble(apart ? (f) => apart.mark(f) : place);
  const body = !english ? unset : apart && apart.marksIn(unset) ? typesetEnglishHtml(unset, apart) : typesetEnglishHtml(apart ? assemble(place) : unset);
  const chapterTitles = chapters.map((c) => setText(runningHead(headings.find((h) => h.chapter === c.id && h.level === 1), plans.get(c.id))));
  const css = stylesheet() + coverCss() + openerCss() + measureCss() + folioCss(input.locale, chapters.map((_, i) => i + 1).slice(0, Math.max(0, bodyChapter)), bodyChapter >= 0 ? bodyChapter + 1 : null) + chapterPageCss(chapterTitles, setText(input.text.title));
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
  const html = page(DOCUMENT_CSP, embeddedFontCss(faces, fonts));
  // The headings' texts as printed (curly quotes in English): the bookmarks are mended to them (pdf/bookmarks.ts).
  return { html, headings: headings.map((h) => ({ ...h, text: setText(h.text) })), faces, webHtml: (href) => page(WEB_CSP, fontFaceCss(faces, (face) => `url(${cssString(href(face))})`)) };
}

/**
 * A chapter's running head: its numbered title, or its number with the short title the edition gives
 * for a title too long for the head.
 */
function runningHead(heading: Heading | undefined, plan: ChapterPlan | undefined): string {
  if (!heading) return '';
  if (!plan?.runningHead) return heading.text;
  const number = /^<span class="heading-number">([^<]*)<\/span><span class="heading-sep">([^<]*)<\/span>/.exec(heading.html);
  return number ? `${textOf(number[1]!)}${number[2]}${plan.runningHead}` : plan.runningHead; // the separator is whitespace or punctuation, never an entity
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
