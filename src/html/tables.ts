/**
 * A numbered table as HTML: <table> with its <caption> (label and text) and a header row of
 * <th scope="col">, numbers right-aligned, the notes under it, and in the web edition a link to its
 * data as CSV. Styled by the document's stylesheet (src/html/styles.ts).
 */
import { htmlAttr, htmlText } from '../base/escape.ts';
import { renderMarkdownInline } from '../base/markup.ts';
import { tableSlot } from '../base/slots.ts';
import type { RenderedTable } from '../tables/types.ts';
import { downloadLink, toCsv } from '../base/csv.ts';
import { MODELLED_MARK } from '../base/modelled.ts';

/** Cells this short never wrap: a country name broken one character a line is unreadable. */
const SHORT = 14;

/** `downloadLabel`: the text of the link to the table's data as CSV (web edition only). */
export function tableHtml(table: RenderedTable, downloadLabel?: string): string {
  const short = table.columns.map((_, i) => table.rows.every((row) => [...(row[i] ?? '')].length <= SHORT));
  const cls = (i: number) => (table.columns[i]?.numeric ? ' class="num"' : short[i] ? ' class="short"' : '');
  const head = table.columns.map((c, i) => `<th scope="col"${cls(i)}>${htmlText(c.label)}</th>`).join('');
  // A modelled number (its cell ends in the mark, tables/cells.ts) is printed in italics (styles.ts), without the mark.
  const modelled = (cell: string, i: number) => table.columns[i]?.numeric === true && cell.endsWith(MODELLED_MARK);
  const td = (cell: string, i: number) => (modelled(cell, i) ? `<td class="num modelled">${htmlText(cell.slice(0, -MODELLED_MARK.length))}</td>` : `<td${cls(i)}>${htmlText(cell)}</td>`);
  const body = table.rows.map((row) => `<tr>${row.map(td).join('')}</tr>`).join('');
  const notes = table.notes.map((n) => `<p class="note">${renderMarkdownInline(n)}</p>`).join('');
  const download = downloadLabel
    ? downloadLink(`table-${table.number}.csv`, downloadLabel, toCsv(table.columns.map((c) => c.label), table.rows))
    : '';
  return (
    // On a narrow screen the block scrolls sideways (styles.ts): it takes the keyboard's focus and is named by the caption.
    `<div class="table-block" role="region" tabindex="0" aria-labelledby="${htmlAttr(`tab-${table.id}-caption`)}">` +
    `<table id="${htmlAttr(`tab-${table.id}`)}" data-number="${table.number}">` +
    `<caption id="${htmlAttr(`tab-${table.id}-caption`)}"><span class="label">${htmlText(table.label)}</span>${renderMarkdownInline(table.caption)}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${notes}${download}</div>`
  );
}

/** Chapter HTML with each table's slot (`{{table "id"}}`, chapters/render.ts) replaced by the table. */
export function placeTables(html: string, tables: readonly RenderedTable[], downloadLabel: string): string {
  return tables.reduce((out, table) => out.replaceAll(tableSlot(table.id), () => tableHtml(table, downloadLabel)), html);
}
