/**
 * Metrics stage: typed tables in the engine → the metrics document. Each family is one SQL file;
 * this module only decides which families a dataset has, shapes their results and records where
 * every number came from.
 */
import { basename } from 'node:path';
import type { Manifest } from '../load/manifest.ts';
import type { LoadedTable, TableGroup } from '../load/tables.ts';
import type { TableName } from '../load/schema.ts';
import type { Row, SqlEngine } from '../base/engine.ts';
import type {
  CollaborationMetrics,
  CountryCounts,
  FlowMetrics,
  MetricsDocument,
  PaperMetrics,
  PatentMetrics,
  TalentMetrics,
  TopicMetrics,
} from './document.ts';
import { definitionParameters, type Definitions } from '../base/definitions.ts';
import { calibrationVerdict } from '../load/calibration.ts';
import { readQueryFile, runQueryFile } from './queries.ts';

export interface Family {
  readonly name: FamilyName;
  /** The table whose presence in the dataset says the family is wanted. */
  readonly anchor: TableName;
  /** Every table its SQL reads; all must be present once the anchor is (FK targets come too). */
  readonly tables: readonly TableName[];
  /** Papers are the report's spine: a dataset without them is not a dataset. */
  readonly required: boolean;
}

export type FamilyName = 'papers' | 'collaboration' | 'patents' | 'talent' | 'flows' | 'topics';

/**
 * The families in the order they run: papers first, because it prepares the temp tables
 * (paper_flags, paper_countries, institution_roots) that the later ones read.
 */
export const FAMILIES: readonly Family[] = [
  { name: 'papers', anchor: 'papers', tables: ['papers', 'paper_affiliations', 'institutions'], required: true },
  { name: 'collaboration', anchor: 'papers', tables: ['papers', 'paper_affiliations'], required: true },
  { name: 'patents', anchor: 'patents', tables: ['patents', 'institutions'], required: false },
  { name: 'talent', anchor: 'scholars', tables: ['scholars', 'institutions'], required: false },
  { name: 'flows', anchor: 'scholar_moves', tables: ['scholar_moves', 'scholars'], required: false },
  {
    name: 'topics',
    anchor: 'topics',
    tables: ['topics', 'paper_topics', 'paper_citations_by_year', 'patent_topics', 'patents', 'papers'],
    required: false,
  },
];

/** The tables each family reads (kept for callers that only need the list). */
export const FAMILY_TABLES: Readonly<Record<string, readonly TableName[]>> = Object.fromEntries(FAMILIES.map((f) => [f.name, f.tables]));

/** What the loader should load: one group per family, optional ones only when their anchor exists. */
export function requiredTables(): TableGroup[] {
  return FAMILIES.map((f) => ({ anchor: f.anchor, tables: f.tables, required: f.required }));
}

/** The families whose tables were all loaded, in run order. */
export function presentFamilies(inputs: readonly { readonly name: TableName }[]): Family[] {
  const have = new Set(inputs.map((t) => t.name));
  return FAMILIES.filter((f) => f.tables.every((t) => have.has(t)));
}

export interface ComputeOptions {
  /** Called after each family, e.g. by the benchmark to time it. */
  readonly onFamily?: (family: FamilyName, seconds: number) => void;
}

export async function computeMetrics(
  engine: SqlEngine,
  manifest: Manifest,
  inputs: readonly LoadedTable[],
  definitions: Definitions,
  options: ComputeOptions = {},
): Promise<MetricsDocument> {
  const families = presentFamilies(inputs);
  const parameters = definitionParameters(definitions);
  const results: Partial<Record<FamilyName, unknown>> = {};
  const queries: Record<string, MetricsDocument['provenance']['queries'][string]> = {};
  for (const family of families) {
    const start = performance.now();
    const file = readQueryFile(family.name);
    results[family.name] = SHAPE[family.name](await runQueryFile(engine, file, parameters));
    options.onFamily?.(family.name, (performance.now() - start) / 1000);
    // The id names the exact query text: the family and the first 12 hex digits of its SHA-256.
    queries[family.name] = { id: `${family.name}@${file.sha256.slice(0, 12)}`, file: `src/metrics/sql/${family.name}.sql`, sha256: file.sha256, tables: family.tables };
  }
  // Reconstruction statements and modelled marks hold only for the files they were made for.
  const verdict = calibrationVerdict(manifest, inputs);
  if (!results.papers || !results.collaboration) throw new Error('the papers family is required; the loader must load its tables');
  return deepFreeze({
    ...(results as Pick<MetricsDocument, 'papers' | 'collaboration' | 'patents' | 'talent' | 'flows' | 'topics'>),
    provenance: {
      manifest: {
        edition: manifest.edition,
        title: manifest.title,
        paper_years: manifest.paperYears,
        patent_years: manifest.patentYears,
        snapshot: manifest.snapshot,
        source: manifest.source,
        reconstructed: manifest.reconstructed && verdict.holds,
      },
      // Published or modelled, per calibrated value (empty for a dataset of real records, or one that is
      // not the dataset the calibration was made for).
      calibration: verdict.holds ? manifest.calibration : [],
      ...(verdict.holds ? {} : { calibration_ignored: verdict.reason }),
      // The thresholds the SQL applied (the edition's definitions): the text prints them from here.
      definitions: { ...definitions },
      inputs: inputs.map((t) => ({ table: t.name, file: basename(t.file), format: t.format, rows: t.rows, sha256: t.sha256 })),
      // Rows left out by the year window, per table it applies to (see src/load/window.ts).
      outside_window: Object.fromEntries(inputs.flatMap((t) => (t.outsideWindow === undefined ? [] : [[t.name, t.outsideWindow]]))),
      queries,
      omitted: FAMILIES.filter((f) => !families.includes(f)).map((f) => f.name),
    },
  });
}

