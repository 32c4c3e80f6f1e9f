/**
 * The data behind a figure or a table, as a CSV file the web edition offers for download (a data:
 * URL, so the HTML stays one self-contained file). RFC 4180 quoting; a byte order mark so that
 * spreadsheet programs read the Chinese text as UTF-8.
 */
export type Cell = string | number | boolean | null | undefined;

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const cell = (v: Cell) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `\ufeff${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
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
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<p class="download"><a download="${esc(file)}" href="${csvDataUrl(csv)}">${esc(label)}</a></p>`;
}
