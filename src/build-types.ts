/** What a build is given and what it gives back: the pipeline's interface (src/pipeline.ts). */
import type { AnswerMemo } from './cache/answers.ts';
import type { Cache } from './cache/store.ts';
import type { StageTiming } from './base/stages.ts';
import type { FontLoader } from './html/document.ts';
import type { Locale } from './base/yaml.ts';
import type { Edition } from './base/edition.ts';
import type { MetricsDocument } from './metrics/document.ts';
import type { SqlEngine } from './base/engine.ts';
import type { Printer } from './pdf/print.ts';

export type { StageTiming } from './base/stages.ts';

export type Format = 'pdf' | 'html';

/**
 * The HTML edition as one self-contained file per locale (`single`: fonts as data URLs, opens from
 * disk or mail), or as a web folder (`web`: the font chunks as files under <edition>/fonts/, fetched
 * by unicode-range, so a page loads only the chunks its text uses; to be served over HTTP).
 */
export type HtmlOutput = 'single' | 'web';

export interface BuildOptions {
  /** Project root: templates/, locales/ and the edition's data folder are found under it. */
  readonly root: string;
  readonly edition: string;
  /** The edition, when the caller has read it already (`report build`, to make its dataset first); else read here. */
  readonly read?: Edition;
  readonly locales: readonly Locale[];
  readonly formats: readonly Format[];
  /** How the HTML edition is written (default `single`). The PDF is always printed from the single file. */
  readonly html?: HtmlOutput;
  readonly outDir: string;
  /** A dataset folder (relative to root, or absolute) instead of the edition's `data:`. */
  readonly data?: string;
  /** The build cache's folder (e.g. .cache/build); absent or null: every stage runs. */
  readonly cacheDir?: string | null;
  /**
   * Every locale of the edition, when `locales` builds only some of them (the preview rebuilding the
   * one whose sentences changed): each HTML links to the other language's edition. Default: `locales`.
   */
  readonly publishedLocales?: readonly Locale[];
  /** Write metrics.json (default); the preview does not, it serves the HTML only. */
  readonly writeMetrics?: boolean;
  /**
   * Launch the browser as soon as the metrics are ready, not when the first PDF is needed (default: no).
   * Measured on 2 busy cores it did not pay: the launch competes with the chapters and figures stages.
   */
  readonly eagerBrowser?: boolean;
  /** Print each locale as soon as its HTML is ready, concurrently (default); false: one after another at the end. */
  readonly concurrentPrint?: boolean;
  /**
   * Draw the figures on a second thread too (src/cache/figure-threads.ts), started with the build
   * (default: no; `report build` does). Ignored with a cache or answers of the caller's own.
   */
  readonly figureThread?: boolean;
}

export interface Resources {
  openEngine(): Promise<SqlEngine>;
  /** The engine openEngine opens when it is not DuckDB (e.g. 'clickhouse'): part of the metrics cache key. */
  readonly engineName?: string;
  /** Called only when a PDF is asked for and not in the cache. */
  openPrinter(): Promise<Printer>;
  readonly fonts: FontLoader;
  /** Names the browser build, for the PDF cache key; without it PDFs are never read from the cache. */
  printerIdentity?(): string;
  /** A cache to use instead of cacheDir's (the preview keeps recent entries in memory). */
  readonly cache?: Cache;
  /**
   * Parsed metrics by cache key, kept by a long-running caller (the preview) so that an unchanged
   * dataset costs its digest only, not a parse of the cached document at every rebuild.
   */
  readonly parsed?: Map<string, MetricsDocument>;
  /** The figures and tables a long-running caller made last, reused while their inputs answer alike (src/cache/answers.ts). */
  readonly answers?: AnswerMemo;
}

export interface BuildResult {
  readonly metrics: MetricsDocument;
  readonly files: readonly { readonly path: string; readonly bytes: number; readonly pages?: number }[];
  readonly stages: readonly StageTiming[];
}

