/** Small hand-made inputs for stage tests: a metrics document, locale bundles, an edition. */
import { readLocale, type LocaleBundle } from '../../src/base/i18n.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import type { Edition } from '../../src/base/edition.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import type { Locale } from '../../src/base/yaml.ts';
import { readFileSync } from 'node:fs';
import { DEFINITIONS_2023, FOCUS_2023 } from './definitions.ts';

export function metricsWith(byCountry: [string, number, number][]): MetricsDocument {
  return {
    papers: {
      total: byCountry.reduce((n, [, p]) => n + p, 0),
      top1_total: 7,
      top1_thresholds: [],
      by_country: byCountry.map(([country, papers, avg]) => ({ country, papers, avg_citations: avg, top1: 1, top1_avg_citations: 100 })),
    },
    provenance: {
      manifest: { edition: '2023', title: { zh: '标题', en: 'Title' }, paper_years: [2012, 2021], patent_years: [2012, 2021], snapshot: '2022-06-30', source: { zh: 'AMiner 科技情报平台', en: 'AMiner' } },
      inputs: [],
      queries: {},
      definitions: DEFINITIONS_2023,
    },
  } as unknown as MetricsDocument;
}

/** The project's real locale files (shared vocabulary and the 2023 edition's sentences), so tests exercise the real sentences. */
export function realBundle(locale: Locale): Promise<LocaleBundle> {
  return readLocale(nodeFileSystem, new URL('../../locales', import.meta.url).pathname, '2023', locale);
}

export function editionOf(text: string, file = 'templates/test/chapters/x.md.hbs'): Edition {
  return { edition: 'test', data: 'data/test', focus: FOCUS_2023, definitions: DEFINITIONS_2023, chapters: [{ id: 'x', file, text }] };
}

export function realEdition(): Edition {
  const file = 'templates/2023/chapters/02-research-strength.md.hbs';
  return editionOf(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), file);
}
