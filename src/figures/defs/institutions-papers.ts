import { institutionLabel, rankedFigure } from './common.ts';

export default rankedFigure('institutions-papers', 'papers', (ctx) =>
  ctx.metrics.papers.by_institution.map((r) => ({ label: institutionLabel(ctx, r), value: r.papers })),
  { labelField: 'institution' });
