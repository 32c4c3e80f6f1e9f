import { family, rankedFigure } from './common.ts';

export default rankedFigure('patents-countries', 'patents', ({ metrics, names }) =>
  family(metrics.patents, 'patents').by_country.map((r) => ({ label: names.label(r.country), value: r.patents })),
  { labelField: 'country' });
