/** Patent value bands and the high-value line at their boundaries: each band includes its lower bound. */
import { describe, expect, it } from 'vitest';
import { datasetDir, metricsOf } from './compute.ts';

const BASE = {
  'institutions.csv': 'institution_id,name_zh,name_en,country,kind,parent_id,province,city\nI1,甲,A,CN,university,,,\n',
  'papers.csv': 'paper_id,year,doc_type,citations\nP1,2020,article,3\n',
  'paper_affiliations.csv': 'paper_id,institution_id,country\nP1,I1,CN\n',
};

describe('patent value bands', () => {
  it('puts each boundary value in the band it opens, and 1,000,000 among high-value patents', async () => {
    const values = [0, 9999.99, 10000, 29999, 30000, 300000, 600000, 999999.99, 1000000, 3000000, 20000000, null];
    const rows = values.map((v, i) => `T${i},2021,US,,${v ?? ''}`);
    const doc = await metricsOf(datasetDir({ ...BASE, 'patents.csv': `patent_id,year,country,assignee_id,value_usd\n${rows.join('\n')}\n` }));
    const bands = Object.fromEntries(doc.patents!.value_bands.map((b) => [b.band, b.patents]));
    expect(bands).toEqual({
      '0-10k': 2, // 0, 9999.99
      '10k-30k': 2, // 10000, 29999
      '30k-300k': 1,
      '300k-600k': 1,
      '600k-3M': 3, // 600000, 999999.99, 1000000
      '3M-20M': 1,
      '20M+': 1,
      unknown: 1,
    });
    expect(doc.patents!.high_value_total).toBe(3); // 1,000,000, 3,000,000, 20,000,000
    expect(doc.patents!.by_assignee).toEqual([]);
    expect(doc.provenance.omitted).toEqual(['talent', 'flows', 'topics']);
  });
});
