/**
 * The metrics document: everything the chapters print is derived from this, and nothing else.
 * Field names are snake_case because the document is also the JSON users read. Lists are sorted by
 * their main count descending, then by code/id ascending; year series by year first.
 * Families other than `papers` and `collaboration` are present only when the dataset has their
 * tables (see FAMILIES in metrics.ts and docs/data-contract.md).
 */
import type { CalibrationEntry, Manifest } from '../load/manifest.ts';
import type { TableFormat } from '../load/tables.ts';
import type { Definitions } from '../base/definitions.ts';

/** Counts keyed by ISO country code, largest first. */
export type CountryCounts = Readonly<Record<string, number>>;

export interface CountryPapers {
  readonly country: string;
  readonly papers: number;
  readonly avg_citations: number;
  readonly top1: number;
  readonly top1_avg_citations: number | null;
}

/** An institution after the roll-up to its top-level parent, with that parent's names. */
export interface InstitutionRef {
  readonly institution_id: string;
  readonly name_zh: string;
  readonly name_en: string;
  readonly country: string;
  /** university, institute, company, government or other (institutions.kind). */
  readonly kind: InstitutionKind;
}

export type InstitutionKind = 'university' | 'institute' | 'company' | 'government' | 'other';

export interface InstitutionPapers extends InstitutionRef {
  readonly papers: number;
  readonly avg_citations: number;
  readonly top1: number;
  readonly top1_avg_citations: number | null;
}

export interface PaperMetrics {
  readonly total: number;
  readonly top1_total: number;
  readonly top1_thresholds: readonly { readonly year: number; readonly citations: number }[];
  readonly by_country: readonly CountryPapers[];
  readonly by_institution: readonly InstitutionPapers[];
  readonly by_year_country: readonly { readonly year: number; readonly country: string; readonly papers: number; readonly top1: number }[];
}

export type ValueBand = '0-10k' | '10k-30k' | '30k-300k' | '300k-600k' | '600k-3M' | '3M-20M' | '20M+' | 'unknown';

export interface PatentMetrics {
  readonly total: number;
  readonly high_value_total: number;
  readonly by_country: readonly { readonly country: string; readonly patents: number; readonly high_value: number }[];
  readonly by_assignee: readonly (InstitutionRef & { readonly patents: number; readonly high_value: number })[];
  readonly by_year_country: readonly { readonly year: number; readonly country: string; readonly patents: number; readonly high_value: number }[];
  readonly value_bands: readonly { readonly country: string; readonly band: ValueBand; readonly patents: number }[];
}

export interface TalentMetrics {
  readonly total: number;
  readonly high_level_total: number;
  readonly by_country: readonly { readonly country: string; readonly scholars: number; readonly high_level: number }[];
  readonly by_institution: readonly (InstitutionRef & { readonly scholars: number; readonly high_level: number })[];
  readonly by_province: readonly { readonly province: string; readonly scholars: number; readonly high_level: number }[];
}

export interface Flow {
  readonly inflow: number;
  readonly outflow: number;
  readonly total: number;
  readonly net: number;
}

export interface FlowMetrics {
  readonly total_moves: number;
  readonly by_country: readonly (Flow & { readonly country: string })[];
  readonly by_city: readonly (Flow & { readonly city: string })[];
}

export interface CollaborationMetrics {
  readonly pairs: readonly { readonly a: string; readonly b: string; readonly top1_papers: number }[];
  readonly pairs_by_year: readonly { readonly a: string; readonly b: string; readonly year: number; readonly top1_papers: number }[];
}

export interface TopicMetrics {
  readonly topic_id: string;
  readonly name_zh: string;
  readonly name_en: string;
  readonly group: string;
  readonly top1_papers: number;
  readonly reviews: number;
  readonly top1_by_country: CountryCounts;
  /** Null when the topic has no top 1% paper. */
  readonly avg_pub_year: number | null;
  readonly patents: number;
  readonly patents_by_country: CountryCounts;
  readonly high_value: number;
  readonly high_value_by_country: CountryCounts;
  readonly c_total: number;
  readonly t_span: number;
  readonly s_trend: number;
  /** In (0, 1]; null when the topic's top 1% papers have no citations (or it has none). */
  readonly frontier_index: number | null;
}

export interface Provenance {
  readonly manifest: {
    readonly edition: string;
    readonly title: Manifest['title'];
    readonly paper_years: readonly [number, number];
    readonly patent_years: readonly [number, number];
    readonly snapshot: string;
    readonly source: Manifest['source'];
    /** The records are a reconstruction (see Manifest.reconstructed). */
    readonly reconstructed: boolean;
  };
  readonly inputs: readonly { readonly table: string; readonly file: string; readonly format: TableFormat; readonly rows: number; readonly sha256: string }[];
  /**
   * Rows of each input left out because their year is outside the manifest's window, or because
   * they belong to a record that is (a left-out paper's affiliations …): 0 when none was.
   */
  readonly outside_window: Readonly<Record<string, number>>;
  /** Per computed family: the query that produced it; `id` is `<family>@<first 12 hex of sha256>`. */
  readonly queries: Readonly<Record<string, { readonly id: string; readonly file: string; readonly sha256: string; readonly tables: readonly string[] }>>;
  /** Families left out because the dataset does not have their tables. */
  readonly omitted: readonly string[];
  /**
   * For a reconstructed dataset, each calibrated value: where it is in this document and whether it
   * was published (`assumed: false`) or modelled by the project (`assumed: true`).
   */
  readonly calibration: readonly CalibrationEntry[];
  /** The thresholds the SQL applied (top share, high-value patent, high-level researcher): the edition's definitions. */
  readonly definitions: Definitions;
  /**
   * Why the dataset's calibration (and its reconstruction statements) was set aside: the tables are not
   * the files it was made for. Absent when it holds or there is none.
   */
  readonly calibration_ignored?: string;
}

export interface MetricsDocument {
  readonly papers: PaperMetrics;
  readonly collaboration: CollaborationMetrics;
  readonly patents?: PatentMetrics;
  readonly talent?: TalentMetrics;
  readonly flows?: FlowMetrics;
  readonly topics?: readonly TopicMetrics[];
  readonly provenance: Provenance;
}
