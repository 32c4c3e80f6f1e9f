/**
 * Styles of the numbered headings and the chapter openers (opener.ts). A heading's number is a span
 * of its own; the chapter's label stands on a line above the title, its separator kept for the
 * heading's text (contents, bookmarks, screen readers) but not shown. In print a numbered chapter
 * opens with a page of its own (named page `opener`: no running head; the folio stays): the label set large
 * in the accent colour, the title, a short rule and the chapter's sections, in the lower half of the
 * page as in a printed book.
 */
export function openerCss(): string {
  return `
h1 .heading-number { display: block; font-size: 0.55em; font-weight: 700; letter-spacing: 0.08em; color: var(--muted); margin-bottom: 0.2em; }
h1 .heading-sep { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: pre; }
.toc li.toc-2 .heading-number, .opener-contents .heading-number { font-variant-numeric: tabular-nums; }
.opener-rule, .opener-contents { display: none; }

@page opener { @top-left { content: none; } @top-right { content: none; } }
@media print {
  .opener { page: opener; break-after: page; padding-top: 300px; }
  .opener h1 { font-size: 28pt; line-height: 1.5; margin: 0; color: var(--text); text-wrap: balance; }
  .opener h1 .heading-number { font-size: 40pt; line-height: 1.2; letter-spacing: 0.04em; color: var(--accent); margin-bottom: 8mm; }
  .opener-rule { display: block; width: 24mm; margin: 9mm 0 8mm; border: 0; border-top: 2.5pt solid var(--accent); }
  .opener-contents { display: block; list-style: none; margin: 0; padding: 0; font-size: 11pt; line-height: 1.9; color: var(--muted); }
  .opener-contents .heading-number { display: inline-block; min-width: 2.6em; color: var(--accent); font-weight: 700; }
  .opener-contents .heading-sep { display: none; }
}
.paginating .opener { break-after: column; }
`;
}
