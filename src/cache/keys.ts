/**
 * What each cached result depends on. Anything not in a key must not change the result; when in doubt
 * it goes in (a needless recomputation is cheap, a stale number in a published report is not).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileSystem } from '../effects.ts';
import type { Definitions } from '../base/definitions.ts';
import { digest, folderDigest, packageVersions, SRC, sourceDigest } from './digest.ts';

/** Bump to drop every entry of a kind, e.g. when the stored format changes. */
const FORMAT = { metrics: 1, svg: 1, pdf: 1, chapters: 3 } as const;

/**
 * Metrics: the dataset's files, the edition's definitions (the thresholds the SQL is given), the
 * metric SQL (src/metrics/sql is part of src/metrics), and the engine's version: the DuckDB package,
 * the loader and metrics code, and the country list the loader validates against.
 */
export async function metricsKey(fs: FileSystem, dataDir: string, definitions: Definitions, engineName?: string): Promise<string> {
  // Another engine (ClickHouse) adds its name and its own modules; DuckDB's keys stay as they were.
  const other = engineName ? `;${engineName};${sourceDigest('base/clickhouse.ts', 'base/clickhouse-dialect.ts')}` : '';
  const engine = `${packageVersions('@duckdb/node-api', 'i18n-iso-countries')};${sourceDigest('load', 'metrics', 'base/engine.ts', 'base/definitions.ts', 'base/yaml.ts', 'errors.ts', 'messages.ts')}${other}`;
  const parameters = JSON.stringify(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)));
  return digest('metrics', String(FORMAT.metrics), await folderDigest(fs, dataDir), parameters, engine);
}

/**
 * One figure's SVG: its full Vega-Lite spec (data values are inline, so the data is in it), its
 * accessible title and description, and the renderer's version (vega, vega-lite, the shared figure
 * config in vega.ts, the fonts that measure the labels).
 */
export function svgKey(spec: unknown, options: unknown): string {
  const renderer = `${packageVersions('vega', 'vega-lite', 'fontkit', '@fontsource/noto-sans-sc', '@fontsource/noto-emoji')};${sourceDigest('figures/vega.ts', 'fonts', 'base/markup.ts')}`;
  return digest('svg', String(FORMAT.svg), JSON.stringify(spec), JSON.stringify(options), renderer);
}

/**
 * One printed PDF: the very HTML printed, the metadata written into it, and the printer's version
 * (the browser binary, puppeteer-core, the pagination and finishing code).
 */
export function pdfKey(html: string, locale: string, metadata: unknown, printer: string): string {
  return digest('pdf', String(FORMAT.pdf), digest(html), locale, JSON.stringify(metadata), printer, packageVersions('puppeteer-core'), sourceDigest('pdf', 'html/styles.ts'));
}

let lockDigest: string | null = null;

/**
 * One locale's chapters: the edition (templates, partials, focus), the locale's every message, the
 * metrics (by their own key), and all of the code and locked dependencies, since templates reach
 * helpers, tables and formatting all over src/. Coarse on code, exact on content.
 */
export function chaptersKey(edition: unknown, locale: string, messages: unknown, metrics: string): string {
  lockDigest ??= digest(readFileSync(join(SRC, '..', 'package-lock.json')));
  return digest('chapters', String(FORMAT.chapters), JSON.stringify(edition), locale, JSON.stringify(messages), metrics, sourceDigest('.'), lockDigest);
}
