/**
 * Every figure of the report, one module each under defs/ (the yearly and talent ones share a
 * module per kind). A figure is data drawn from the metrics document plus a Vega-Lite spec; its
 * text (caption, axis titles, description for screen readers) comes from the locale.
 */
import { alias } from './defs/common.ts';
import highValueCountries from './defs/high-value-countries.ts';
import institutionsPapers from './defs/institutions-papers.ts';
import institutionsTop1 from './defs/institutions-top1.ts';
import papersByCountry from './defs/papers-by-country.ts';
import patentsCountries from './defs/patents-countries.ts';
import patentsInstitutions from './defs/patents-institutions.ts';
import { flowsCountries, talentCountries, talentProvinces } from './defs/talent.ts';
import top1ByCountry from './defs/top1-by-country.ts';
import { collaborationPairs, flowsCities } from './defs/ch3-talent.ts';
import { flowsCountriesMap, talentProvincesMap } from './defs/talent-maps.ts';
import valueBands from './defs/value-bands.ts';
import { trendsHomeRivalHighValue, trendsHomeRivalPapers, trendsHotFigures } from './defs/trends.ts';
import { trendsHotTimelines } from './defs/trends-timeline.ts';
import { collaborationYearly, highValueYearly, papersYearly, patentsYearly, top1Yearly } from './defs/yearly.ts';
import type { FigureDefinition } from './types.ts';

export type { FigureContext, FigureDefinition } from './types.ts';
export { FIGURE_WIDTH } from './types.ts';

export const FIGURES: readonly FigureDefinition[] = [
  papersByCountry,
  top1ByCountry,
  papersYearly,
  top1Yearly,
  institutionsPapers,
  institutionsTop1,
  patentsCountries,
  patentsInstitutions,
  patentsYearly,
  highValueCountries,
  valueBands,
  highValueYearly,
  talentCountries,
  talentProvinces,
  flowsCountries,
  collaborationYearly,
  // The key points repeat two of Chapter 2's figures.
  alias(institutionsPapers, 'kp-institutions-papers'),
  alias(patentsCountries, 'kp-patents-countries'),
  // Chapter 3 repeats the key points' talent figures.
  alias(talentCountries, 'ch3-talent-countries'),
  alias(talentProvinces, 'ch3-talent-provinces'),
  alias(flowsCountries, 'ch3-flows-countries'),
  alias(collaborationYearly, 'ch3-collaboration-yearly'),
  flowsCities,
  collaborationPairs,
  // Chapter 3's maps: every province and every country, beside the top-ten bars.
  talentProvincesMap,
  flowsCountriesMap,
  // Chapter 4.
  trendsHomeRivalPapers,
  trendsHomeRivalHighValue,
  ...trendsHotFigures,
  ...trendsHotTimelines,
];
