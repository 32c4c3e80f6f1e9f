/** What a figure is made from, and what it makes. */
import type { TopLevelSpec } from 'vega-lite';
import type { CountryNames } from '../base/countries.ts';
import type { Focus } from '../base/edition.ts';
import type { EditionContent } from '../base/content.ts';
import type { Translator } from '../base/i18n.ts';
import type { MetricsDocument } from '../metrics/document.ts';
import type { Variables } from '../base/select.ts';
import type { Scope } from '../base/notes.ts';
import type { FigureData } from './data.ts';

export interface FigureContext {
  readonly metrics: MetricsDocument;
  readonly t: Translator;
  readonly names: CountryNames;
  /** The edition's home country and rival, for the figures that compare the two. */
  readonly focus: Focus;
  /** The edition's editorial content (`content/<kind>.yaml`, see base/content.ts). */
  readonly content: EditionContent;
}

/**
 * What a figure of figures.yaml is built from: the metrics, locale and content, and the edition
 * variables of its selectors and texts (`$home`, `$hot.group` …, see variables.ts) in place of the focus.
 */
export interface FigureBuildContext extends Omit<FigureContext, 'focus'> {
  readonly vars: Variables;
}

import type { ModelledMark } from './modelled-marks.ts';

export interface BuiltFigure {
  readonly spec: TopLevelSpec;
  /**
   * The page's chart in pieces drawn one under the other, between which the print may break the page
   * (a timeline taller than what is left of a page); without them, `spec` drawn whole.
   */
  readonly printParts?: readonly TopLevelSpec[];
  /** Markup (escaped for markdown). */
  readonly caption: string;
  /** Plain text for screen readers. */
  readonly title: string;
  readonly description: string;
  /** Some drawn values were modelled, not published (drawn open, modelled-marks.ts; the figure gets the key). */
  readonly modelled?: boolean;
  /** How they are drawn: hatched bars or areas (the default), or hollow points (lines). */
  readonly modelledMark?: ModelledMark;
  /** The data behind the chart, for its CSV (data.ts); without it, the spec's rows. */
  readonly data?: FigureData;
}

/** A figure of an edition, read from its figures.yaml (definitions.ts): a preset or a spec, bound to the metrics. */
export interface FigureDefinition {
  readonly id: string;
  readonly scope: Scope;
  /** `file:line:column` of the definition, for errors. */
  readonly at: string;
  build(ctx: FigureBuildContext): BuiltFigure;
}

/** Page area width at A4 with the report's margins, in CSS px: figures are drawn to fit it. */
export const FIGURE_WIDTH = 600;
