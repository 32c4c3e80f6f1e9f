/** The 2023 edition and its sentences with something added, for the tests of `report check`. */
import type { Edition } from '../../src/base/edition.ts';
import type { LocaleBundle } from '../../src/base/i18n.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { bundle, edition, sampleMetrics } from '../chapters/fixtures.ts';

/** The edition with one more chapter. */
export const withChapter = (edition: Edition, text: string): Edition => ({ ...edition, chapters: [...edition.chapters, { id: 'extra', file: 'templates/2023/chapters/99-extra.md.hbs', text }] });

/** A bundle with messages added (or replaced) under `test` in report.json. */
export function withMessages(b: LocaleBundle, messages: Record<string, string>): LocaleBundle {
  const report = structuredClone(b.namespaces.report) as Record<string, unknown>;
  Object.assign(report, { test: messages });
  return { ...b, namespaces: { ...b.namespaces, report } };
}

/** What the tests of `report check` run on: the sample's metrics, the 2023 edition and both locales. */
export async function checkInputs(): Promise<{ metrics: MetricsDocument; real: Edition; zh: LocaleBundle; en: LocaleBundle }> {
  const [metrics, real, zh, en] = await Promise.all([sampleMetrics(), edition(), bundle('zh'), bundle('en')]);
  return { metrics, real, zh, en };
}
