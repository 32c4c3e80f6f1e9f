/**
 * `content/directions.yaml`: the research directions of the field and the keywords that state each
 * one's scope (printed as a table, e.g. in an appendix). An edition states its own; its records need
 * not have been retrieved with these keywords (its data folder's notes say how they were made). How
 * many directions there are is the length of this list, never a typed number.
 */
import { ReportError } from '../errors.ts';
import { LOCALES, type Locale, type Localized, type YamlReader, type YamlSource } from './yaml.ts';

export interface Direction {
  /** Stable id (kebab-case). */
  readonly id: string;
  /** As it reads inside a sentence ("big data"); a table cell capitalises it. */
  readonly name: Localized;
  /** The keywords in each language, pairwise translations of each other (same length, same order). */
  readonly keywords: Readonly<Record<Locale, readonly string[]>>;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function readDirections(r: YamlReader, source: YamlSource): readonly Direction[] {
  const fail = (path: (string | number)[], expected: string, got: unknown): never => {
    throw ReportError.of('input.field', { file: source.where(path), path: path.join('.') || '(document)', expected, got: JSON.stringify(got) });
  };
  const list = r.array([]);
  if (list.length === 0) fail([], 'at least one direction', list);
  const ids = new Set<string>();
  return list.map((_, i) => {
    r.object([i]);
    const id = r.string([i, 'id']);
    if (!ID.test(id)) fail([i, 'id'], 'an id of lower-case letters, digits and hyphens', id);
    if (ids.has(id)) fail([i, 'id'], 'an id not used by another direction', id);
    ids.add(id);
    const name = r.localized([i, 'name']);
    r.object([i, 'keywords']);
    const keywords = {} as Record<Locale, string[]>;
    for (const locale of LOCALES) {
      const words = r.array([i, 'keywords', locale]).map((__, k) => r.string([i, 'keywords', locale, k]).trim());
      if (words.length === 0) fail([i, 'keywords', locale], 'at least one keyword', words);
      const seen = new Set<string>();
      words.forEach((w, k) => {
        if (seen.has(w.toLowerCase())) fail([i, 'keywords', locale, k], 'a keyword not already listed for this direction', w);
        seen.add(w.toLowerCase());
      });
      keywords[locale] = words;
    }
    const [first, ...others] = LOCALES;
    for (const locale of others) {
      if (keywords[locale].length !== keywords[first!].length) {
        fail([i, 'keywords', locale], `as many keywords as in ${first} (${keywords[first!].length}), each the other's translation`, `${keywords[locale].length} keywords`);
      }
    }
    return { id, name, keywords };
  });
}
