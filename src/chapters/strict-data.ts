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

/**
 * A strict view of the metrics document with `extras` beside its top-level names (focus, defs,
 * content …). A frozen document's copy is made once and shared by every render of it (a preview
 * renders the same metrics on every edit; copying 3 MB each time was most of a render's cost); the
 * extras, small, are copied each time. Templates only read: nothing writes to the copy.
 */
export function strictMetrics<T extends object, E extends object>(metrics: T, extras: E): T & E {
  // Only a frozen document is known never to change (the metrics stage deep-freezes what it makes, the
  // cache what it parses); one that is not (a test's edited document) is copied at every render.
  let copy = Object.isFrozen(metrics) ? copies.get(metrics) : undefined;
  if (!copy) {
    copy = structuredClone(metrics);
    if (Object.isFrozen(metrics)) copies.set(metrics, copy);
  }
  return strictView({ ...(copy as T), ...structuredClone(extras) }, '');
}

const copies = new WeakMap<object, object>();

/**
 * The view of each object, made once: a list sorted by a helper reads every item's fields many times,
 * and a new proxy per read was the other half of a render's cost. An object of the document has one
 * path (the document is a tree), so the path its view reports is the same whichever way it is reached.
 */
const views = new WeakMap<object, object>();

function strictView<T extends object>(value: T, path: string): T {
  const known = views.get(value);
  if (known) return known as T;
  // Templates read fields millions of times: the path of a field is spelled out only when it is needed
  // (a name the document lacks, or an object's first view), and `in` asked only of an undefined value
  // (a plain object's field that is there reads as something else, or is undefined and `in` says so).
  const at = (key: string) => (path ? `${path}.${key}` : key);
  const view = new Proxy(value, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (typeof key !== 'string' || PROBES.has(key)) return v;
      if (v === undefined && !(key in target)) throw new MissingMetricError(at(key));
      if (v === null || typeof v !== 'object') return v;
      return views.get(v) ?? strictView(v as object, at(key));
    },
  });
  views.set(value, view);
  return view;
}
