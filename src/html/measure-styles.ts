/**
 * The measure: how long a printed line of running text is. The page area (styles.ts PAGE) is 658 px
 * wide, which sets English at about 90 characters a line and Chinese at 44; a report's conventions
 * (notes/publication-design.md) ask 60-75 Latin or 38-42 CJK characters. So in print the running text
 * is a narrower block centred in the page area, while figures and tables keep the page area's full
 * width: a chart drawn 600 px wide prints at 1:1 (its text stays over 7 pt) and a table keeps the
 * width its columns need. The page, its margins and the pagination model's columns do not change;
 * the model measures notes at the text block's width (pdf/paginate.browser.js `measure`).
 *
 * English: 520 px (about 138 mm), some 71 characters of the 11 pt serif, with a leading of 1.5 (1.7
 * before, as Chinese keeps). Chinese: 616 px, 42 characters of 11 pt (14.67 px each).
 */
import { PAGE } from './styles.ts';

/** The running text's width in print, per locale, in CSS px. */
export const MEASURE = { en: 520, zh: 616 } as const;

const AREA = PAGE.width - PAGE.left - PAGE.right;

export function measureCss(): string {
  const rule = (lang: keyof typeof MEASURE) => {
    const side = (AREA - MEASURE[lang]) / 2;
    return `
  html:lang(${lang}) main { padding-inline: ${side}px; }
  html:lang(${lang}) main figure, html:lang(${lang}) main .table-block { margin-inline: -${side}px; }
  html:lang(${lang}) main figure > .note { padding-inline: ${side}px; }`;
  };
  return `
html:lang(en) { --leading: 1.5; }
/* At 0.7em and vertical-align: super the numeral's box reached 0.9 px above a 1.5 line: on a page's
   first line the PDF's destination of the reference fell on the page before (print.ts's check). */
html:lang(en) sup.footnote-ref { font-size: 0.62em; }
@media print {${rule('en')}${rule('zh')}
}
`;
}
