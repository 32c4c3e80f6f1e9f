/**
 * Modelled values in tables. A reconstructed dataset records, per calibrated value, whether the
 * published edition printed it (provenance.calibration); a table cell showing a value the edition did
 * not print carries a mark, and the table a note saying what the mark means.
 */
import type { CalibrationEntry } from '../load/manifest.ts';
import type { MetricsDocument } from '../metrics/document.ts';

/** Appended to a modelled value in a table cell. */
export const MODELLED_MARK = '*';

/** Where a value is in the metrics document: list path, row key, field. */
export type Where = readonly [path: string, key: Readonly<Record<string, string | number>>, field: string];

const id = ([path, key, field]: Where) => `${path}|${Object.keys(key).sort().map((k) => `${k}=${key[k]}`).join(',')}|${field}`;

/**
 * Whether the value at `where` was modelled rather than published (false for real records). A mark
 * needs both the place and the value: an entry marks the value at its place only while the document
 * still holds the calibrated value there, so a value the calibration never chose is never marked.
 */
export function modelledLookup(metrics: MetricsDocument): (where: Where) => boolean {
  let modelled = modelledSets.get(metrics);
  if (!modelled) {
    modelled = new Set((metrics.provenance.calibration ?? []).filter((c) => c.assumed && matches(metrics, c)).map((c) => id([c.path, c.key ?? {}, c.field])));
    modelledSets.set(metrics, modelled);
  }
  const set = modelled;
  return (where) => set.has(id(where));
}

/**
 * For a series the published edition never printed value by value (described in words, or drawn
 * without its numbers), a reconstructed dataset's calibration holds few or none of its values: there a
 * value is modelled unless the calibration records it as published (`assumed: false`, still the
 * document's value). A dataset without a calibration (real records) has nothing modelled.
 */
export function unpublishedLookup(metrics: MetricsDocument): (where: Where) => boolean {
  const entries = metrics.provenance.calibration ?? [];
  if (entries.length === 0) return () => false;
  const published = new Set(entries.filter((c) => !c.assumed && matches(metrics, c)).map((c) => id([c.path, c.key ?? {}, c.field])));
  return (where) => !published.has(id(where));
}

/**
 * The set, once per metrics document: every figure asks (each drawn up to four times, for the page and
 * a phone), and matching each calibration entry searches its list; a document is never changed once
 * made (frozen or treated as such), so the set stays right for as long as the document lives.
 */
const modelledSets = new WeakMap<MetricsDocument, Set<string>>();

/** The value an entry points at in a metrics document (undefined when the row is missing). */
export function valueAt(doc: unknown, e: CalibrationEntry): number | undefined {
  let cur: unknown = doc;
  for (const k of e.path.split('.')) cur = (cur as Record<string, unknown> | undefined)?.[k];
  if (e.key) {
    const key = e.key;
    cur = (cur as Record<string, unknown>[] | undefined)?.find((r) => Object.entries(key).every(([k, v]) => r[k] === v));
  }
  for (const k of e.field.split('.')) cur = (cur as Record<string, unknown> | undefined)?.[k];
  // A {CC: n} map leaves out zero counts.
  if (cur === undefined && e.field.includes('_by_country.') && e.value === 0) return 0;
  return typeof cur === 'number' ? cur : undefined;
}

/** Whether the document's value reproduces the entry (at its printed precision). */
export function matches(doc: unknown, e: CalibrationEntry): boolean {
  const v = valueAt(doc, e);
  if (v === undefined) return false;
  return e.digits === undefined ? v === e.value : Number(v.toFixed(e.digits)) === e.value;
}
