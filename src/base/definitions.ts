/**
 * The edition's metric definitions: the thresholds that decide what counts as a top paper, a
 * high-value patent and a high-level researcher. The edition states them once (`definitions:` in
 * templates/<edition>/edition.yaml); the metrics SQL reads them as named parameters (`$top_share`,
 * `$high_value_usd`, `$high_level_h`), the metrics document records them in its provenance, and every
 * sentence, note and caption prints them from there (base/definition-variables.ts), so no text can state
 * another value than the one computed.
 */
import { ReportError } from '../errors.ts';
import type { YamlSource } from './yaml.ts';
import type { SqlParameters } from './engine.ts';

export interface Definitions {
  /** A paper is "top" when it is among this share (0.01 = 1 %) of the most cited papers of its publication year. */
  readonly top_share: number;
  /** A patent is high-value when its market value is at least this many US dollars. */
  readonly high_value_usd: number;
  /** A researcher is high-level when their h-index is at least this. */
  readonly high_level_h: number;
}

interface Bound {
  readonly ok: (v: number) => boolean;
  readonly expected: string;
}

const BOUNDS: Readonly<Record<keyof Definitions, Bound>> = {
  top_share: { ok: (v) => v > 0 && v <= 1, expected: 'a share above 0 and at most 1 (0.01 = 1 %)' },
  high_value_usd: { ok: (v) => v > 0, expected: 'an amount of US dollars above 0' },
  high_level_h: { ok: (v) => v > 0 && Number.isInteger(v), expected: 'a whole number above 0' },
};

/** Reads and validates the `definitions` block of an edition.yaml: every threshold present, in range. */
export function readDefinitions(source: YamlSource, path: readonly string[] = ['definitions']): Definitions {
  const block = path.reduce<unknown>((v, key) => (v as Record<string, unknown> | null | undefined)?.[key], source.value);
  const fail = (at: readonly string[], expected: string, got: unknown): never => {
    throw ReportError.of('input.field', { file: source.where(at), path: at.join('.'), expected, got: got === undefined ? 'nothing' : JSON.stringify(got) });
  };
  if (typeof block !== 'object' || block === null || Array.isArray(block)) fail(path, 'a mapping of top_share, high_value_usd and high_level_h', block);
  const out: Record<string, number> = {};
  for (const [name, bound] of Object.entries(BOUNDS)) {
    const v = (block as Record<string, unknown>)[name];
    if (typeof v !== 'number' || !Number.isFinite(v) || !bound.ok(v)) fail([...path, name], bound.expected, v);
    out[name] = v as number;
  }
  const unknown = Object.keys(block as object).filter((k) => !(k in BOUNDS)).sort();
  if (unknown.length > 0) fail([...path, unknown[0]!], `one of ${Object.keys(BOUNDS).join(', ')}`, unknown[0]);
  return Object.freeze(out as unknown as Definitions);
}

/** The definitions as the metrics SQL's named parameters. */
export function definitionParameters(definitions: Definitions): SqlParameters {
  return { top_share: definitions.top_share, high_value_usd: definitions.high_value_usd, high_level_h: definitions.high_level_h };
}
