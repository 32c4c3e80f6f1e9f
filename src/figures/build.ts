/**
 * One figure built for one locale: its definition found, its edition variables set, its chart,
 * texts and notes. The figures stage, `report check` and its chart check all build figures here.
 */
import type { CountryNames } from '../base/countries.ts';
import type { EditionContent } from '../base/content.ts';
import type { Focus, TopicGroups } from '../base/edition.ts';
import type { Translator } from '../base/i18n.ts';
import type { YamlSource } from '../base/yaml.ts';
import type { MetricsDocument } from '../metrics/document.ts';
import { editionFigures, figureById } from './definitions.ts';
import { scopeNotes } from '../base/notes.ts';
import type { BuiltFigure, FigureDefinition } from './types.ts';
import { editionVariables } from '../base/variables.ts';
import { countryPair } from '../base/country-pair.ts';

/** What of the edition a figure needs: its figures.yaml, focus, topic groups and content. */
export interface FigureEdition {
  readonly figures?: YamlSource;
  readonly focus?: Focus;
  readonly topics?: TopicGroups;
  readonly content?: EditionContent;
}

export interface FigureBuild {
  readonly def: FigureDefinition;
  readonly built: BuiltFigure;
  /** Markup: the scope and source notes (modelled values get a key, not a note: modelled-marks.ts). */
  readonly notes: readonly string[];
}

export function buildFigure(id: string, edition: FigureEdition, metrics: MetricsDocument, t: Translator, names: CountryNames): FigureBuild {
  const def = figureById(editionFigures(edition.figures), id);
  const content = edition.content ?? {};
  const vars = editionVariables({ metrics, names, pair: (a, b) => countryPair(t, names, a, b), ...(edition.focus ? { focus: edition.focus } : {}), ...(edition.topics ? { topics: edition.topics } : {}) });
  const built = def.build({ metrics, t, names, content, vars });
  const notes = scopeNotes(def.scope, metrics, t, content);
  return { def, built, notes: Object.freeze(notes) };
}
