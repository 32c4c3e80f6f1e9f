/**
 * The metrics of test/fixtures/datasets/small, worked out by hand from its files (the comments show
 * the arithmetic). Papers and their countries / rolled-up institutions:
 *   P1 2020 article 10  US(U1b→U1), CN(C1a→C1)     P5 2020 article 1  CN(C1, C1a→C1)
 *   P2 2020 review  10  US(U1, U1a→U1), GB(G1)     P6 2021 article 5  CN(C1), GB(G1), US(U1a→U1)
 *   P3 2020 article  4  CN(C1)                     P7 2021 review  3  US(U1)
 *   P4 2020 article  0  DE(D1)                     P8 2021 article 0  GB(G1)
 * 2020 has 5 papers: k = ceil(5/100) = 1, threshold 10, and P1 and P2 tie at it: both top 1%.
 * 2021 has 3 papers: threshold 5: P6. Top 1%: P1, P2, P6.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { datasetDir, FIXTURES, metricsOf } from './compute.ts';

let doc: MetricsDocument;
beforeAll(async () => {
  doc = await metricsOf(`${FIXTURES}small`);
});

describe('papers', () => {
  it('counts papers and top 1% papers, ties at the threshold included', () => {
    expect(doc.papers.total).toBe(8);
    expect(doc.papers.top1_total).toBe(3);
    expect(doc.papers.top1_thresholds).toEqual([
      { year: 2020, citations: 10 },
      { year: 2021, citations: 5 },
    ]);
  });

  it('counts a multi-country paper once for each of its countries (full counting)', () => {
    expect(doc.papers.by_country).toEqual([
      // CN: P1 10, P3 4, P5 1, P6 5 → 20/4; top 1% P1, P6 → 15/2. Ties with US on papers: code order.
      { country: 'CN', papers: 4, avg_citations: 5, top1: 2, top1_avg_citations: 7.5 },
      // US: P1 10, P2 10, P6 5, P7 3 → 28/4; top 1% P1, P2, P6 → 25/3.
      { country: 'US', papers: 4, avg_citations: 7, top1: 3, top1_avg_citations: 25 / 3 },
      // GB: P2 10, P6 5, P8 0 → 15/3; top 1% P2, P6.
      { country: 'GB', papers: 3, avg_citations: 5, top1: 2, top1_avg_citations: 7.5 },
      // DE: P4 0 → no top 1% paper: null average, not 0.
      { country: 'DE', papers: 1, avg_citations: 0, top1: 0, top1_avg_citations: null },
    ]);
  });

  it('rolls institutions up to the top-level parent and counts a paper once per parent', () => {
    const rows = doc.papers.by_institution.map(({ institution_id, papers, avg_citations, top1, top1_avg_citations }) => ({
      institution_id,
      papers,
      avg_citations,
      top1,
      top1_avg_citations,
    }));
    expect(rows).toEqual([
      { institution_id: 'C1', papers: 4, avg_citations: 5, top1: 2, top1_avg_citations: 7.5 }, // P1 P3 P5 P6 (P5 via C1 and C1a: once)
      { institution_id: 'U1', papers: 4, avg_citations: 7, top1: 3, top1_avg_citations: 25 / 3 }, // P1 (U1b→U1a→U1) P2 P6 P7
      { institution_id: 'G1', papers: 3, avg_citations: 5, top1: 2, top1_avg_citations: 7.5 },
      { institution_id: 'D1', papers: 1, avg_citations: 0, top1: 0, top1_avg_citations: null },
    ]);
    expect(doc.papers.by_institution[1]).toMatchObject({ name_en: 'US University System', country: 'US' });
  });

  it('gives each rolled-up institution the kind of its top-level parent, in every institution list', () => {
    const kinds = (list: readonly { institution_id: string; kind: string }[]) => Object.fromEntries(list.map((x) => [x.institution_id, x.kind]));
    // U1b is an institute, but its papers count for U1, a university.
    expect(kinds(doc.papers.by_institution)).toEqual({ C1: 'university', U1: 'university', G1: 'company', D1: 'government' });
    for (const x of doc.patents!.by_assignee) expect(x.kind).toBe(kinds(doc.papers.by_institution)[x.institution_id] ?? x.kind);
    for (const x of doc.talent!.by_institution) expect(['university', 'institute', 'company', 'government', 'other']).toContain(x.kind);
    expect(doc.talent!.by_institution.length + doc.patents!.by_assignee.length).toBeGreaterThan(0);
  });

  it('splits papers by year and country, years ascending', () => {
    expect(doc.papers.by_year_country).toEqual([
      { year: 2020, country: 'CN', papers: 3, top1: 1 },
      { year: 2020, country: 'US', papers: 2, top1: 2 },
      { year: 2020, country: 'DE', papers: 1, top1: 0 },
      { year: 2020, country: 'GB', papers: 1, top1: 1 },
      { year: 2021, country: 'GB', papers: 2, top1: 1 },
      { year: 2021, country: 'US', papers: 2, top1: 1 },
      { year: 2021, country: 'CN', papers: 1, top1: 1 },
    ]);
  });
});

describe('collaboration', () => {
  it('adds each top 1% paper to every pair of its countries, codes in alphabetical order', () => {
    // P1 {CN, US}; P2 {GB, US}; P6 {CN, GB, US} → CN–GB, CN–US, GB–US.
    expect(doc.collaboration.pairs).toEqual([
      { a: 'CN', b: 'US', top1_papers: 2 },
      { a: 'GB', b: 'US', top1_papers: 2 },
      { a: 'CN', b: 'GB', top1_papers: 1 },
    ]);
    expect(doc.collaboration.pairs_by_year).toEqual([
      { a: 'CN', b: 'US', year: 2020, top1_papers: 1 },
      { a: 'GB', b: 'US', year: 2020, top1_papers: 1 },
      { a: 'CN', b: 'GB', year: 2021, top1_papers: 1 },
      { a: 'CN', b: 'US', year: 2021, top1_papers: 1 },
      { a: 'GB', b: 'US', year: 2021, top1_papers: 1 },
    ]);
  });
});

describe('patents', () => {
  it('counts patents and high-value ones (≥ 1,000,000 USD, a null value never)', () => {
    // T1 US 2M (high), T2 US 5k, T3 CN null, T4 CN exactly 1M (high), T5 CN 25M (high), T6 DE null.
    const p = doc.patents!;
    expect([p.total, p.high_value_total]).toEqual([6, 3]);
    expect(p.by_country).toEqual([
      { country: 'CN', patents: 3, high_value: 2 },
      { country: 'US', patents: 2, high_value: 1 },
      { country: 'DE', patents: 1, high_value: 0 },
    ]);
    // Assignees rolled up: T1 U1b→U1, T2 U1; T3 C1a→C1, T5 C1; T4 and T6 have none.
    expect(p.by_assignee.map((a) => [a.institution_id, a.patents, a.high_value])).toEqual([
      ['C1', 2, 1],
      ['U1', 2, 1],
    ]);
    expect(p.by_year_country).toEqual([
      { year: 2020, country: 'US', patents: 2, high_value: 1 },
      { year: 2020, country: 'DE', patents: 1, high_value: 0 },
      { year: 2021, country: 'CN', patents: 3, high_value: 2 },
    ]);
  });

  it('lists every value band for every country, null values as unknown', () => {
    const bands = (country: string) => doc.patents!.value_bands.filter((b) => b.country === country).map((b) => `${b.band}:${b.patents}`);
    expect(doc.patents!.value_bands.map((b) => b.country).filter((c, i, all) => all.indexOf(c) === i)).toEqual(['CN', 'US', 'DE']);
    expect(bands('CN')).toEqual(['0-10k:0', '10k-30k:0', '30k-300k:0', '300k-600k:0', '600k-3M:1', '3M-20M:0', '20M+:1', 'unknown:1']);
    expect(bands('US')).toEqual(['0-10k:1', '10k-30k:0', '30k-300k:0', '300k-600k:0', '600k-3M:1', '3M-20M:0', '20M+:0', 'unknown:0']);
    expect(bands('DE')).toEqual(['0-10k:0', '10k-30k:0', '30k-300k:0', '300k-600k:0', '600k-3M:0', '3M-20M:0', '20M+:0', 'unknown:1']);
  });
});

describe('talent', () => {
  it('counts scholars and high-level ones (h-index ≥ 20), leaving out null institutions and provinces', () => {
    // S1 US U1b h25, S2 US – h20, S3 CN C1a h19 CN-BJ, S4 CN C1 h30 CN-SH, S5 GB G1 h0, S6 CN – h5 CN-BJ.
    const t = doc.talent!;
    expect([t.total, t.high_level_total]).toEqual([6, 3]);
    expect(t.by_country).toEqual([
      { country: 'CN', scholars: 3, high_level: 1 },
      { country: 'US', scholars: 2, high_level: 2 },
      { country: 'GB', scholars: 1, high_level: 0 },
    ]);
    expect(t.by_institution.map((i) => [i.institution_id, i.scholars, i.high_level])).toEqual([
      ['C1', 2, 1],
      ['G1', 1, 0],
      ['U1', 1, 1],
    ]);
    expect(t.by_province).toEqual([
      { province: 'CN-BJ', scholars: 2, high_level: 0 },
      { province: 'CN-SH', scholars: 1, high_level: 1 },
    ]);
  });
});

describe('flows', () => {
  it('counts moves in both directions, by country and by known, differing cities', () => {
    // M1 US→CN Boston→Beijing, M2 CN→US Beijing→Boston, M3 CN→CN Shanghai→Beijing,
    // M4 GB→US ?→Boston, M5 CN→US Beijing→Beijing. Countries differ in M1, M2, M4, M5.
    const f = doc.flows!;
    expect(f.total_moves).toBe(4);
    expect(f.by_country).toEqual([
      { country: 'US', inflow: 3, outflow: 1, total: 4, net: 2 },
      { country: 'CN', inflow: 1, outflow: 2, total: 3, net: -1 },
      { country: 'GB', inflow: 0, outflow: 1, total: 1, net: -1 },
    ]);
    // Cities known and different: M1, M2, M3.
    expect(f.by_city).toEqual([
      { city: 'Beijing', inflow: 2, outflow: 1, total: 3, net: 1 },
      { city: 'Boston', inflow: 1, outflow: 1, total: 2, net: 0 },
      { city: 'Shanghai', inflow: 0, outflow: 1, total: 1, net: -1 },
    ]);
  });
});

describe('topics', () => {
  it('counts top 1% papers, reviews, countries, patents and high-value patents per topic', () => {
    const [k1, k2, k3] = doc.topics!;
    // K1 links P1 P2 P3 P6 (P3 is not top 1%); K2 links P1 (twice: counted once) and P6.
    expect(k1).toMatchObject({
      topic_id: 'K1',
      top1_papers: 3,
      reviews: 1,
      top1_by_country: { US: 3, CN: 2, GB: 2 },
      patents: 3, // T1 US, T3 CN, T4 CN
      patents_by_country: { CN: 2, US: 1 },
      high_value: 2,
      high_value_by_country: { CN: 1, US: 1 },
    });
    expect(k1!.avg_pub_year).toBeCloseTo((2020 + 2020 + 2021) / 3, 12);
    expect(k2).toMatchObject({ topic_id: 'K2', top1_papers: 2, reviews: 0, avg_pub_year: 2020.5, top1_by_country: { CN: 2, US: 2, GB: 1 }, patents: 2, high_value: 2 });
    expect(Object.keys(k1!.top1_by_country)).toEqual(['US', 'CN', 'GB']);
    expect(k3).toMatchObject({ topic_id: 'K3', top1_papers: 0, avg_pub_year: null, top1_by_country: {}, patents: 0, patents_by_country: {} });
  });

  it('computes the frontier index from the yearly citations of the top 1% papers', () => {
    const [k1, k2, k3] = doc.topics!;
    // K1 series 2020: 4+2, 2021: 6+3+1, 2022: 5+4 → 6, 10, 9. C = 25, T = 3, mean 25/3,
    // slope ((-1)·6 + 0·10 + 1·9) / 2 = 1.5, S = 1.5 / (25/3) = 0.18, raw = 25/3 · e^0.18.
    expect(k1).toMatchObject({ c_total: 25, t_span: 3 });
    expect(k1!.s_trend).toBeCloseTo(0.18, 12);
    // K2 series (P1, P6) 4, 7, 4: flat, S = 0, raw = 15/3 = 5.
    expect(k2).toMatchObject({ c_total: 15, t_span: 3, s_trend: 0 });
    expect(k1!.frontier_index).toBe(1);
    expect(k2!.frontier_index).toBeCloseTo(5 / ((25 / 3) * Math.exp(0.18)), 12);
    expect(k3).toMatchObject({ c_total: 0, t_span: 0, s_trend: 0, frontier_index: null });
  });
});

describe('the document', () => {
  it('keeps markup in names as plain data', () => {
    const g1 = doc.papers.by_institution.find((i) => i.institution_id === 'G1')!;
    expect(g1.name_zh).toBe('<script>alert(1)</script>');
    expect(g1.name_en).toBe('{{x}} *bold* <b>GB</b>');
    expect(doc.topics![1]).toMatchObject({ name_zh: '{{constructor}}', name_en: '*Quantum* <i>computing</i>' });
  });

  it('records inputs and the query of each family', () => {
    expect(doc.provenance.manifest).toEqual({
      edition: 'test',
      title: { zh: '测试', en: 'Test' },
      paper_years: [2020, 2021],
      patent_years: [2020, 2021],
      snapshot: '2022-06-30',
      source: { zh: '手工', en: 'Hand-made' },
      reconstructed: false,
    });
    expect(doc.provenance.inputs.map((i) => `${i.file}:${i.rows}`).sort()).toEqual([
      'institutions.csv:7',
      'paper_affiliations.csv:14',
      'paper_citations_by_year.csv:8',
      'paper_topics.csv:7',
      'papers.csv:8',
      'patent_topics.csv:5',
      'patents.csv:6',
      'scholar_moves.csv:5',
      'scholars.jsonl:6',
      'topics.csv:3',
    ]);
    expect(doc.provenance.inputs.every((i) => /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
    expect(Object.keys(doc.provenance.queries)).toEqual(['papers', 'collaboration', 'patents', 'talent', 'flows', 'topics']);
    expect(doc.provenance.queries.topics!.id).toMatch(/^topics@[0-9a-f]{12}$/);
    expect(doc.provenance.omitted).toEqual([]);
    expect(Object.isFrozen(doc.papers.by_country)).toBe(true);
  });

  it('leaves out the families whose tables the dataset does not have', async () => {
    const dir = datasetDir({
      'institutions.csv': 'institution_id,name_zh,name_en,country,kind,parent_id,province,city\nI1,甲,A,CN,university,,,\n',
      'papers.csv': 'paper_id,year,doc_type,citations\nP1,2020,article,3\n',
      'paper_affiliations.csv': 'paper_id,institution_id,country\nP1,I1,CN\n',
    });
    const small = await metricsOf(dir);
    expect(small.papers.total).toBe(1);
    expect(small.collaboration.pairs).toEqual([]);
    expect(small.patents).toBeUndefined();
    expect(small.topics).toBeUndefined();
    expect(small.provenance.omitted).toEqual(['patents', 'talent', 'flows', 'topics']);
    expect(Object.keys(small.provenance.queries)).toEqual(['papers', 'collaboration']);
  });
});
