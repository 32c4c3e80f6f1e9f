/**
 * The edition variables figures (and tables) may write in their YAML: the focus countries, the
 * topic groups of edition.yaml and the manifest's year ranges. Country names are the locale's.
 */
import type { Variables } from './select.ts';
import type { CountryNames } from './countries.ts';
import type { Focus, TopicGroups } from './edition.ts';
import type { MetricsDocument } from '../metrics/document.ts';

export interface VariableSources {
  readonly metrics: MetricsDocument;
  readonly names: CountryNames;
  readonly focus?: Focus;
  readonly topics?: TopicGroups;
  /** The locale's name for two countries as a pair (country-pair.ts): gives `$focus.pair`. */
  readonly pair?: (a: string, b: string) => string;
}

/**
 * `$home`, `$rival` and their names (`$home.name`: "the United States" as running text says it),
 * `$pair.a`/`$pair.b` (the focus pair in code order, as collaboration pairs are keyed), `$focus.pair`
 * (the two named as a pair: "中美", "China and the United States"),
 * `$frontier.group`, `$hot.group`, `$hot.year`, `$paper_years` / `$patent_years` ([from, to]) and
 * their ends (`$paper_years.from` …). A variable the edition does not declare is absent.
 */
export function editionVariables({ metrics, names, focus, topics, pair }: VariableSources): Variables {
  const m = metrics.provenance.manifest;
  const vars: Record<string, unknown> = {
    paper_years: m.paper_years,
    'paper_years.from': m.paper_years[0],
    'paper_years.to': m.paper_years[1],
    patent_years: m.patent_years,
    'patent_years.from': m.patent_years[0],
    'patent_years.to': m.patent_years[1],
  };
  if (focus) {
    const [a, b] = [focus.home, focus.rival].sort();
    Object.assign(vars, { home: focus.home, rival: focus.rival, 'home.name': names.name(focus.home), 'rival.name': names.name(focus.rival), 'pair.a': a, 'pair.b': b });
    if (pair) vars['focus.pair'] = pair(focus.home, focus.rival);
  }
  if (topics) Object.assign(vars, { 'frontier.group': topics.frontier.group, 'hot.group': topics.hot.group, 'hot.year': topics.hot.year });
  return Object.freeze(vars);
}
