/**
 * Whether a dataset's reconstruction statements hold for the tables actually loaded. A reconstructed
 * dataset comes with calibration.json, which names the SHA-256 of every table file it was calibrated
 * for. A user who edits a table (or drops new data in the folder) and keeps `reconstructed: true` and
 * the old calibration would otherwise get a preface saying the totals are the published edition's, and
 * `*` marks on values the published edition never printed. So: the statements and the marks apply to
 * the very files they were made for, and to no other dataset.
 */
import type { Manifest } from './manifest.ts';

export type CalibrationVerdict = { readonly holds: true } | { readonly holds: false; readonly reason: string };

/** `loaded`: the tables read, with the SHA-256 of each file. */
export function calibrationVerdict(manifest: Manifest, loaded: readonly { readonly name: string; readonly sha256: string }[]): CalibrationVerdict {
  if (!manifest.reconstructed && manifest.calibration.length === 0) return { holds: true };
  const made = manifest.calibratedInputs;
  if (!made) return { holds: false, reason: 'no calibration.json names the table files this reconstruction was made for' };
  const have = new Map(loaded.map((t) => [t.name, t.sha256]));
  const changed = Object.keys(made)
    .sort()
    .filter((name) => have.get(name) !== made[name]);
  const added = [...have.keys()].sort().filter((name) => !(name in made));
  if (changed.length === 0 && added.length === 0) return { holds: true };
  const parts = [
    ...(changed.length ? [`${changed.join(', ')} ${changed.length === 1 ? 'differs' : 'differ'} from the file${changed.length === 1 ? '' : 's'} it was made for`] : []),
    ...(added.length ? [`${added.join(', ')} ${added.length === 1 ? 'was' : 'were'} not part of it`] : []),
  ];
  return { holds: false, reason: `calibration.json was made for other table files: ${parts.join('; ')}` };
}
