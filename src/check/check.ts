/**
 * `report check`: the edition's sources and its rendering, in every locale, on the dataset's metrics
 * and on a perturbed copy of them. Returns every problem found, each naming where it is.
 */
import { checkCitations } from './citations.ts';
import { checkDates } from './dates.ts';
import { checkStyle, styleRules } from './style.ts';
import { countryNames } from '../base/countries.ts';
import type { Edition } from '../base/edition.ts';
import { createTranslator, type LocaleBundle } from '../base/i18n.ts';
import type { MetricsDocument } from '../metrics/document.ts';
import { unknownTimelineTopics, type Timeline } from '../base/timeline.ts';
import { lintLocales, lintTemplates, type Problem } from './lint.ts';
import { perturb } from './perturb.ts';
import { checkClaims, type ClaimsSummary } from './claims.ts';
import { checkTopicSections } from './sections.ts';
import { checkCjkSpacing, checkNumbering, checkParity, checkPartitions, checkTraceable, renderForCheck, type LocaleRender } from './render.ts';

export type { Problem } from './lint.ts';

export interface CheckSummary {
  readonly problems: readonly Problem[];
  /** Per locale: chapters, figures and tables rendered, numbers traced. */
  readonly locales: readonly { locale: string; figures: number; tables: number; numbers: number }[];
  /** Rank-changing variants rendered, claims carried, comparative sentences without one (check/claims.ts). */
  readonly claims?: Omit<ClaimsSummary, 'problems'>;
}

export function checkEdition(edition: Edition, metrics: MetricsDocument, bundles: readonly LocaleBundle[]): CheckSummary {
  const problems: Problem[] = [...lintLocales(bundles), ...lintTemplates(edition), ...lintContent(edition, metrics), ...checkDates(edition, metrics), ...checkCitations(edition, bundles)];
  const runs: [string, MetricsDocument][] = [['dataset', metrics], ['perturbed dataset', perturb(metrics)]];
  let summary: LocaleRender[] = [];
  for (const [label, m] of runs) {
    const renders: LocaleRender[] = [];
    for (const bundle of bundles) {
      const t = createTranslator(bundle, m.provenance.definitions);
      const names = countryNames(bundle.locale, bundle.namespaces.countries);
      let r: LocaleRender;
      try {
        r = renderForCheck(edition, m, t, names);
      } catch (error) {
        problems.push({ check: 'render', where: `${label} ${bundle.locale}`, message: (error as Error).message });
        continue;
      }
      renders.push(r);
      problems.push(...checkTraceable(r, label), ...checkNumbering(r, label), ...checkPartitions(r, label), ...checkTopicSections(r, m, label), ...checkCjkSpacing(r, label));
      // Style is the dataset's text: the perturbed one repeats it with other numbers.
      if (label === 'dataset') problems.push(...checkStyle(r, styleRules(bundle), label));
    }
    problems.push(...checkParity(renders, label));
    if (label === 'dataset') summary = renders;
  }
  const { problems: claimProblems, ...claims } = checkClaims(edition, metrics, bundles, new Map(summary.map((r) => [r.locale, r.trace.sentences ?? []])), new Map(summary.map((r) => [r.locale, r.text])));
  problems.push(...claimProblems);
  return {
    claims,
    problems: dedupe(problems),
    locales: summary.map((r) => ({ locale: r.locale, figures: r.figures.length, tables: r.tables.length, numbers: r.trace.entries.filter((e) => e.value !== null).length })),
  };
}

/** Edition content that names what the metrics do not have: a timeline of an unknown topic. */
function lintContent(edition: Edition, metrics: MetricsDocument): Problem[] {
  const timeline = edition.content?.timeline as Timeline | undefined;
  if (!timeline) return [];
  return unknownTimelineTopics(timeline, (metrics.topics ?? []).map((t) => t.topic_id)).map((id) => ({
    check: 'content-topic',
    where: `content/timeline.yaml topics.${id}`,
    message: `no topic "${id}" in the metrics: its events would never be printed (topic ids are those of the dataset's topics)`,
  }));
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.check}|${p.where}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
