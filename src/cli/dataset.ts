/**
 * Before a build: an edition whose dataset is generated (`generated: true` in edition.yaml) gets it
 * generated when missing or out of date. The generator checks its own digest (sources, targets,
 * scale), so an up-to-date dataset costs a few file reads.
 */
import { datasetDir } from '../load/dataset-dir.ts';
import { timed, type Effects } from '../effects.ts';
import type { Edition } from '../chapters/edition.ts';

export async function ensureDataset(fx: Effects, root: string, edition: Edition): Promise<void> {
  if (!edition.generated) return;
  const { generate } = await import('../generate/main.ts');
  await timed(
    fx,
    'generate data',
    () => generate({ scale: 1, out: datasetDir(root, edition.data), log: (line) => fx.log.info(`  ${line}`) }),
    (r) => (r.skipped ? 'up to date' : `${edition.data} written`),
  );
}
