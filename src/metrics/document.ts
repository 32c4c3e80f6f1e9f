/** The metrics document: everything the chapters print is derived from this, and nothing else. */
import type { Manifest } from '../load/manifest.ts';
import type { TableFormat } from '../load/tables.ts';

export interface CountryPapers {
  readonly country: string;
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
}

export interface Provenance {
  readonly manifest: {
    readonly edition: string;
    readonly title: Manifest['title'];
    readonly paper_years: readonly [number, number];
    readonly patent_years: readonly [number, number];
    readonly snapshot: string;
    readonly source: Manifest['source'];
  };
  readonly inputs: readonly { readonly table: string; readonly file: string; readonly format: TableFormat; readonly rows: number; readonly sha256: string }[];
  readonly queries: Readonly<Record<string, { readonly file: string; readonly sha256: string }>>;
}

export interface MetricsDocument {
  readonly papers: PaperMetrics;
  readonly provenance: Provenance;
}
