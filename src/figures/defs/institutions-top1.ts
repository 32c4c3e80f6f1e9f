import { orderBy } from '../../chapters/facts.ts';
import type { InstitutionPapers } from '../../metrics/document.ts';
import { institutionLabel, rankedFigure } from './common.ts';

export default rankedFigure('institutions-top1', 'papers', (ctx) =>
  (orderBy(ctx.metrics.papers.by_institution as never, 'top1') as unknown as InstitutionPapers[]).map((r) => ({ label: institutionLabel(ctx, r), value: r.top1, where: ['papers.by_institution', { institution_id: r.institution_id }, 'top1'] as const })),
  { labelField: 'institution' });
