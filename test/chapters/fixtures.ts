/**
 * The real edition (templates, every locale file) and the metrics of the shipped sample dataset,
 * computed once per test file: chapter, figure, table and check tests run on what the build runs on.
 */
import { join } from 'node:path';
import { countryNames } from '../../src/base/countries.ts';
import { readEdition, type Edition } from '../../src/base/edition.ts';
import { createTranslator, readLocale, type LocaleBundle } from '../../src/base/i18n.ts';
import { renderChapters, type RenderOptions } from '../../src/chapters/render.ts';
import { numberFigures, type FigureNumbers } from '../../src/base/slots.ts';
import { buildFigure } from '../../src/figures/build.ts';
import { placeTables } from '../../src/html/tables.ts';
import { renderEditionTables } from '../../src/tables/render.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import type { Locale } from '../../src/base/yaml.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { metricsOf } from '../metrics/compute.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

export const ROOT = new URL('../..', import.meta.url).pathname;

let sample: Promise<MetricsDocument> | undefined;
/** The metrics of data/2023 (the small sample until the calibrated dataset lands). */
export function sampleMetrics(): Promise<MetricsDocument> {
  return (sample ??= metricsOf(join(ROOT, 'data/2023')));
}

export function bundle(locale: Locale): Promise<LocaleBundle> {
  return readLocale(nodeFileSystem, join(ROOT, 'locales'), '2023', locale);
}

export function edition(): Promise<Edition> {
  return readEdition(nodeFileSystem, join(ROOT, 'templates'), '2023');
}

/** A deep, writable copy of the metrics, to perturb in a test. */
export function copy(metrics: MetricsDocument): MetricsDocument {
  return structuredClone(metrics) as MetricsDocument;
}

/** The edition rendered in one locale, its tables placed as the build places them: chapter HTML joined, and the text without tags. */
export async function render(locale: Locale, metrics: MetricsDocument, ed?: Edition, options: RenderOptions = {}) {
  const b = await bundle(locale);
  const e = ed ?? (await edition());
  const t = createTranslator(b, DEFINITIONS_2023);
  const names = countryNames(locale, b.namespaces.countries);
  const stage = renderChapters(e, metrics, t, names, numberFigures(e), options);
  const tables = renderEditionTables(e, { metrics, t, names, ...(options.trace ? { trace: options.trace } : {}) });
  const chapters = stage.map((c) => ({ ...c, html: placeTables(c.html, tables, t.text('document:download_csv')) }));
  const html = chapters.map((c) => c.html).join('\n');
  const text = html.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');
  return { chapters, html, text };
}

/** Figure numbers for renderFigures: the given ids and numbers, with the edition's figures, focus, topic groups and content. */
export async function figureNumbers(entries: readonly (readonly [string, number])[], ed?: Edition): Promise<FigureNumbers> {
  const e = ed ?? (await edition());
  const { focus, content, figures, topics } = numberFigures({ ...e, chapters: [] });
  return Object.assign(new Map(entries), { focus, content, figures, topics });
}

/** One figure of the edition built in a locale (chart, texts, notes), `ed` changed as a test needs. */
export async function buildOne(id: string, locale: Locale, metrics: MetricsDocument, ed?: Edition) {
  const b = await bundle(locale);
  return buildFigure(id, ed ?? (await edition()), metrics, createTranslator(b, DEFINITIONS_2023), countryNames(locale, b.namespaces.countries));
}
