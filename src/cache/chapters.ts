/** The chapters stage with its cache (see chaptersKey). */
import type { Stages } from '../base/stages.ts';
import type { RenderedChapter } from '../chapters/render.ts';
import type { ChapterClaims } from '../base/claims.ts';
import type { Locale } from '../base/yaml.ts';
import { chaptersKey } from './keys.ts';
import type { Cache } from './store.ts';

/**
 * A locale's chapters and their claims (sentences and tables for claims.json), from the cache when the
 * edition, the locale's messages, the metrics and the code are unchanged: an edit to one locale
 * re-renders that locale only. Only plain {id, html} chapters are stored, so a field added to
 * RenderedChapter later is never lost in a round trip.
 */
export async function cachedChapters(
  stages: Stages,
  cache: Cache,
  metricsId: string | null,
  locale: Locale,
  edition: unknown,
  messages: unknown,
  render: () => RenderedChapters,
): Promise<RenderedChapters> {
  const label = `chapters ${locale}`;
  const detail = (c: RenderedChapters) => `${c.chapters.length} chapter(s)`;
  const key = metricsId ? chaptersKey(edition, locale, messages, metricsId) : null;
  const known = key ? await cache.get('chapters', key) : null;
  if (known) return stages.run(label, async () => JSON.parse(Buffer.from(known).toString('utf8')) as RenderedChapters, detail, true);
  const rendered = await stages.run(label, async () => render(), detail);
  const plain = rendered.chapters.every((c) => Object.entries(c).every(([k, v]) => (k === 'id' || k === 'html') && typeof v === 'string'));
  if (key && plain) await cache.put('chapters', key, JSON.stringify(rendered));
  return rendered;
}

export interface RenderedChapters {
  readonly chapters: RenderedChapter[];
  readonly claims: ChapterClaims;
}

