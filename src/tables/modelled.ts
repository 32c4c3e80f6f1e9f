/**
 * Modelled values in tables. A reconstructed dataset records, per calibrated value, whether the
 * published edition printed it (provenance.calibration); a table cell showing a value the edition did
 * not print carries a mark, and the table a note saying what the mark means.
 */
import type { MetricsDocument } from '../metrics/document.ts';

/** Appended to a modelled value in a table cell. */
export const MODELLED_MARK = '*';

/** Where a value is in the metrics document: list path, row key, field. */
export type Where = readonly [path: string, key: Readonly<Record<string, string | number>>, field: string];

const id = ([path, key, field]: Where) => `${path}|${Object.keys(key).sort().map((k) => `${k}=${key[k]}`).join(',')}|${field}`;

/** Whether the value at `where` was modelled rather than published (false for real records). */
export function modelledLookup(metrics: MetricsDocument): (where: Where) => boolean {
  const modelled = new Set((metrics.provenance.calibration ?? []).filter((c) => c.assumed).map((c) => id([c.path, c.key ?? {}, c.field])));
  return (where) => modelled.has(id(where));
}

export function hasModelled(rows: readonly (readonly string[])[]): boolean {
  return rows.some((row) => row.some((cell) => cell.endsWith(MODELLED_MARK)));
}
