/**
 * The report's stylesheet, screen and print in one. Print: A4, a cover without head or folio, running
 * heads from named pages, page numbers in the footer. Screen: the contents as a sidebar on wide
 * screens, one column on a phone.
 */
import { cssString } from '../base/escape.ts';
import { FONT_FAMILY } from '../fonts/fontsource.ts';
import { bodyFamilies, fontStack } from '../fonts/families.ts';

/**
 * A4 in the whole CSS pixels Chromium prints with (793.7 × 1122.5 rounds to 794 × 1123), margins of
 * 22/18/20 mm likewise rounded. The pagination model lays pages out with exactly these numbers; with
 * the exact millimetre values lines would break differently from the print.
 */
export const PAGE = { width: 794, height: 1123, top: 83, right: 68, bottom: 76, left: 68 } as const;

const MARGIN_TEXT = `font-family: '${FONT_FAMILY}', sans-serif; font-size: 8.5pt; color: #666;`;

/**
 * One named page per chapter. As in a printed book, the report's title heads the left (even) pages and
 * the chapter's (numbered, short) title the right (odd) ones, each alone in its band on one line, so
 * that neither can crowd or wrap the other.
 */
export function chapterPageCss(chapterTitles: readonly string[], reportTitle: string): string {
  const head = (side: 'left' | 'right', text: string) =>
    `@top-${side} { content: ${cssString(text)}; ${MARGIN_TEXT} vertical-align: bottom; padding-bottom: 3mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }`;
  return chapterTitles
    .map(
      (title, i) => `
section.chapter-${i + 1} { page: chapter-${i + 1}; }
@page chapter-${i + 1}:left { ${head('left', reportTitle)} }
@page chapter-${i + 1}:right { ${head('right', title)} }`,
    )
    .join('\n');
}

