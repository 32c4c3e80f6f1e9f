/**
 * `content/platform.yaml`: the coverage of the platform the records come from (AMiner), as the
 * published edition states it. These are facts about the platform, not about this edition's dataset,
 * whose own totals come from the metrics; the appendix prints both and says which is which.
 */
import { ReportError } from '../errors.ts';
import type { YamlReader, YamlSource } from './yaml.ts';

/** How a count was stated: as it stands, or as "nearly" it ("近 1.4 亿"). */
export type Qualifier = 'exact' | 'nearly';
const QUALIFIERS: readonly Qualifier[] = ['exact', 'nearly'];

export interface PlatformCount {
  readonly count: number;
  /** A message context: `<key>_exact` / `<key>_nearly`. */
  readonly qualifier: Qualifier;
}

export interface PlatformCoverage {
  /** Researchers with a profile on the platform. */
  readonly scholars: PlatformCount;
  readonly papers: PlatformCount;
  readonly patents: PlatformCount;
}

const FIELDS = ['scholars', 'papers', 'patents'] as const;

export function readPlatform(r: YamlReader, source: YamlSource): PlatformCoverage {
  r.object([]);
  const out: Record<string, PlatformCount> = {};
  for (const field of FIELDS) {
    const entry = r.object([field]);
    const count = r.integer([field, 'count']);
    if (count <= 0) throw ReportError.of('input.field', { file: source.where([field, 'count']), path: `${field}.count`, expected: 'a count above zero', got: String(count) });
    const qualifier = entry.qualifier === undefined ? 'exact' : r.string([field, 'qualifier']);
    if (!QUALIFIERS.includes(qualifier as Qualifier)) {
      throw ReportError.of('input.field', { file: source.where([field, 'qualifier']), path: `${field}.qualifier`, expected: QUALIFIERS.join(' or '), got: JSON.stringify(qualifier) });
    }
    out[field] = { count, qualifier: qualifier as Qualifier };
  }
  const extra = Object.keys(r.object([])).filter((k) => !(FIELDS as readonly string[]).includes(k)).sort();
  if (extra.length) throw ReportError.of('input.field', { file: source.where([extra[0]!]), path: extra[0]!, expected: `one of ${FIELDS.join(', ')}`, got: JSON.stringify(extra[0]) });
  return out as unknown as PlatformCoverage;
}
