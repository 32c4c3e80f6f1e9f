/**
 * Templates read the metrics document through a proxy that throws on a name the document does not
 * have: a typo in a template (`papers.by_contry`) is an error naming the path, never an empty
 * string or "NaN" in a printed sentence. Handlebars' own strict mode checks only the last name of a
 * path, and not at all inside helper arguments.
 */
import { ReportError } from '../errors.ts';

/** Names that libraries probe on any object (promises, JSON, Handlebars' SafeString check …). */
const PROBES = new Set(['then', 'toJSON', 'toHTML', 'constructor', 'length', 'prototype', '__proto__', 'nodeType', 'asymmetricMatch', 'inspect']);

export class MissingMetricError extends ReportError {
  readonly path: string;
  constructor(path: string) {
    super('metric.unknown', `the metrics document has no "${path}"`);
    this.path = path;
  }
}

/** A strict view of `value`. It works on a copy: a proxy over a frozen object may not hand out proxies. */
export function strictData<T extends object>(value: T): T {
  return strictView(structuredClone(value), '');
}

function strictView<T extends object>(value: T, path: string): T {
  return new Proxy(value, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (typeof key !== 'string' || PROBES.has(key)) return v;
      const here = path ? `${path}.${key}` : key;
      if (!(key in target)) throw new MissingMetricError(here);
      return v !== null && typeof v === 'object' ? strictView(v as object, here) : v;
    },
  });
}
