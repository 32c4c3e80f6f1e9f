/**
 * Two claims records → what changed, claim by claim: sentences whose text or values differ (per
 * locale, old and new side by side), sentences that appeared or disappeared, figures and tables
 * whose rows differ, and ranks that moved. Pure and ordered: the same two records give the same diff.
 */
import type { Locale } from '../base/yaml.ts';
import type { ClaimsRecord, ClaimValue, DataClaim, SentenceClaim } from '../base/claims.ts';

/** One sentence in each locale that has it. */
export type ByLocale<T> = Readonly<Partial<Record<Locale, T>>>;

export interface SentenceChange {
  readonly id: string;
  readonly chapter: string;
  readonly key: string;
  /** Locales whose text or values changed. */
  readonly locales: ByLocale<{ readonly old: SentenceClaim; readonly new: SentenceClaim }>;
}

export interface SentencePresence {
  readonly id: string;
  readonly chapter: string;
  readonly key: string;
  readonly locales: ByLocale<SentenceClaim>;
}

export type DataKind = 'figure' | 'table';

export interface DataChange {
  readonly kind: DataKind;
  readonly id: string;
  readonly locale: Locale;
  /** Columns of the new data (of the old when the figure or table disappeared). */
  readonly columns: readonly string[];
  readonly removed: readonly (readonly ClaimValue[])[];
  readonly added: readonly (readonly ClaimValue[])[];
  /** Only in the old build / only in the new one. */
  readonly presence: 'changed' | 'appeared' | 'disappeared';
}

export interface RankMove {
  /** `list:field`. */
  readonly ranking: string;
  readonly list: string;
  readonly field: string;
  readonly id: string;
  readonly names: ByLocale<string>;
  /** null: outside the recorded top (src/claims/rankings.ts). */
  readonly old: number | null;
  readonly new: number | null;
}

export interface ClaimsDiff {
  readonly old: { readonly edition: string };
  readonly new: { readonly edition: string };
  /** Chapters in reading order: the new build's, then any only the old one had. */
  readonly chapters: readonly string[];
  readonly locales: readonly Locale[];
  readonly changed: readonly SentenceChange[];
  readonly appeared: readonly SentencePresence[];
  readonly disappeared: readonly SentencePresence[];
  readonly data: readonly DataChange[];
  readonly ranks: readonly RankMove[];
}

export function hasChanges(diff: ClaimsDiff): boolean {
  return diff.changed.length + diff.appeared.length + diff.disappeared.length + diff.data.length + diff.ranks.length > 0;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareClaims(before: ClaimsRecord, after: ClaimsRecord): ClaimsDiff {
  const chapters = [...after.chapters, ...before.chapters.filter((c) => !after.chapters.includes(c))];
  const locales = ([...new Set([...Object.keys(after.locales), ...Object.keys(before.locales)])] as Locale[]).sort(byText);
  const order = (chapter: string) => {
    const i = chapters.indexOf(chapter);
    return i < 0 ? chapters.length : i;
  };
  const inOrder = <T extends { chapter: string; id: string }>(list: T[]) => list.sort((a, b) => order(a.chapter) - order(b.chapter) || byText(a.id, b.id));

  const changed: SentenceChange[] = [];
  const appeared: SentencePresence[] = [];
  const disappeared: SentencePresence[] = [];
  const ids = new Set(locales.flatMap((l) => [...Object.keys(before.locales[l]?.sentences ?? {}), ...Object.keys(after.locales[l]?.sentences ?? {})]));
  for (const id of ids) {
    const pairs: Partial<Record<Locale, { old: SentenceClaim; new: SentenceClaim }>> = {};
    const only: Record<'old' | 'new', Partial<Record<Locale, SentenceClaim>>> = { old: {}, new: {} };
    for (const locale of locales) {
      const a = before.locales[locale]?.sentences[id];
      const b = after.locales[locale]?.sentences[id];
      if (a && b) {
        if (a.text !== b.text || !sameValues(a.values, b.values)) pairs[locale] = { old: a, new: b };
      } else if (a) only.old[locale] = a;
      else if (b) only.new[locale] = b;
    }
    const any = (m: Partial<Record<Locale, SentenceClaim>>) => Object.values(m)[0];
    if (Object.keys(pairs).length > 0) {
      const first = Object.values(pairs)[0]!.new;
      changed.push({ id, chapter: first.chapter, key: first.key, locales: pairs });
    }
    const gone = any(only.old);
    if (gone) disappeared.push({ id, chapter: gone.chapter, key: gone.key, locales: only.old });
    const added = any(only.new);
    if (added) appeared.push({ id, chapter: added.chapter, key: added.key, locales: only.new });
  }

  const data: DataChange[] = [];
  for (const kind of ['figure', 'table'] as const) {
    const field = kind === 'figure' ? 'figures' : 'tables';
    for (const locale of locales) {
      const a = before.locales[locale]?.[field] ?? {};
      const b = after.locales[locale]?.[field] ?? {};
      for (const id of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(byText)) {
        const change = compareData(kind, id, locale, a[id], b[id]);
        if (change) data.push(change);
      }
    }
  }

  return {
    old: { edition: before.edition },
    new: { edition: after.edition },
    chapters,
    locales,
    changed: inOrder(changed),
    appeared: inOrder(appeared),
    disappeared: inOrder(disappeared),
    data,
    ranks: rankMoves(before, after),
  };
}

function sameValues(a: Readonly<Record<string, ClaimValue>>, b: Readonly<Record<string, ClaimValue>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && a[k] === b[k]);
}