export function stylesheet(): string {
  return `
:root { --text: #1a1a1a; --muted: #555; --accent: #1f4e8c; --rule: #c9d3e0; }
/* Faces (fonts/families.ts): a serif for running text, the sans for what labels and displays. */
:root { --font-sans: ${fontStack([FONT_FAMILY], 'sans-serif')}; --font-body: ${fontStack(bodyFamilies('en'), 'serif')}; }
:root:lang(zh) { --font-body: ${fontStack(bodyFamilies('zh'), 'serif')}; }
/*
 * Type scale and grid. One body size; every other size is a step of the scale. Print sizes; the
 * screen scales the body (1100 px and wider: 12pt).
 *
 *   body      11pt serif, leading 1.7 (zh; CLREQ: 1.5 to 1.75 for a Song face) or 1.5 (en, with
 *             its narrower measure): --line, the baseline unit; in print each locale's text has a
 *             measure of its own (measure-styles.ts)
 *   h1 20pt  h2 15pt  h3 12.5pt   sans, bold, leading 1.35 (h1 1.5: see below)
 *   caption 10pt  table 9.5pt  note, footnote, running head 8.5pt   sans
 *   vertical space: paragraph 0.7rem after; h2 1.6rem above, 0.6rem below; h3 1.2rem / 0.4rem;
 *   figures and tables 1.2rem above and below.
 *
 * The leading and the spaces are those the pagination model (pdf/paginate.browser.js) is tested
 * with: at zh 1.75, or with the spaces counted in lines, it placed a few notes of
 * test/pdf/paginate.test.ts a page late (a heading and one line at a page's foot, then notes).
 * English at 1.5 first failed too, for two reasons, both mended: a reference on a paragraph's last
 * line lost its room to the cut made for the reference after it, the paragraph's margin counted
 * (placeNotes now lets that one go overleaf too); and a note's numeral at vertical-align: super
 * reached 0.9 px above its line box, so on a page's first line the PDF's destination of the
 * reference fell on the page before (the English numeral is a little smaller: measure-styles.ts).
 *
 * CJK: justified with the space spread between characters (never between the letters of a Latin
 * word), punctuation kept off line starts and ends (line-break: strict), a quarter em between Han
 * and Latin (text-autospace). Inline math keeps the line's leading: its sub- and superscripts may
 * reach into the leading but do not push the lines apart.
 */
:root {
  --body-size: 11pt; --leading: 1.7; --line: calc(var(--body-size) * var(--leading));
  --h1-size: 20pt; --h2-size: 15pt; --h3-size: 12.5pt; --caption-size: 10pt; --table-size: 9.5pt; --note-size: 8.5pt;
}
html { font-family: var(--font-body); color: var(--text); line-height: var(--leading); }
h1, h2, h3, h4, h5, h6, figcaption, figure .note, table, .table-block, .toc, .toc-menu, .cover, .back-cover, p.download { font-family: var(--font-sans); }
html:lang(en) { hyphens: auto; }
:lang(zh) { text-autospace: normal; line-break: strict; }
:lang(zh) main p { text-justify: inter-character; }
body { margin: 0; font-size: var(--body-size); }
main, .toc, .back-cover { box-sizing: border-box; }
h1, h2, h3, h4 { color: var(--accent); line-height: 1.35; break-after: avoid; }
/* h1 line-height ≥ 1.5: below that, Chromium 156 writes each h1's text twice into its PDF bookmark. */
h1 { font-size: var(--h1-size); margin: 0 0 1rem; line-height: 1.5; }
h2 { font-size: var(--h2-size); margin: 1.6rem 0 0.6rem; }
h3 { font-size: var(--h3-size); margin: 1.2rem 0 0.4rem; }
p { margin: 0 0 0.7rem; text-align: justify; orphans: 2; widows: 2; }
/* A word longer than the line (a code, an address) breaks rather than run past the page: in print,
   Chromium would shrink every page to fit it. */
main { overflow-wrap: break-word; }
:lang(zh) main p { text-indent: 2em; }
/* A web address in Chinese text may break anywhere: moved whole to the next line, it left the line
   before it spread letter by letter (text-justify: inter-character spaces the Latin letters too). */
:lang(zh) main p a[href^="http"] { word-break: break-all; }
a { color: var(--accent); }

/* covers: cover-styles.ts */

/* contents */
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc li a { display: flex; align-items: baseline; text-decoration: none; color: var(--text); padding: 0.15rem 0; }
.toc li.toc-1 { font-weight: 700; margin-top: 0.6rem; }
.toc li.toc-2 { padding-left: 1.5em; }
.toc-leader { flex: 1; border-bottom: 1px dotted #999; margin: 0 0.4em; min-width: 1em; }
.toc-page { display: inline-block; min-width: 2.2em; text-align: right; font-variant-numeric: tabular-nums; }

/* figures */
figure { margin: 1.2rem 0; break-inside: avoid; }
/* a chart in pieces (a timeline, src/figures/timeline-chart.ts): the page may break between them, the caption stays with the last */
figure.split { break-inside: auto; }
figure.split .chart-page svg { break-inside: avoid; }
figure.split figcaption { break-before: avoid; }
figure .chart svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { text-align: center; font-size: var(--caption-size); font-weight: 700; margin-top: 0.4rem; }
figcaption .label { margin-right: 0.6em; }
figure .note { font-size: var(--note-size); color: var(--muted); margin: 0.15rem 0 0; text-indent: 0; text-align: left; }
/* modelled values, one treatment (src/figures/modelled-marks.ts, docs/print-and-web.md): the chart's key; in tables the number in italics (a CSS hatch prints as a page-sized PDF pattern per cell) */
figure .modelled-key { font-family: var(--font-sans); font-size: var(--note-size); color: var(--muted); margin: 0.1rem 0 0; text-indent: 0; text-align: center; }
figure .modelled-key .modelled-swatch { display: inline-block; vertical-align: -0.05em; margin-right: 0.35em; }
td.modelled { font-style: italic; }

/* display formulas (MathML): identifiers in the report's font, slanted by CSS rather than mapped to
   mathematical italic letters the font does not have */
.formula { margin: 0.6rem 0 0.9rem; break-inside: avoid; }
.formula math { font-size: 12pt; margin: 0.5rem 0; }
math { font-family: var(--font-body); }
/* the slant is synthesised: a little room after a slanted letter keeps it off a ")" or the next word */
math mi { text-transform: none; font-style: normal; }
math mi[mathvariant] { font-style: italic; padding-inline-end: 0.12em; }
/* inline symbols in running text: negative block margins let a subscript hang into the leading
   instead of opening the line (an inline math box is atomic: its margin box sets its height) */
math.symbol { margin-block: -0.3em; }

/* tables */
/* A table that fits on a page moves whole to the next one rather than leaving its caption or header
   behind; a longer one breaks between rows, its header repeated. */
.table-block { margin: 1.2rem 0; break-inside: avoid; }
table { width: 100%; border-collapse: collapse; font-size: var(--table-size); line-height: 1.45; border-top: 1.5px solid var(--accent); border-bottom: 1.5px solid var(--accent); }
caption { caption-side: top; text-align: center; font-size: var(--caption-size); font-weight: 700; padding-bottom: 0.4rem; break-after: avoid; }
caption .label { margin-right: 0.6em; }
th { border-bottom: 1px solid var(--accent); padding: 0.3rem 0.5rem; font-weight: 700; vertical-align: bottom; text-align: left; }
td { border-bottom: 0.5px solid #ddd; padding: 0.25rem 0.5rem; vertical-align: top; text-align: left; }
th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
th.short, td.short { white-space: nowrap; }
/* A Chinese header has no spaces: kept on one line, eight of them made the frontier table wider than
   the page, and Chromium then shrinks the whole print. They wrap, but only before a bracket or
   between words, never inside one. (No Chinese in this stylesheet: the font chunks embedded in a
   document follow every character of it, comments too.) */
:lang(zh) th.num, :lang(zh) th.short { white-space: normal; word-break: keep-all; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.table-block .note { font-size: var(--note-size); color: var(--muted); margin: 0.15rem 0 0; text-indent: 0; text-align: left; }

/* the data behind a figure or table, for download (web edition) */
p.download { margin: 0.2rem 0 0; text-indent: 0; text-align: right; font-size: var(--note-size); }


/* footnotes: endnotes per chapter on screen; at the foot of their page in print */
sup.footnote-ref { font-size: 0.7em; line-height: 0; }
sup.footnote-ref a { text-decoration: none; }
section.footnotes, .fn-block { font-size: var(--note-size); color: #333; line-height: 1.5; }
section.footnotes ol, .fn-block ol { margin: 0; padding-left: 1.6em; }
section.footnotes p, .fn-block p { margin: 0 0 0.15rem; text-indent: 0; text-align: left; }
a.footnote-backref { text-decoration: none; font-size: 0.9em; }
/* a note's text starts right after its numeral: no paragraph indent inside a note */
main .fn-block p, main section.footnotes p { text-indent: 0; }
.fn-block ol { padding-left: 1.2em; }
.fn-block { display: flex; flex-direction: column; justify-content: flex-end; box-sizing: border-box; margin: 0; padding: 0; text-indent: 0; break-inside: avoid; }
p.split { text-align-last: justify; margin-bottom: 0; }
/* marks side by side ("reports 4, 5, 6"): a comma between them */
sup.footnote-ref-next::before { content: ","; }
/* the bibliography (src/base/bibliography.ts): hanging indent, ragged right, long addresses broken anywhere */
main div.bibliography p { text-indent: -2em; padding-left: 2em; text-align: left; overflow-wrap: anywhere; margin-bottom: 0.4rem; }
/* cited works and notes: the spaces between Han and Latin are in the text already (base/cjk-spacing.ts);
   the browser's own autospace would also set one before the "." and "," that follow a Chinese author
   ("作者 . 题名" where GB/T 7714 writes "作者. 题名") */
main div.bibliography p, .footnote-item p, .fn-block p { text-autospace: no-autospace; }
p.continued { text-indent: 0 !important; }
.fn-block hr { width: 30%; margin: 0 0 0.3rem; border: 0; border-top: 0.5pt solid #888; }
.paginating .toc { break-after: column; }
.paginating section.chapter { break-before: column; }
/* the rest of a table the print split across pages (src/pdf/fill-pages.browser.js) */
.paginating .table-block.continued { break-before: column; }
@media print { .table-block.continued { break-before: page; } }
/* a page turned early so that a chapter's last page carries more than a line or two (src/pdf/chapter-ends.browser.js) */
.paginating .page-turn { break-before: column; }
@media print { .page-turn { break-before: page; } }
@media print {
  section.footnotes, hr.footnotes-sep, p.download { display: none; }
  /* Print is not a web page: a note has no link back up, and a cross-reference ("Figure 3", with
     a non-breaking space from chapters/render.ts) or a note's numeral is plain text. */
  a.footnote-backref { display: none; }
  main a[href^="#"] { color: inherit; text-decoration: none; }
}

/* Screen only: the chart drawn for a phone and the contents menu are shown on narrow screens alone. */
.chart-narrow, .toc-menu { display: none; }

@media screen {
  body { max-width: 50rem; margin: 0 auto; }
  .cover { padding: 3rem 0 2rem; }
  .cover .edition-links { padding: 0 14mm; }
  main, .back-cover { padding: 1rem 1.25rem 3rem; }
  .toc { padding: 1rem 1.25rem; font-size: 10pt; }
  .toc .toc-page, .toc .toc-leader { display: none; }
  section.chapter { padding-top: 1rem; }
  h1, h2, h3, h4, .cover-title, .toc-title, figcaption, caption { text-wrap: balance; }
  /* English justified on a screen leaves rivers of space between words */
  html:lang(en) p:not(.download) { text-align: start; }
  /* A table wider than the column scrolls sideways in its own box, never the page. */
  .table-block { overflow-x: auto; }
  .table-block:focus-visible, .chart-scroll:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
  /* Charts fill the column: from 780 px on it is at least 740 px wide, so the print's smallest chart
     text (10 px in a 600 px drawing) shows at 11 px or more. */
  @media (min-width: 780px) {
    figure .chart-page svg { width: 100%; }
  }
  @media (max-width: 779.98px) {
    main, .back-cover { padding-left: 1.25rem; padding-right: 1.25rem; }
    p { text-align: start; }
    /* the chart drawn for a phone (its text at 11 px or more), or the page's chart scrolling in its box */
    figure .chart-page:not(.chart-scroll) { display: none; }
    .chart-narrow { display: block; }
    .chart-scroll { overflow-x: auto; }
    figure .chart-scroll svg { width: var(--narrow-width); max-width: none; margin: 0; }
    /* the contents as a menu that opens and closes */
    .toc { display: none; }
    .toc-menu { display: block; margin: 0; padding: 0.5rem 1.25rem; border-bottom: 1px solid var(--rule); font-size: 10.5pt; }
    .toc-menu summary { cursor: pointer; color: var(--accent); font-weight: 700; padding: 0.5rem 0; }
    .toc-menu ol { list-style: none; margin: 0 0 0.5rem; padding: 0; }
    .toc-menu li a { display: block; padding: 0.35rem 0; text-decoration: none; color: var(--text); }
    .toc-menu li.toc-1 { font-weight: 700; margin-top: 0.3rem; }
    .toc-menu li.toc-2 { padding-left: 1.2em; }
    /* tables keep readable columns and scroll; their first column stays in view */
    /* the caption stays over the visible part of a table that scrolls */
    caption { text-align: start; }
    .table-block caption { position: sticky; left: 0; max-width: calc(100vw - 2.5rem); }
    th:not(.num):not(.short), td:not(.num):not(.short) { min-width: 7.5em; }
    html:lang(en) th:not(.num):not(.short), html:lang(en) td:not(.num):not(.short) { min-width: 10em; }
    .table-block th:first-child, .table-block td:first-child { position: sticky; left: 0; background: #fff; z-index: 1; }
  }
  @media (min-width: 1100px) {
    body { max-width: 69rem; display: grid; grid-template-columns: 19rem minmax(0, 1fr); grid-template-rows: auto 1fr auto; }
    .cover { grid-column: 1 / -1; }
    .toc { grid-column: 1; grid-row: 2 / 4; position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto; border-right: 1px solid var(--rule); }
    main, .back-cover { grid-column: 2; }
    :root { --body-size: 12pt; }
  }
}

@page {
  size: A4;
  margin: ${PAGE.top}px ${PAGE.right}px ${PAGE.bottom}px ${PAGE.left}px;
  @bottom-center { content: counter(page); ${MARGIN_TEXT} }
}
@page cover { margin: 0; @bottom-center { content: none; } }
@media print {
  .cover { page: cover; height: 297mm; break-after: page; }
  .cover .edition-links { display: none; }
  .toc { break-after: page; line-height: 1.4; }
  /* the contents on one page: 33 entries in zh fit with a tighter leading than the body's */
  .toc li a { padding: 0.1rem 0; }
  .toc li.toc-1 { margin-top: 0.45rem; }
  section.chapter { break-before: page; }
  .back-cover { page: cover; break-before: page; height: 297mm; display: flex; flex-direction: column; justify-content: flex-end; padding: 0 18mm 24mm; }
}
`;
}
