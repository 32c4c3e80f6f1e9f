import { rankedFigure } from './common.ts';

export default rankedFigure(
  'papers-by-country',
  'papers',
  ({ metrics, names }) => metrics.papers.by_country.map((r) => ({ label: names.label(r.country), value: r.papers, where: ['papers.by_country', { country: r.country }, 'papers'] as const })),
  { labelField: 'country' },
);
