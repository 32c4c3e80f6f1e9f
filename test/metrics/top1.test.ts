/**
 * The top 1% threshold with k > 1: a year of 250 papers has k = ceil(250/100) = 3, so the threshold
 * is the citations of the 3rd most cited paper, and every paper tied with it is top 1%.
 */
import { describe, expect, it } from 'vitest';
import { datasetDir, metricsOf } from './compute.ts';

const INSTITUTIONS = 'institution_id,name_zh,name_en,country,kind,parent_id,province,city\nI1,甲,A,CN,university,,,\n';

function dataset(years: Record<number, number[]>): string {
  const papers = ['paper_id,year,doc_type,citations'];
  const affiliations = ['paper_id,institution_id,country'];
  let n = 0;
  for (const [year, citations] of Object.entries(years)) {
    for (const c of citations) {
      papers.push(`P${++n},${year},article,${c}`);
      affiliations.push(`P${n},I1,CN`);
    }
  }
  return datasetDir({ 'institutions.csv': INSTITUTIONS, 'papers.csv': `${papers.join('\n')}\n`, 'paper_affiliations.csv': `${affiliations.join('\n')}\n` });
}

describe('top 1% papers', () => {
  it('takes the k-th most cited paper as the threshold and includes every tie', async () => {
    // 2020: 250 papers, citations 100, 90, 80, 80, 80, then 245 papers with 1 → k = 3, threshold 80,
    // top 1% = 100, 90 and the three 80s = 5 papers (more than k because of the tie).
    // 2021: 100 papers with 0 citations → k = 1, threshold 0, but a top 1% paper needs ≥ 1 citation.
    const doc = await metricsOf(dataset({ 2020: [100, 90, 80, 80, 80, ...Array(245).fill(1)], 2021: Array(100).fill(0) }));
    expect(doc.papers.top1_thresholds).toEqual([
      { year: 2020, citations: 80 },
      { year: 2021, citations: 0 },
    ]);
    expect(doc.papers.top1_total).toBe(5);
    expect(doc.papers.by_country).toEqual([
      { country: 'CN', papers: 350, avg_citations: (100 + 90 + 240 + 245) / 350, top1: 5, top1_avg_citations: 430 / 5 },
    ]);
  });

  it('counts 101 papers as k = 2', async () => {
    // ceil(101/100) = 2: the threshold is the 2nd most cited (7), not the 1st (9).
    const doc = await metricsOf(dataset({ 2021: [9, 7, 5, ...Array(98).fill(2)] }));
    expect(doc.papers.top1_thresholds).toEqual([{ year: 2021, citations: 7 }]);
    expect(doc.papers.top1_total).toBe(2);
  });

  it('makes every paper top 1% when they all tie with at least 1 citation', async () => {
    const doc = await metricsOf(dataset({ 2020: Array(150).fill(3) }));
    expect(doc.papers.top1_total).toBe(150);
  });
});
