/**
 * The data behind a figure or a table, as a CSV file the web edition offers for download (a data:
 * URL, so the HTML stays one self-contained file). RFC 4180 quoting, formulas neutralised (src/base/escape.ts csvCell); a byte order mark so that
 * spreadsheet programs read the Chinese text as UTF-8.
 */
import { csvCell, htmlAttr, htmlText, type CsvValue } from './escape.ts';

export type Cell = CsvValue;

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\ufeff${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Rows of objects (a chart's data) as CSV: the columns are the keys, in first-seen order. */
export function recordsToCsv(records: readonly Readonly<Record<string, unknown>>[]): string {
  const header: string[] = [];
  for (const r of records) for (const k of Object.keys(r)) if (!header.includes(k)) header.push(k);
  return toCsv(header, records.map((r) => header.map((k) => r[k] as Cell)));
}

export function csvDataUrl(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}

/** The download link the web edition shows under a figure or table (hidden in print). */
export function downloadLink(file: string, label: string, csv: string): string {
  // The data URL is percent-encoded whole (encodeURIComponent leaves only A-Z a-z 0-9 - _ . ! ~ * ' ( )
  // and %XX): nothing in it can end a double-quoted attribute, so it is written as it is.
  return `<p class="download"><a download="${htmlAttr(file)}" href="${csvDataUrl(csv)}">${htmlText(label)}</a></p>`;
}
