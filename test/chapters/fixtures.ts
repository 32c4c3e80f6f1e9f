/**
 * The real edition (templates, every locale file) and the metrics of the shipped sample dataset,
 * computed once per test file: chapter, figure, table and check tests run on what the build runs on.
 */
import { join } from 'node:path';
import { countryNames } from '../../src/chapters/countries.ts';
import { readEdition, type Edition } from '../../src/chapters/edition.ts';
import { createTranslator, readLocale, type LocaleBundle } from '../../src/chapters/i18n.ts';
import { numberFigures, renderChapters, type FigureNumbers, type RenderOptions } from '../../src/chapters/render.ts';
import { buildFigure } from '../../src/figures/build.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import type { Locale } from '../../src/load/yaml.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { metricsOf } from '../metrics/compute.ts';

export const ROOT = new URL('../..', import.meta.url).pathname;

let sample: Promise<MetricsDocument> | undefined;
/** The metrics of data/2023 (the small sample until the calibrated dataset lands). */
export function sampleMetrics(): Promise<MetricsDocument> {
  return (sample ??= metricsOf(join(ROOT, 'data/2023')));
}

export function bundle(locale: Locale): Promise<LocaleBundle> {
  return readLocale(nodeFileSystem, join(ROOT, 'locales'), locale);
}

export function edition(): Promise<Edition> {
  return readEdition(nodeFileSystem, join(ROOT, 'templates'), '2023');
}

/** A deep, writable copy of the metrics, to perturb in a test. */
export function copy(metrics: MetricsDocument): MetricsDocument {
  return structuredClone(metrics) as MetricsDocument;
}

/** The edition rendered in one locale: chapter HTML joined, and the text without tags. */
export async function render(locale: Locale, metrics: MetricsDocument, ed?: Edition, options: RenderOptions = {}) {
  const b = await bundle(locale);
  const e = ed ?? (await edition());
  const chapters = renderChapters(e, metrics, createTranslator(b), countryNames(locale, b.namespaces.countries), numberFigures(e), options);
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
  return buildFigure(id, ed ?? (await edition()), metrics, createTranslator(b), countryNames(locale, b.namespaces.countries));
}
