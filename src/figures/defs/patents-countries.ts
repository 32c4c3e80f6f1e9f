import { family, rankedFigure } from './common.ts';

export default rankedFigure('patents-countries', 'patents', ({ metrics, names }) =>
  family(metrics.patents, 'patents').by_country.map((r) => ({ label: names.label(r.country), value: r.patents, where: ['patents.by_country', { country: r.country }, 'patents'] as const })),
  { labelField: 'country' });
