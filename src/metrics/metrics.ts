/**
 * Metrics stage: typed tables in the engine → the metrics document. Each family is one SQL file;
 * this module only shapes its results and records where every number came from.
 */
import { basename } from 'node:path';
import type { Manifest } from '../load/manifest.ts';
import type { LoadedTable } from '../load/tables.ts';
import type { TableName } from '../load/schema.ts';
import type { SqlEngine } from './engine.ts';
import type { CountryPapers, MetricsDocument, PaperMetrics } from './document.ts';
import { readQueryFile, runQueryFile, type QueryFile } from './queries.ts';

/** The tables each family reads; the loader loads exactly these (and what they point to). */
export const FAMILY_TABLES: Readonly<Record<string, readonly TableName[]>> = {
  papers: ['papers', 'paper_affiliations'],
};

export function requiredTables(): TableName[] {
  return [...new Set(Object.values(FAMILY_TABLES).flat())];
}

export async function computeMetrics(engine: SqlEngine, manifest: Manifest, inputs: readonly LoadedTable[]): Promise<MetricsDocument> {
  const files: QueryFile[] = Object.keys(FAMILY_TABLES).sort().map(readQueryFile);
  const papersFile = files.find((f) => f.family === 'papers')!;
  const papers = shapePapers(await runQueryFile(engine, papersFile));
  return deepFreeze({
    papers,
    provenance: {
      manifest: {
        edition: manifest.edition,
        title: manifest.title,
        paper_years: manifest.paperYears,
        patent_years: manifest.patentYears,
        snapshot: manifest.snapshot,
        source: manifest.source,
      },
      inputs: inputs.map((t) => ({ table: t.name, file: basename(t.file), format: t.format, rows: t.rows, sha256: t.sha256 })),
      queries: Object.fromEntries(files.map((f) => [f.family, { file: `src/metrics/sql/${f.family}.sql`, sha256: f.sha256 }])),
    },
  });
}

function shapePapers(r: Record<string, Record<string, unknown>[]>): PaperMetrics {
  const totals = r.totals![0]!;
  return {
    total: totals.total as number,
    top1_total: totals.top1_total as number,
    top1_thresholds: r.top1_thresholds!.map((row) => ({ year: row.year as number, citations: row.citations as number })),
    by_country: r.by_country!.map(
      (row): CountryPapers => ({
        country: row.country as string,
        papers: row.papers as number,
        avg_citations: row.avg_citations as number,
        top1: row.top1 as number,
        top1_avg_citations: (row.top1_avg_citations as number | null) ?? null,
      }),
    ),
  };
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
