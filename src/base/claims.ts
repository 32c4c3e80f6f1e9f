/**
 * The claims record of a build (`claims.json`, next to metrics.json): what the report states, as data,
 * so that two builds can be compared claim by claim (`report diff`). Every part is keyed by an id that
 * survives a data update, and the file is written with sorted keys: the same build gives the same bytes.
 */
import type { Locale } from './yaml.ts';

/** A value a sentence was rendered with, as plain data. */
export type ClaimValue = string | number | boolean | null;

/** One sentence rendered from a locale message with values. */
export interface SentenceClaim {
  /** `chapter/key`, `chapter/key@subject` inside a list of countries, topics …, `#n` when repeated. */
  readonly id: string;
  readonly chapter: string;
  /** The message key as the template calls it (its context variant is in `values.context`). */
  readonly key: string;
  /** The sentence as a reader sees it: no markup, no escapes. */
  readonly text: string;
  readonly values: Readonly<Record<string, ClaimValue>>;
  /** The predicate the sentence asserts, evaluated (true) when it was rendered (src/claims/predicates.ts). */
  readonly claim?: { readonly predicate: string; readonly values: unknown };
}

/** A figure's or table's data: column names and rows of plain values. */
export interface DataClaim {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly ClaimValue[])[];
}

/** What one locale's build states. */
export interface LocaleClaims {
  readonly sentences: Readonly<Record<string, SentenceClaim>>;
  readonly figures: Readonly<Record<string, DataClaim>>;
  readonly tables: Readonly<Record<string, DataClaim>>;
}

/** The chapters stage's part of LocaleClaims (figures are drawn by a later stage). */
export type ChapterClaims = Pick<LocaleClaims, 'sentences'>;

/**
 * The top of one ranked list of the metrics document by one field: item id → its rank (ties share a
 * rank), and the item's name per locale for the reader.
 */
export interface Ranking {
  /** Path of the list in the metrics document, e.g. "papers.by_country". */
  readonly list: string;
  /** The field it is ranked by, largest first. */
  readonly field: string;
  readonly ranks: Readonly<Record<string, number>>;
  readonly names: Readonly<Record<string, Readonly<Partial<Record<Locale, string>>>>>;
}

export interface ClaimsRecord {
  readonly format: 1;
  readonly edition: string;
  /** Chapter ids in reading order (to print changes in that order). */
  readonly chapters: readonly string[];
  readonly locales: Readonly<Partial<Record<Locale, LocaleClaims>>>;
  /** `list:field` → the ranking. */
  readonly rankings: Readonly<Record<string, Ranking>>;
}

export const CLAIMS_FORMAT = 1;
