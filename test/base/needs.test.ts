/** What an edition needs of its data: read from edition.yaml, checked on the metrics before any template. */
import { describe, expect, it } from 'vitest';
import { assertNeeds, readNeeds, unmetNeeds, type Needs } from '../../src/base/needs.ts';
import { ReportError } from '../../src/errors.ts';
import { parseYaml, YamlReader } from '../../src/base/yaml.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { edition, sampleMetrics } from '../chapters/fixtures.ts';

const FOCUS = { home: 'CN', rival: 'US' };

function needsOf(yaml: string): Needs {
  const source = parseYaml('/e/edition.yaml', yaml);
  const needs = readNeeds(source, new YamlReader(source));
  if (!needs) throw new Error('no needs');
  return needs;
}

/** The sample's metrics with one list replaced (the rest as computed). */
async function withList(path: string, map: (rows: Record<string, unknown>[]) => Record<string, unknown>[]): Promise<MetricsDocument> {
  const doc = structuredClone(await sampleMetrics()) as unknown as Record<string, Record<string, unknown>>;
  const [family, list] = path.split('.') as [string, string];
  doc[family]![list] = map(doc[family]![list] as Record<string, unknown>[]);
  return doc as unknown as MetricsDocument;
}

describe('edition needs', () => {
  it('the 2023 edition declares its needs, and the sample dataset meets them', async () => {
    const ed = await edition();
    expect(ed.needs?.tables).toContain('scholar_moves');
    expect(ed.needs?.checks.length).toBeGreaterThan(5);
    expect(unmetNeeds(ed.needs!, await sampleMetrics(), ed.focus!)).toEqual([]);
  });

  it('names the rival missing from a list, the table it comes from and the need’s line', async () => {
    const ed = await edition();
    const doc = await withList('flows.by_country', (rows) => rows.filter((r) => r.country !== 'US'));
    const error = (() => {
      try {
        assertNeeds('2023', ed.needs, doc, ed.focus);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ReportError);
    expect((error as Error).message).toMatch(/^The 2023 edition needs what this dataset lacks/);
    expect((error as Error).message).toMatch(/templates\/2023\/edition\.yaml:\d+:\d+: flows\.by_country has no row with country = US \(table scholar_moves\)/);
    // Only the unmet need is listed.
    expect((error as Error).message.trim().split('\n')).toHaveLength(2);
  });

  it('lists the years of the window a focus country lacks, every unmet need at once', async () => {
    const needs = needsOf(`needs:
  checks:
    - { list: papers.by_year_country, each_year: paper_years, for: { country: [$home, $rival] }, table: papers }
    - { list: papers.by_country, some_positive: avg_citations, table: papers }
`);
    const doc = await withList('papers.by_year_country', (rows) => rows.filter((r) => !(r.country === 'CN' && (r.year === 2014 || r.year === 2015))));
    const zeroCitations = { ...doc, papers: { ...doc.papers, by_country: doc.papers.by_country.map((r) => ({ ...r, avg_citations: 0 })) } } as MetricsDocument;
    const unmet = unmetNeeds(needs, zeroCitations, FOCUS).map((u) => u.text);
    expect(unmet).toEqual([
      'papers.by_year_country has no row with country = CN for years 2014, 2015 of 2012–2021 (table papers)',
      'papers.by_country: avg_citations is zero or missing in every row (table papers)',
    ]);
  });

  it('a single-year window and a missing table are needs unmet', async () => {
    const needs = needsOf('needs:\n  tables: [papers, scholar_moves]\n  checks:\n    - { window: paper_years, min_years: 2 }\n');
    const doc = await sampleMetrics();
    const oneYear = { ...doc, provenance: { ...doc.provenance, manifest: { ...doc.provenance.manifest, paper_years: [2021, 2021] }, inputs: doc.provenance.inputs.filter((i) => i.table !== 'scholar_moves') } } as MetricsDocument;
    expect(unmetNeeds(needs, oneYear, FOCUS).map((u) => u.text)).toEqual([
      'the dataset has no table "scholar_moves"',
      'the paper_years window 2021–2021 spans 1 year(s); at least 2 are needed',
    ]);
  });

  it('a missing table is said once: the needs of its lists are not repeated, nor two needs that fail alike', async () => {
    const needs = needsOf(`needs:
  tables: [scholar_moves]
  checks:
    - { list: flows.by_country, has: { country: $home }, table: scholar_moves }
    - { list: flows.by_country, has: { country: $rival }, table: scholar_moves }
    - { list: talent.by_countries, has: { country: $home }, table: scholars }
    - { list: talent.by_countries, has: { country: $rival }, table: scholars }
`);
    const doc = await sampleMetrics();
    const noMoves = { ...doc, provenance: { ...doc.provenance, inputs: doc.provenance.inputs.filter((i) => i.table !== 'scholar_moves') } } as MetricsDocument;
    expect(unmetNeeds(needs, noMoves, FOCUS).map((u) => u.text)).toEqual([
      'the dataset has no table "scholar_moves"',
      'the metrics have no list "talent.by_countries" (table scholars)',
    ]);
  });

  it('refuses a need of no known kind and an unknown variable, naming file:line:column', () => {
    expect(() => needsOf('needs:\n  checks:\n    - { list: a.b, table: t, grows: x }\n')).toThrow(/^\/e\/edition\.yaml:3:7: needs\.checks\.0: expected a need with one of has/);
    expect(() => needsOf('needs:\n  checks:\n    - { list: a.b, table: t, has: { country: $homme } }\n')).toThrow(/edition\.yaml:3:\d+: needs\.checks\.0\.has\.country: expected a value, \$home or \$rival, got "\$homme"/);
    expect(() => needsOf('needs:\n  checks:\n    - { window: years, min_years: 2 }\n')).toThrow(/needs\.checks\.0\.window: expected one of paper_years, patent_years/);
  });
});
