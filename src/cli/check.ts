/**
 * `report check [--edition 2023]`: computes the edition's metrics and checks its sources and both
 * locales' rendering (see src/check). Prints one line per problem; exit code 0 when there is none.
 */
import { join, resolve } from 'node:path';
import { readEdition } from '../base/edition.ts';
import { message } from '../messages.ts';
import { assertNeeds } from '../base/needs.ts';
import { ensureDataset } from './dataset.ts';
import { readLocale } from '../base/i18n.ts';
import { checkEdition } from '../check/check.ts';
import { checkFigureLabels } from '../check/figures.ts';
import type { Effects } from '../effects.ts';
import { datasetDir } from '../load/dataset-dir.ts';
import { LOCALES } from '../base/yaml.ts';
import { openDuckDb } from '../base/engine.ts';
import { computeDatasetMetrics } from '../pipeline.ts';

export const CHECK_HELP = `Usage: report check [--edition E] [--data DIR]

Checks an edition against its dataset, in every locale, and on a perturbed copy of the data:
  - every number in the rendered text is printed by a helper from the metrics document,
    and every value label a chart prints is in the chart's data
    (none typed into a template or a locale message; no country named in a message)
  - the locales have the same messages and content files, and show the same figures,
    tables and numbers
  - figures and tables are numbered 1, 2, 3 … once each, and every reference points to one
  - "N …, of which M …, the other K" statements add up
  - edition content (content/*.yaml) names only topics the metrics have
  - every claim holds on rank-changing variants of the metrics (home and rival swapped, orders
    reversed, leader demoted, ties at every rank, home and rival level, a single year); a message
    whose wording compares (the locale's claims:comparative_words) fails unless its call site
    declares a claim: a predicate, or (definition), (method), (recommendation), (editorial)

Prints one line per problem and exits with 1 if there is any.

Options:
  --edition E   edition under templates/ (default: the newest there)
  --data DIR    check against another dataset (e.g. the calibrated one) instead of the edition's
  -h, --help    this text`;

export async function checkCommand(root: string, edition: string, fx: Effects, data?: string): Promise<number> {
  const ed = await readEdition(fx.fs, join(root, 'templates'), edition);
  if (!data) await ensureDataset(fx, root, ed);
  const engine = await openDuckDb();
  let metrics;
  try {
    metrics = await computeDatasetMetrics(fx, engine, datasetDir(root, data !== undefined ? resolve(data) : ed.data), ed.definitions);
  } finally {
    engine.close();
  }
  if (metrics.provenance.calibration_ignored) fx.log.warn(message('data.calibration-ignored', { reason: metrics.provenance.calibration_ignored }));
  assertNeeds(edition, ed.needs, metrics, ed.focus);
  const bundles = await Promise.all(LOCALES.map((l) => readLocale(fx.fs, join(root, 'locales'), edition, l)));
  const result = checkEdition(ed, metrics, bundles);
  const problems = [...result.problems, ...(await checkFigureLabels(ed, metrics, bundles))];
  for (const l of result.locales) fx.log.info(`${l.locale}: ${l.figures} figures, ${l.tables} tables, ${l.numbers} numbers traced to the metrics`);
  if (result.claims) {
    const c = result.claims;
    const declared = Object.entries(c.declared).map(([k, n]) => `${n} ${k}`).join(', ');
    fx.log.info(`claims: ${c.claimed} messages carry a predicate${declared ? ` (declarations: ${declared})` : ''}; ${c.variants} rank-changing variants rendered in ${bundles.length} locales; ${c.unclaimed.length} comparative messages without a predicate`);
  }
  for (const p of problems) fx.log.info(`${p.check}: ${p.where}: ${p.message}`);
  fx.log.info(problems.length === 0 ? `check passed: edition ${edition}` : `check failed: ${problems.length} problem(s) in edition ${edition}`);
  return problems.length === 0 ? 0 : 1;
}
