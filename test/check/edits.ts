/** The 2023 edition and its sentences with something added, for the tests of `report check`. */
import type { Edition } from '../../src/base/edition.ts';
import type { LocaleBundle } from '../../src/base/i18n.ts';

/** The edition with one more chapter. */
export const withChapter = (edition: Edition, text: string): Edition => ({ ...edition, chapters: [...edition.chapters, { id: 'extra', file: 'templates/2023/chapters/99-extra.md.hbs', text }] });

/** A bundle with messages added (or replaced) under `test` in report.json. */
export function withMessages(b: LocaleBundle, messages: Record<string, string>): LocaleBundle {
  const report = structuredClone(b.namespaces.report) as Record<string, unknown>;
  Object.assign(report, { test: messages });
  return { ...b, namespaces: { ...b.namespaces, report } };
}
