/**
 * A perturbed copy of a metrics document: every count becomes 2n + 1 (ranks and orders stay, every
 * printed count changes). A number typed into a template or message may happen to equal a real value;
 * it cannot equal the perturbed one too, so `report check` renders both.
 */
import type { MetricsDocument } from '../metrics/document.ts';

/** Fields that are not counts: years and positions keep their values. */
const KEEP = new Set(['year', 'paper_years', 'patent_years', 't_span', 'avg_pub_year']);

export function perturb(metrics: MetricsDocument): MetricsDocument {
  const walk = (value: unknown, key: string): unknown => {
    if (KEEP.has(key)) return value;
    if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value * 2 + 1 : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  const copy = walk(metrics, '') as MetricsDocument;
  return { ...copy, provenance: metrics.provenance };
}
