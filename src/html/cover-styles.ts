/**
 * Styles of the covers (cover.ts). In print each cover is a full A4 page without margins (named page
 * `cover`, styles.ts): the front an accent band over two thirds of the page, the title set large
 * in its upper part and the picture drawn from the data along its foot, then the edition, source and
 * date on white; the back the colophon at the foot above a narrow accent band. On screen the same
 * parts stack in the column.
 */
export function coverCss(): string {
  return `
.cover { background: #fff; color: var(--text); }
.cover-band { background: var(--accent); color: #fff; padding: 2.5rem 1.25rem 0; }
.cover-title { font-size: 26pt; font-weight: 700; line-height: 1.3; margin: 0; text-align: left; }
.cover-subtitle { font-size: 13pt; line-height: 1.5; margin: 0.8rem 0 0; text-align: left; opacity: 0.88; }
.cover-art { display: block; width: 100%; height: auto; margin-top: 1.5rem; }
.cover-art path { stroke: var(--accent); stroke-width: 0.6; stroke-linejoin: round; }
.cover-art .cover-layer-even { fill: rgba(255, 255, 255, 0.16); }
.cover-art .cover-layer-odd { fill: rgba(255, 255, 255, 0.28); }
.cover-art .cover-layer-rival { fill: #9cc3f0; }
.cover-art .cover-layer-home { fill: #fff; }
.cover-art text { fill: rgba(255, 255, 255, 0.75); font-size: 10px; }
.cover-foot { padding: 1rem 1.25rem; }
.cover-line { font-size: 11pt; margin: 0 0 1.5mm; text-align: left; color: var(--muted); text-indent: 0; }
.cover-line:first-child { font-weight: 700; color: var(--accent); }
.cover a { color: var(--accent); }
.back-cover { text-align: left; color: var(--muted); }
.colophon { border-top: 1.5pt solid var(--accent); padding-top: 4mm; font-size: 9pt; line-height: 1.6; }
.colophon p { margin: 0 0 1.5mm; text-align: left; text-indent: 0; }
.colophon .colophon-publisher { font-size: 11pt; font-weight: 700; color: var(--text); }
@media screen {
  .cover { padding: 0; }
  /* the title first; the picture a band under it, not a page */
  .cover-band { display: flex; flex-direction: column; padding-bottom: 1rem; }
  .cover-titles { order: -1; }
  .cover-art { max-height: 10rem; }
  .cover-art text { display: none; }
  @media (max-width: 779.98px) { .cover-title { font-size: 20pt; } }
  .cover .edition-links { padding: 0 1.25rem 1rem; }
}

@media print {
  .cover { display: block; position: relative; height: 297mm; padding: 0; }
  .cover-band { position: absolute; top: 0; left: 0; right: 0; height: 200mm; padding: 0; overflow: hidden; }
  .cover-titles { position: absolute; top: 40mm; left: 20mm; right: 20mm; }
  .cover-title { font-size: 30pt; text-wrap: balance; }
  .cover-subtitle { font-size: 14pt; margin-top: 7mm; }
  .cover-art { position: absolute; left: 0; bottom: 0; width: 210mm; height: 105mm; margin: 0; }
  .cover-foot { position: absolute; top: 214mm; left: 20mm; right: 20mm; padding: 0; }
  .cover-line { font-size: 12pt; margin-bottom: 2.5mm; }
  .cover-line:first-child { font-size: 14pt; margin-bottom: 5mm; }
  .back-cover { justify-content: flex-end; padding: 0 20mm 0; }
  .back-cover::after { content: ''; display: block; height: 14mm; margin: 16mm -20mm 0; background: var(--accent); }
}
`;
}
