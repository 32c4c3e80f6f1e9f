/**
 * A claims diff as the terminal summary: the counts, then per chapter each changed sentence old → new
 * in every locale (changed words marked as `git diff --word-diff` does: [-old-]{+new+}), appeared and
 * disappeared sentences, figures and tables with their changed rows, and ranks that moved.
 */
import { message } from '../messages.ts';
import type { Locale } from '../base/yaml.ts';
import type { ClaimValue } from '../base/claims.ts';
import { hasChanges, type ClaimsDiff, type DataChange, type RankMove, type SentencePresence } from './compare.ts';
import { diffText, type Segment } from './words.ts';

/** Rows shown per changed figure or table; the rest are counted. */
export const ROWS_SHOWN = 12;

export interface Sides {
  /** How the two builds are named on screen (their folders). */
  readonly old: string;
  readonly new: string;
}

export function summaryCounts(diff: ClaimsDiff) {
  const ids = (kind: DataChange['kind']) => new Set(diff.data.filter((d) => d.kind === kind).map((d) => d.id)).size;
  return { changed: diff.changed.length, appeared: diff.appeared.length, disappeared: diff.disappeared.length, figures: ids('figure'), tables: ids('table'), ranks: diff.ranks.length };
}

export function formatTerminal(diff: ClaimsDiff, sides: Sides): string {
  if (!hasChanges(diff)) return `${message('diff.none', sides)}\n`;
  const lines: string[] = [`${sides.old} (${diff.old.edition}) → ${sides.new} (${diff.new.edition})`, message('diff.summary', summaryCounts(diff))];
  for (const chapter of diff.chapters) {
    const changed = diff.changed.filter((c) => c.chapter === chapter);
    const appeared = diff.appeared.filter((c) => c.chapter === chapter);
    const disappeared = diff.disappeared.filter((c) => c.chapter === chapter);
    if (changed.length + appeared.length + disappeared.length === 0) continue;
    lines.push('', `== ${chapter} ==`);
    for (const c of changed) {
      lines.push(`~ ${c.id}`);
      for (const locale of diff.locales) {
        const pair = c.locales[locale];
        if (!pair) continue;
        const segments = diffText(pair.old.text, pair.new.text, locale);
        lines.push(`    ${locale} - ${marked(segments, 'old')}`, `       + ${marked(segments, 'new')}`);
        if (pair.old.text === pair.new.text) lines.push(`       values: ${valueChanges(pair.old.values, pair.new.values)}`);
      }
    }
    for (const c of appeared) lines.push(...presence('+', 'appeared', c, diff.locales));
    for (const c of disappeared) lines.push(...presence('-', 'disappeared', c, diff.locales));
  }
  for (const kind of ['figure', 'table'] as const) {
    const changes = diff.data.filter((d) => d.kind === kind);
    if (changes.length === 0) continue;
    lines.push('', `== ${kind}s ==`);
    for (const d of changes) lines.push(...dataLines(d));
  }
  if (diff.ranks.length > 0) lines.push('', '== ranks ==', ...rankLines(diff.ranks));
  return `${lines.join('\n')}\n`;
}

function marked(segments: readonly Segment[], which: 'old' | 'new'): string {
  return segments
    .map((s) => (s.kind === 'same' ? s.text : s.kind === 'removed' ? (which === 'old' ? `[-${s.text}-]` : '') : which === 'new' ? `{+${s.text}+}` : ''))
    .join('');
}

function presence(mark: string, what: string, c: SentencePresence, locales: readonly Locale[]): string[] {
  return [`${mark} ${c.id} (${what})`, ...locales.flatMap((l) => (c.locales[l] ? [`    ${l}   ${c.locales[l]!.text}`] : []))];
}

export function valueText(v: ClaimValue): string {
  return v === null ? '–' : String(v);
}

/** "n: 12 → 14, context: more → fewer". */
export function valueChanges(a: Readonly<Record<string, ClaimValue>>, b: Readonly<Record<string, ClaimValue>>): string {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => a[k] !== b[k]).map((k) => `${k}: ${k in a ? valueText(a[k]!) : '–'} → ${k in b ? valueText(b[k]!) : '–'}`).join(', ');
}

function dataLines(d: DataChange): string[] {
  const head = d.presence === 'changed' ? `~ ${d.id} (${d.locale}): ${d.removed.length} row(s) removed, ${d.added.length} added` : `${d.presence === 'appeared' ? '+' : '-'} ${d.id} (${d.locale}) ${d.presence}`;
  const row = (r: readonly ClaimValue[]) => r.map(valueText).join(' | ');
  const shown = (mark: string, rows: readonly (readonly ClaimValue[])[]) => [
    ...rows.slice(0, ROWS_SHOWN).map((r) => `    ${mark} ${row(r)}`),
    ...(rows.length > ROWS_SHOWN ? [`    ${mark} … ${rows.length - ROWS_SHOWN} more`] : []),
  ];
  if (d.presence !== 'changed') return [head];
  return [head, `    ${d.columns.join(' | ')}`, ...shown('-', d.removed), ...shown('+', d.added)];
}

/** A name for the reader: English, else Chinese, else the id. */
export function rankName(m: RankMove, locale: Locale = 'en'): string {
  return m.names[locale] ?? m.names.en ?? m.names.zh ?? m.id;
}

export function rankText(n: number | null): string {
  return n === null ? '–' : String(n);
}

function rankLines(moves: readonly RankMove[]): string[] {
  const lines: string[] = [];
  let current = '';
  for (const m of moves) {
    if (m.ranking !== current) lines.push(`${m.list} by ${m.field}`);
    current = m.ranking;
    lines.push(`    ${rankName(m)} ${rankText(m.old)} → ${rankText(m.new)}`);
  }
  return lines;
}