type Results = Record<string, Row[]>;

/**
 * The SQL already names its columns as the document does; shaping picks the results, fills the
 * per-country maps and turns SQL NULL into null. The casts trust the SQL files, which the tests pin.
 */
const SHAPE: Record<FamilyName, (r: Results) => unknown> = {
  papers: (r): PaperMetrics => ({
    total: one(r, 'totals').total as number,
    top1_total: one(r, 'totals').top1_total as number,
    top1_thresholds: rows(r, 'top1_thresholds') as unknown as PaperMetrics['top1_thresholds'],
    by_country: rows(r, 'by_country') as unknown as PaperMetrics['by_country'],
    by_institution: rows(r, 'by_institution') as unknown as PaperMetrics['by_institution'],
    by_year_country: rows(r, 'by_year_country') as unknown as PaperMetrics['by_year_country'],
  }),
  collaboration: (r): CollaborationMetrics => ({
    pairs: rows(r, 'pairs') as unknown as CollaborationMetrics['pairs'],
    pairs_by_year: rows(r, 'pairs_by_year') as unknown as CollaborationMetrics['pairs_by_year'],
  }),
  patents: (r): PatentMetrics => ({
    total: one(r, 'totals').total as number,
    high_value_total: one(r, 'totals').high_value_total as number,
    by_country: rows(r, 'by_country') as unknown as PatentMetrics['by_country'],
    by_assignee: rows(r, 'by_assignee') as unknown as PatentMetrics['by_assignee'],
    by_year_country: rows(r, 'by_year_country') as unknown as PatentMetrics['by_year_country'],
    value_bands: rows(r, 'value_bands') as unknown as PatentMetrics['value_bands'],
  }),
  talent: (r): TalentMetrics => ({
    total: one(r, 'totals').total as number,
    high_level_total: one(r, 'totals').high_level_total as number,
    by_country: rows(r, 'by_country') as unknown as TalentMetrics['by_country'],
    by_institution: rows(r, 'by_institution') as unknown as TalentMetrics['by_institution'],
    by_province: rows(r, 'by_province') as unknown as TalentMetrics['by_province'],
  }),
  flows: (r): FlowMetrics => ({
    total_moves: one(r, 'totals').total_moves as number,
    by_country: rows(r, 'by_country') as unknown as FlowMetrics['by_country'],
    by_city: rows(r, 'by_city') as unknown as FlowMetrics['by_city'],
  }),
  topics: (r): TopicMetrics[] => {
    const top1 = byTopic(rows(r, 'top1_by_country'));
    const patents = byTopic(rows(r, 'patents_by_country'));
    const highValue = byTopic(rows(r, 'high_value_by_country'));
    return rows(r, 'topics').map((t) => {
      const id = t.topic_id as string;
      return {
        topic_id: id,
        name_zh: t.name_zh as string,
        name_en: t.name_en as string,
        group: t.group as string,
        top1_papers: t.top1_papers as number,
        reviews: t.reviews as number,
        top1_by_country: top1.get(id) ?? {},
        avg_pub_year: (t.avg_pub_year as number | null) ?? null,
        patents: t.patents as number,
        patents_by_country: patents.get(id) ?? {},
        high_value: t.high_value as number,
        high_value_by_country: highValue.get(id) ?? {},
        c_total: t.c_total as number,
        t_span: t.t_span as number,
        s_trend: t.s_trend as number,
        frontier_index: (t.frontier_index as number | null) ?? null,
      };
    });
  },
};

function rows(r: Results, name: string): Row[] {
  const result = r[name];
  if (!result) throw new Error(`the SQL file has no "-- name: ${name}" statement`);
  return result;
}

function one(r: Results, name: string): Row {
  return rows(r, name)[0]!;
}

/** {topic_id, country, n} rows (sorted by n desc, country) → per topic, {country: n} in that order. */
function byTopic(list: readonly Row[]): Map<string, CountryCounts> {
  const out = new Map<string, Record<string, number>>();
  for (const row of list) {
    const id = row.topic_id as string;
    let counts = out.get(id);
    if (!counts) out.set(id, (counts = {}));
    counts[row.country as string] = row.n as number;
  }
  return out;
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
