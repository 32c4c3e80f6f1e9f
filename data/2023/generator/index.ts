/**
 * Entry point for the build: the 2023 edition's calibrated dataset, generated when missing or out
 * of date (its digest covers the generator, the targets and the manifest), else reused.
 */
import { defaultOut, generate } from './main.ts';

export { checkDataset, checkMetricsFile } from './check.ts';
export { compareDocument, report } from './compare.ts';
export { defaultOut, generate } from './main.ts';

/** Returns the folder of the full-size 2023 dataset, generating it first if needed. */
export async function ensureDataset2023(log: (msg: string) => void = () => {}): Promise<string> {
  const out = defaultOut(1);
  const r = await generate({ scale: 1, out, log });
  if (!r.skipped) log(`generated the 2023 dataset in ${r.seconds.toFixed(1)} s: ${out}`);
  return out;
}
