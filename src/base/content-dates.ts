/**
 * `content/dates.yaml`: the edition's own dates, beside the records' snapshot (the dataset manifest).
 *
 *     published: 2031-03      # when the edition appears: YYYY-MM or YYYY-MM-DD
 *
 * The records are taken on one day (the manifest's `snapshot`), but an edition also prints events and
 * cites reports up to the day it goes to press. `report check` holds them together (src/check/dates.ts):
 * no dated event or cited report after publication, and a snapshot that closes the records' years
 * and comes before publication.
 */
import { ReportError } from '../errors.ts';
import type { YamlReader, YamlSource } from './yaml.ts';

export interface EditionDates {
  /** YYYY-MM or YYYY-MM-DD, as written. */
  readonly published: string;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

export function readDates(r: YamlReader, source: YamlSource): EditionDates {
  const value = r.object([])['published'];
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (typeof text !== 'string' || !DATE.test(text)) {
    throw ReportError.of('input.field', { file: source.where(['published']), path: 'published', expected: 'a date YYYY-MM or YYYY-MM-DD', got: JSON.stringify(value) });
  }
  return Object.freeze({ published: text });
}
