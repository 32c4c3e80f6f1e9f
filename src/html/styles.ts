/** The report's stylesheet: screen and print in one, A4 pages with page numbers in the footer. */
import { FONT_FAMILY } from '../fonts/fontsource.ts';

export function stylesheet(): string {
  return `
:root { --text: #1a1a1a; --muted: #555; --accent: #1f4e8c; }
html { font-family: '${FONT_FAMILY}', sans-serif; color: var(--text); line-height: 1.7; }
html:lang(en) { hyphens: auto; }
body { margin: 0 auto; max-width: 46rem; padding: 1.5rem 1rem 4rem; font-size: 11pt; }
h1, h2, h3 { color: var(--accent); line-height: 1.35; break-after: avoid; }
h1 { font-size: 20pt; margin: 0 0 1rem; }
h2 { font-size: 15pt; margin: 1.6rem 0 0.6rem; }
h3 { font-size: 12.5pt; margin: 1.2rem 0 0.4rem; }
p { margin: 0 0 0.7rem; text-align: justify; orphans: 2; widows: 2; }
:lang(zh) p { text-indent: 2em; }
.title-block { border-bottom: 2px solid var(--accent); margin-bottom: 1.5rem; padding-bottom: 0.5rem; }
.title-block .title { font-size: 22pt; font-weight: 700; color: var(--accent); margin: 0; text-indent: 0; text-align: left; line-height: 1.3; }
.title-block .edition-links { font-size: 9.5pt; color: var(--muted); text-indent: 0; }
.title-block a { color: var(--accent); }
figure { margin: 1.2rem 0; break-inside: avoid; }
figure .chart svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { text-align: center; font-size: 10pt; font-weight: 700; margin-top: 0.4rem; }
figcaption .label { margin-right: 0.6em; }
figure .note { font-size: 8.5pt; color: var(--muted); margin: 0.15rem 0 0; text-indent: 0; text-align: left; }
chapter, section.chapter { display: block; }
section.chapter + section.chapter { break-before: page; }
@page {
  size: A4;
  margin: 20mm 18mm 22mm;
  @bottom-center { content: counter(page); font-family: '${FONT_FAMILY}', sans-serif; font-size: 9pt; color: #555; }
}
@media print {
  body { max-width: none; padding: 0; }
  .edition-links { display: none; }
}
`;
}
