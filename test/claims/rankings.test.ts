import { describe, expect, it } from 'vitest';
import { countryNames } from '../../src/base/countries.ts';
import { RANKED, rankingsOf } from '../../src/claims/rankings.ts';

const names = { en: countryNames('en', {}), zh: countryNames('zh', {}) };

describe('rankings in the claims record', () => {
  const metrics = {
    papers: {
      by_country: ['US', 'CN', 'DE', 'GB', 'FR', 'JP', 'KR', 'IN', 'IT', 'CA', 'AU', 'ES'].map((country, i) => ({ country, papers: i === 2 ? 1100 - 100 : 1100 - 100 * i, share: 1 / (i + 1) })),
      by_year_country: [{ year: 2020, country: 'US', papers: 3 }],
      by_institution: [{ institution_id: 'I-1', name_en: 'Uni One', name_zh: '一大', country: 'US', papers: 4 }],
    },
    provenance: { inputs: [{ table: 'papers', rows: 5 }] },
  };
  const rankings = rankingsOf(metrics, names);

  it('ranks each list of subjects by each numeric field, ties sharing a rank, top ten only', () => {
    expect(Object.keys(rankings).sort()).toEqual(['papers.by_country:papers', 'papers.by_country:share', 'papers.by_institution:papers']);
    const ranks = rankings['papers.by_country:papers']!.ranks;
    expect(ranks).toMatchObject({ US: 1, CN: 2, DE: 2, GB: 4, CA: 10 });
    expect(Object.keys(ranks)).toHaveLength(RANKED);
    expect(ranks.AU).toBeUndefined();
  });

  it('names each subject in every locale: countries from the country names, others by their own names', () => {
    expect(rankings['papers.by_country:papers']!.names.DE).toEqual({ en: 'Germany', zh: '德国' });
    expect(rankings['papers.by_institution:papers']!.names['I-1']).toEqual({ en: 'Uni One', zh: '一大' });
  });
});
