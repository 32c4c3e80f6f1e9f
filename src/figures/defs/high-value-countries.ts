import { orderBy } from '../../chapters/facts.ts';
import { family, rankedFigure } from './common.ts';

export default rankedFigure('high-value-countries', 'high-value', ({ metrics, names }) =>
  (orderBy(family(metrics.patents, 'patents').by_country as never, 'high_value') as unknown as { country: string; high_value: number }[]).map((r) => ({
    label: names.label(r.country),
    value: r.high_value,
    where: ['patents.by_country', { country: r.country }, 'high_value'] as const,
  })),
  { labelField: 'country' });
