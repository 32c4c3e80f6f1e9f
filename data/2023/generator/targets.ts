/**
 * Reads data/2023/targets.yaml. A target is a published or assumed value (see the file's header);
 * the generator uses the values, the check compares them, the report can tell the two kinds apart.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface Target {
  readonly value: number;
  /** Printed precision for averages and ratios; undefined for exact counts. */
  readonly digits?: number;
  readonly assumed: boolean;
}

export type Raw = Record<string, unknown>;

export function loadTargets(file = 'data/2023/targets.yaml'): Raw {
  return parse(readFileSync(file, 'utf8')) as Raw;
}

export function target(v: unknown): Target {
  if (typeof v === 'number') return { value: v, assumed: false };
  if (v && typeof v === 'object' && 'value' in v) {
    const o = v as { value: number; digits?: number; assumed?: boolean };
    return { value: o.value, ...(o.digits === undefined ? {} : { digits: o.digits }), assumed: o.assumed === true };
  }
  throw new Error(`not a target: ${JSON.stringify(v)}`);
}

/** The value of a target. */
export const val = (v: unknown): number => target(v).value;

/** Walks a dotted path into the targets. */
export function at(t: Raw, path: string): unknown {
  let cur: unknown = t;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') throw new Error(`targets: no ${path}`);
    cur = (cur as Raw)[key];
  }
  if (cur === undefined) throw new Error(`targets: no ${path}`);
  return cur;
}

export const obj = (t: Raw, path: string): Raw => at(t, path) as Raw;

/** Year-keyed series {2012: v, ...} as an array over the years range. */
export function series(v: unknown, years: readonly number[]): number[] {
  const o = v as Raw;
  return years.map((y) => val(o[String(y)]));
}
