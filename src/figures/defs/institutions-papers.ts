import { institutionLabel, rankedFigure } from './common.ts';

export default rankedFigure('institutions-papers', 'papers', (ctx) =>
  ctx.metrics.papers.by_institution.map((r) => ({ label: institutionLabel(ctx, r), value: r.papers, where: ['papers.by_institution', { institution_id: r.institution_id }, 'papers'] as const })),
  { labelField: 'institution' });
