/**
 * calibration.json, written beside the generated tables: every target as a location in the metrics
 * document (list, row key, field) with its value and whether it is published or assumed. The report
 * uses it to say which numbers it prints are published and which are modelled.
 */
import { obj, target, type Raw } from './targets.ts';

export interface CalibrationEntry {
  /** Dotted path of a value or list in the metrics document, e.g. `papers.by_country`. */
  path: string;
  /** For a list: the fields that identify the row. */
  key?: Record<string, string | number>;
  /** The field of the row (or of the object at `path`). */
  field: string;
  value: number;
  /** Printed precision, for averages and ratios. */
  digits?: number;
  assumed: boolean;
}

export function calibrationEntries(t: Raw): CalibrationEntry[] {
  const out: CalibrationEntry[] = [];
  const add = (path: string, key: Record<string, string | number> | undefined, field: string, spec: unknown) => {
    const v = target(spec);
    out.push({ path, ...(key ? { key } : {}), field, value: v.value, ...(v.digits === undefined ? {} : { digits: v.digits }), assumed: v.assumed });
  };
  const rows = (path: string, keyName: string, section: string, fields: Record<string, string> | null = null) => {
    for (const [k, v] of Object.entries(obj(t, section))) {
      for (const [f, spec] of Object.entries(v as Raw)) add(path, { [keyName]: k }, fields?.[f] ?? f, spec);
    }
  };
  const P = obj(t, 'papers');
  add('papers', undefined, 'total', P.total);
  add('papers', undefined, 'top1_total', P.top1_total);
  rows('papers.by_country', 'country', 'papers.by_country');
  rows('papers.by_institution', 'institution_id', 'papers.by_institution');
  for (const cc of ['CN', 'US']) {
    for (const field of ['papers', 'top1']) {
      for (const [y, spec] of Object.entries((obj(t, `papers.yearly.${cc}`)[field]) as Raw)) add('papers.by_year_country', { year: Number(y), country: cc }, field, spec);
    }
  }
  for (const [y, spec] of Object.entries(P.thresholds as Raw)) add('papers.top1_thresholds', { year: Number(y) }, 'citations', spec);
  for (const [pair, spec] of Object.entries(obj(t, 'collaboration.pairs'))) {
    const [a, b] = pair.split('-') as [string, string];
    add('collaboration.pairs', { a, b }, 'top1_papers', spec);
  }
  for (const [y, spec] of Object.entries(obj(t, 'collaboration.cn_us_yearly'))) add('collaboration.pairs_by_year', { a: 'CN', b: 'US', year: Number(y) }, 'top1_papers', spec);
  const Pt = obj(t, 'patents');
  add('patents', undefined, 'total', Pt.total);
  rows('patents.by_country', 'country', 'patents.by_country');
  rows('patents.by_assignee', 'institution_id', 'patents.by_assignee');
  for (const cc of ['CN', 'US']) {
    for (const [y, spec] of Object.entries(obj(t, `patents.yearly.${cc}`))) add('patents.by_year_country', { year: Number(y), country: cc }, 'patents', spec);
    for (const [band, spec] of Object.entries(obj(t, `patents.value_bands.${cc}`))) add('patents.value_bands', { country: cc, band }, 'patents', spec);
  }
  const T = obj(t, 'talent');
  add('talent', undefined, 'total', T.total);
  add('talent', undefined, 'high_level_total', T.high_level_total);
  rows('talent.by_country', 'country', 'talent.by_country');
  rows('talent.by_institution', 'institution_id', 'talent.by_institution');
  rows('talent.by_province', 'province', 'talent.by_province');
  add('flows', undefined, 'total_moves', obj(t, 'flows').total_moves);
  rows('flows.by_country', 'country', 'flows.by_country');
  rows('flows.by_city', 'city', 'flows.by_city');
  const fields: Record<string, string> = {
    top1: 'top1_papers', cn: 'top1_by_country.CN', us: 'top1_by_country.US', patents_cn: 'patents_by_country.CN', patents_us: 'patents_by_country.US',
    high_value_cn: 'high_value_by_country.CN', high_value_us: 'high_value_by_country.US',
  };
  rows('topics', 'topic_id', 'topics.frontier', fields);
  for (const [id, v] of Object.entries(obj(t, 'topics.hot_2022'))) {
    const o = v as Raw;
    add('topics', { topic_id: id }, 'top1_papers', o.top1);
    add('topics', { topic_id: id }, 'high_value', o.high_value);
    for (const [cc, spec] of Object.entries(o.top1_by_country as Raw)) add('topics', { topic_id: id }, `top1_by_country.${cc}`, spec);
    for (const [cc, spec] of Object.entries(o.high_value_by_country as Raw)) add('topics', { topic_id: id }, `high_value_by_country.${cc}`, spec);
  }
  return out;
}

// The report's own rule for reading an entry back (modelled marks hold only where the value does).
export { matches, valueAt } from '../../../src/base/modelled.ts';
