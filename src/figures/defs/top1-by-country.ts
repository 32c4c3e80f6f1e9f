import { orderBy } from '../../chapters/facts.ts';
import type { CountryPapers } from '../../metrics/document.ts';
import { rankedFigure } from './common.ts';

export default rankedFigure('top1-by-country', 'papers', ({ metrics, names }) =>
  (orderBy(metrics.papers.by_country as never, 'top1') as unknown as CountryPapers[]).map((r) => ({ label: names.label(r.country), value: r.top1, where: ['papers.by_country', { country: r.country }, 'top1'] as const })),
  { labelField: 'country' });
