/**
 * What changed inside a sentence: the old and new text split into tokens (words for English, one
 * character each for Chinese, which has no spaces between words) and compared by their longest
 * common subsequence, so that an editor sees "2,204,950" → "2,310,118" and not two whole sentences.
 */
import type { Locale } from '../base/yaml.ts';

export interface Segment {
  readonly kind: 'same' | 'removed' | 'added';
  readonly text: string;
}

/**
 * English: a number with its separators ("2,204,950", "12.5%") or a word is one token, each space run
 * and each other mark another. Chinese: every character (a code point) is a token, except that a
 * number or a Latin word inside it stays whole ("199[-9-]" would be hard to read; "[-1999-]{+2000+}" is not).
 */
export function tokens(text: string, locale: Locale): string[] {
  if (locale === 'zh') return text.match(/[A-Za-z0-9](?:[A-Za-z0-9’'%]|[.,:–-](?=[A-Za-z0-9]))*|\s+|[^]/gu) ?? [];
  return text.match(/\s+|[\p{L}\p{N}](?:[\p{L}\p{N}’'%]|[.,:–-](?=[\p{L}\p{N}]))*|[^\s\p{L}\p{N}]/gu) ?? [];
}

/**
 * The edit from `before` to `after`: same, removed and added runs in reading order (removals before
 * additions at a change). Longer than MAX_CELLS token pairs: the whole text is replaced.
 */
export function diffText(before: string, after: string, locale: Locale): Segment[] {
  const a = tokens(before, locale);
  const b = tokens(after, locale);
  if (a.length * b.length > MAX_CELLS) return merge([...(before ? [{ kind: 'removed', text: before } as const] : []), ...(after ? [{ kind: 'added', text: after } as const] : [])]);
  // lcs[i][j]: the length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: Segment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) out.push({ kind: 'same', text: a[i++]! }), j++;
    else if (j < b.length && (i === a.length || lcs[i]![j + 1]! > lcs[i + 1]![j]!)) out.push({ kind: 'added', text: b[j++]! });
    else out.push({ kind: 'removed', text: a[i++]! });
  }
  return merge(reorder(out));
}

/** Enough for any sentence of a report (a few hundred tokens each side). */
const MAX_CELLS = 4_000_000;

/** Within a run of changes, removals first, then additions: "[-6-]{+4+}", never interleaved. */
function reorder(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  let removed: Segment[] = [];
  let added: Segment[] = [];
  const flush = () => {
    out.push(...removed, ...added);
    removed = [];
    added = [];
  };
  for (const s of segments) {
    if (s.kind === 'same') {
      // A lone space between two changes belongs to the change: "[-one two-]" reads better than "[-one-] [-two-]".
      if (/^\s+$/.test(s.text) && (removed.length || added.length)) {
        removed.push({ kind: 'removed', text: s.text });
        added.push({ kind: 'added', text: s.text });
        continue;
      }
      flush();
      out.push(s);
    } else (s.kind === 'removed' ? removed : added).push(s);
  }
  flush();
  return unspace(out);
}

/** A space moved into a change and not followed by another change goes back to being unchanged. */
function unspace(segments: Segment[]): Segment[] {
  const out = [...segments];
  for (let k = out.length - 1; k >= 0; k--) {
    if (out[k]!.kind === 'same') continue;
    // Trailing spaces of a run of changes that ends the change.
    let end = k;
    while (end >= 0 && out[end]!.kind !== 'same') end--;
    const run = out.slice(end + 1, k + 1);
    const trim = (kind: Segment['kind']) => {
      const parts = run.filter((s) => s.kind === kind);
      let trailing = '';
      while (parts.length && /^\s+$/.test(parts.at(-1)!.text)) trailing = parts.pop()!.text + trailing;
      return { parts, trailing };
    };
    const r = trim('removed');
    const a = trim('added');
    const space = r.trailing === a.trailing ? r.trailing : '';
    const rebuilt: Segment[] = space ? [...r.parts, ...a.parts, { kind: 'same', text: space }] : run;
    out.splice(end + 1, run.length, ...rebuilt);
    k = end;
  }
  return out;
}

function merge(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out.at(-1);
    if (last && last.kind === s.kind) out[out.length - 1] = { kind: s.kind, text: last.text + s.text };
    else if (s.text) out.push(s);
  }
  return out;
}

/** The segments one side shows: the old text (same + removed) or the new (same + added). */
export function side(segments: readonly Segment[], which: 'old' | 'new'): Segment[] {
  return segments.filter((s) => s.kind === 'same' || s.kind === (which === 'old' ? 'removed' : 'added'));
}
