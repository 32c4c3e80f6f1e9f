/**
 * A numbered table as HTML: <table> with its <caption> (label and text) and a header row of
 * <th scope="col">, numbers right-aligned, the notes under it. The styles are inline so that the
 * table needs nothing from the document's stylesheet.
 */
import { escapeHtml, renderMarkdownInline } from '../chapters/markup.ts';
import type { RenderedTable } from '../tables/types.ts';

const S = {
  block: 'margin:1.2rem 0;break-inside:avoid',
  table: 'width:100%;border-collapse:collapse;font-size:9.5pt;line-height:1.45;border-top:1.5px solid #1f4e8c;border-bottom:1.5px solid #1f4e8c',
  caption: 'caption-side:top;text-align:center;font-size:10pt;font-weight:700;padding-bottom:0.4rem',
  label: 'margin-right:0.6em',
  th: 'border-bottom:1px solid #1f4e8c;padding:0.3rem 0.5rem;font-weight:700;vertical-align:bottom',
  td: 'border-bottom:0.5px solid #ddd;padding:0.25rem 0.5rem;vertical-align:top',
  note: 'font-size:8.5pt;color:#555;margin:0.15rem 0 0;text-indent:0;text-align:left',
};

/** Cells this short never wrap: a country name broken one character a line is unreadable. */
const SHORT = 14;

export function tableHtml(table: RenderedTable): string {
  const short = table.columns.map((_, i) => table.rows.every((row) => [...(row[i] ?? '')].length <= SHORT));
  const align = (i: number) => (table.columns[i]?.numeric ? 'text-align:right;white-space:nowrap' : short[i] ? 'text-align:left;white-space:nowrap' : 'text-align:left');
  const head = table.columns.map((c, i) => `<th scope="col" style="${S.th};${align(i)}">${escapeHtml(c.label)}</th>`).join('');
  const body = table.rows
    .map((row) => `<tr>${row.map((cell, i) => `<td style="${S.td};${align(i)}">${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('');
  const notes = table.notes.map((n) => `<p class="note" style="${S.note}">${renderMarkdownInline(n)}</p>`).join('');
  return (
    `<div class="table-block" style="${S.block}">` +
    `<table id="tab-${table.id}" data-number="${table.number}" style="${S.table}">` +
    `<caption style="${S.caption}"><span class="label" style="${S.label}">${escapeHtml(table.label)}</span>${renderMarkdownInline(table.caption)}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${notes}</div>`
  );
}
