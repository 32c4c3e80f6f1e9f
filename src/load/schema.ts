/**
 * The data contract: the tables of a dataset, their columns and what each value must be.
 * Documented for users in docs/data-contract.md; keep the two in step.
 */
export type ColumnType =
  | { readonly kind: 'string' }
  | {
      readonly kind: 'int';
      readonly min?: number;
      /**
       * The column is the record's year and the manifest's range is the report's window: rows
       * outside it are left out (and counted), with every row that points to them (window.ts).
       */
      readonly window?: YearWindow;
    }
  | { readonly kind: 'number'; readonly min?: number }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'country' };

/** The manifest field that holds a year window. */
export type YearWindow = 'paper_years' | 'patent_years';

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable?: boolean;
  readonly unique?: boolean;
  /** A foreign key: every non-null value must exist in `table.column`. */
  readonly references?: { readonly table: TableName; readonly column: string };
}

export interface TableSpec {
  readonly name: TableName;
  readonly columns: readonly ColumnSpec[];
}

export type TableName =
  | 'papers'
  | 'paper_affiliations'
  | 'paper_topics'
  | 'paper_citations_by_year'
  | 'institutions'
  | 'patents'
  | 'patent_topics'
  | 'scholars'
  | 'scholar_moves'
  | 'topics';

const str = { kind: 'string' } as const;
const country = { kind: 'country' } as const;
const count = { kind: 'int', min: 0 } as const;
const year = { kind: 'int' } as const;

export const TABLES: readonly TableSpec[] = [
  {
    name: 'institutions',
    columns: [
      { name: 'institution_id', type: str, unique: true },
      { name: 'name_zh', type: str },
      { name: 'name_en', type: str },
      { name: 'country', type: country },
      { name: 'kind', type: { kind: 'enum', values: ['university', 'institute', 'company', 'government', 'other'] } },
      { name: 'parent_id', type: str, nullable: true, references: { table: 'institutions', column: 'institution_id' } },
      { name: 'province', type: str, nullable: true },
      { name: 'city', type: str, nullable: true },
    ],
  },
  {
    name: 'papers',
    columns: [
      { name: 'paper_id', type: str, unique: true },
      { name: 'year', type: { kind: 'int', window: 'paper_years' } },
      { name: 'doc_type', type: { kind: 'enum', values: ['article', 'review'] } },
      { name: 'citations', type: count },
    ],
  },
  {
    name: 'paper_affiliations',
    columns: [
      { name: 'paper_id', type: str, references: { table: 'papers', column: 'paper_id' } },
      { name: 'institution_id', type: str, references: { table: 'institutions', column: 'institution_id' } },
      { name: 'country', type: country },
    ],
  },
  {
    name: 'topics',
    columns: [
      { name: 'topic_id', type: str, unique: true },
      { name: 'name_zh', type: str },
      { name: 'name_en', type: str },
      { name: 'group', type: str },
    ],
  },
  {
    name: 'paper_topics',
    columns: [
      { name: 'paper_id', type: str, references: { table: 'papers', column: 'paper_id' } },
      { name: 'topic_id', type: str, references: { table: 'topics', column: 'topic_id' } },
    ],
  },
  {
    name: 'paper_citations_by_year',
    columns: [
      { name: 'paper_id', type: str, references: { table: 'papers', column: 'paper_id' } },
      { name: 'year', type: year },
      { name: 'citations', type: count },
    ],
  },
  {
    name: 'patents',
    columns: [
      { name: 'patent_id', type: str, unique: true },
      { name: 'year', type: { kind: 'int', window: 'patent_years' } },
      { name: 'country', type: country },
      { name: 'assignee_id', type: str, nullable: true, references: { table: 'institutions', column: 'institution_id' } },
      { name: 'value_usd', type: { kind: 'number', min: 0 }, nullable: true },
    ],
  },
  {
    name: 'patent_topics',
    columns: [
      { name: 'patent_id', type: str, references: { table: 'patents', column: 'patent_id' } },
      { name: 'topic_id', type: str, references: { table: 'topics', column: 'topic_id' } },
    ],
  },
  {
    name: 'scholars',
    columns: [
      { name: 'scholar_id', type: str, unique: true },
      { name: 'country', type: country },
      { name: 'institution_id', type: str, nullable: true, references: { table: 'institutions', column: 'institution_id' } },
      { name: 'h_index', type: count },
      { name: 'province', type: str, nullable: true },
      { name: 'city', type: str, nullable: true },
    ],
  },
  {
    name: 'scholar_moves',
    columns: [
      { name: 'scholar_id', type: str, references: { table: 'scholars', column: 'scholar_id' } },
      { name: 'year', type: { kind: 'int', window: 'paper_years' } }, // moves are seen in papers' affiliations: the papers' window
      { name: 'from_country', type: country },
      { name: 'to_country', type: country },
      { name: 'from_city', type: str, nullable: true },
      { name: 'to_city', type: str, nullable: true },
    ],
  },
];

export function tableSpec(name: TableName): TableSpec {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`no table ${name} in the contract`);
  return spec;
}

/** How each type is described in error messages. */
export function describeType(type: ColumnType): string {
  switch (type.kind) {
    case 'string':
      return 'a non-empty text';
    case 'int':
      return type.min === undefined ? 'a whole number' : `a whole number ≥ ${type.min}`;
    case 'number':
      return type.min === undefined ? 'a number' : `a number ≥ ${type.min}`;
    case 'enum':
      return `one of ${type.values.join(', ')}`;
    case 'country':
      return 'an ISO 3166-1 alpha-2 country code (e.g. CN, US)';
  }
}
