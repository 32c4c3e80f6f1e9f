/** The key points' verdicts (issue 17): read from the data, so they turn when the data turn. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { copy, render, sampleMetrics } from './fixtures.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Country = Mutable<{ country: string; papers: number; avg_citations: number; top1: number; top1_avg_citations: number | null }>;

let metrics: MetricsDocument;
beforeAll(async () => {
  metrics = await sampleMetrics();
});

/** The sample with the home country's paper counts and citation rates set against the rival's. */
function withPapers(papers: 'more' | 'fewer', cited: 'more' | 'fewer'): MetricsDocument {
  const m = copy(metrics);
  const rows = m.papers.by_country as unknown as Country[];
  const home = rows.find((r) => r.country === 'CN')!;
  const rival = rows.find((r) => r.country === 'US')!;
  home.papers = rival.papers + (papers === 'more' ? 10 : -10);
  home.avg_citations = rival.avg_citations + (cited === 'more' ? 1 : -1);
  // The list stays in the order the metrics give it: most papers first.
  rows.sort((a, b) => b.papers - a.papers || a.country.localeCompare(b.country));
  return m;
}

describe('the verdict on quantity against impact', () => {
  it('names the gap for what it is, in both languages', async () => {
    const cases = [
      ['fewer', 'more', 'gap, then, is one of quantity, not of average impact', '论文的差距在数量，而不在平均影响'],
      ['more', 'more', 'is thus ahead in both quantity and average impact', '论文在数量和平均影响上都已领先'],
      ['fewer', 'fewer', 'thus trails the United States in both quantity and average impact', '论文在数量和平均影响上都还落后于美国'],
      ['more', 'fewer', 'lead, then, is one of quantity', '论文的优势在数量，平均影响仍不及美国'],
    ] as const;
    for (const [papers, cited, en, zh] of cases) {
      const m = withPapers(papers, cited);
      expect((await render('en', m)).text, `${papers} papers, cited ${cited}`).toContain(en);
      expect((await render('zh', m)).text, `${papers} papers, cited ${cited}`).toContain(zh);
    }
  });

  it('says nothing when the two are level', async () => {
    const m = copy(metrics);
    const rows = m.papers.by_country as unknown as Country[];
    rows.find((r) => r.country === 'CN')!.papers = rows.find((r) => r.country === 'US')!.papers;
    expect((await render('en', m)).text).not.toMatch(/in both quantity and average impact|one of quantity/);
  });
});