/**
 * Rows compared as a multiset: a row that is in both builds (anywhere) is unchanged; the others are
 * removed or added. Columns that differ make every row differ, which is what the reader should see.
 */
function compareData(kind: DataKind, id: string, locale: Locale, a: DataClaim | undefined, b: DataClaim | undefined): DataChange | null {
  if (!a && !b) return null;
  const key = (columns: readonly string[], row: readonly ClaimValue[]) => JSON.stringify([columns, row]);
  const left = new Map<string, number>();
  for (const row of a?.rows ?? []) left.set(key(a!.columns, row), (left.get(key(a!.columns, row)) ?? 0) + 1);
  const added: (readonly ClaimValue[])[] = [];
  for (const row of b?.rows ?? []) {
    const k = key(b!.columns, row);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else added.push(row);
  }
  const removed = (a?.rows ?? []).filter((row) => {
    const k = key(a!.columns, row);
    const n = left.get(k) ?? 0;
    if (n === 0) return false;
    left.set(k, n - 1);
    return true;
  });
  const sameColumns = a && b && JSON.stringify(a.columns) === JSON.stringify(b.columns);
  if (sameColumns && added.length === 0 && removed.length === 0) return null;
  const presence = !a ? 'appeared' : !b ? 'disappeared' : 'changed';
  return { kind, id, locale, columns: (b ?? a)!.columns, removed, added, presence };
}

function rankMoves(before: ClaimsRecord, after: ClaimsRecord): RankMove[] {
  const moves: RankMove[] = [];
  for (const name of [...new Set([...Object.keys(before.rankings), ...Object.keys(after.rankings)])].sort(byText)) {
    const a = before.rankings[name];
    const b = after.rankings[name];
    const ranking = (b ?? a)!;
    const ids = [...new Set([...Object.keys(a?.ranks ?? {}), ...Object.keys(b?.ranks ?? {})])];
    const rank = (r: typeof a, id: string) => r?.ranks[id] ?? null;
    const found: RankMove[] = [];
    for (const id of ids) {
      const old = rank(a, id);
      const now = rank(b, id);
      if (old === now) continue;
      found.push({ ranking: name, list: ranking.list, field: ranking.field, id, names: b?.names[id] ?? a?.names[id] ?? {}, old, new: now });
    }
    // Best new rank first; those that left the top last.
    found.sort((x, y) => (x.new ?? Infinity) - (y.new ?? Infinity) || (x.old ?? Infinity) - (y.old ?? Infinity) || byText(x.id, y.id));
    moves.push(...found);
  }
  return moves;
}
