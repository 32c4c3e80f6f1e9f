import { family, institutionLabel, rankedFigure } from './common.ts';

export default rankedFigure('patents-institutions', 'patents', (ctx) =>
  family(ctx.metrics.patents, 'patents').by_assignee.map((r) => ({ label: institutionLabel(ctx, r), value: r.patents, where: ['patents.by_assignee', { institution_id: r.institution_id }, 'patents'] as const })),
  { labelField: 'institution' });
