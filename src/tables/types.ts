/** Numbered tables: what they are made from, and what they make. */
import type { CountryNames } from '../base/countries.ts';
import type { EditionContent } from '../base/content.ts';
import type { Focus } from '../base/edition.ts';
import type { Translator } from '../base/i18n.ts';
import type { Trace } from '../base/trace.ts';
import type { MetricsDocument } from '../metrics/document.ts';
import type { Variables } from '../base/select.ts';
import type { Where } from '../base/modelled.ts';

export interface TableContext {
  readonly metrics: MetricsDocument;
  readonly t: Translator;
  readonly names: CountryNames;
  /** The edition's home country and rival: the selectors' `$home` and `$rival`. */
  readonly focus: Focus;
  /** The edition's editorial content (`content/<kind>.yaml`), selected as `content.<kind>`. */
  readonly content: EditionContent;
  /** More variables the selectors may name (such as the edition's topic groups, `$frontier.group`). */
  readonly vars?: Variables;
  /** Every number a cell prints is recorded here (see src/check). */
  readonly trace: Trace;
  /** Whether a value was modelled rather than published (a reconstructed dataset); absent: none was. */
  readonly modelled?: (where: Where) => boolean;
}

export interface TableColumn {
  /** Plain text. */
  readonly label: string;
  /** Numbers are right-aligned. */
  readonly numeric: boolean;
}

export interface BuiltTable {
  /** Markup (escaped for markdown). */
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  /** Plain text per cell. */
  readonly rows: readonly (readonly string[])[];
}

export interface RenderedTable extends BuiltTable {
  readonly id: string;
  readonly number: number;
  /** "表 1" / "Table 1". */
  readonly label: string;
  /** Markup. */
  readonly notes: readonly string[];
}
