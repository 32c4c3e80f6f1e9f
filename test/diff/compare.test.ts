import { describe, expect, it } from 'vitest';
import type { ClaimsRecord, LocaleClaims, SentenceClaim } from '../../src/base/claims.ts';
import { compareClaims, hasChanges } from '../../src/diff/compare.ts';
import { formatTerminal } from '../../src/diff/terminal.ts';

const sentence = (id: string, text: string, values: SentenceClaim['values'] = {}): SentenceClaim => ({ id, chapter: id.split('/')[0]!, key: id.split('/')[1]!.split('@')[0]!, text, values });

function record(en: Partial<LocaleClaims>, ranks: Record<string, number> = {}): ClaimsRecord {
  const locale = { sentences: {}, figures: {}, tables: {}, ...en };
  return {
    format: 1,
    edition: 'x',
    chapters: ['one', 'two'],
    locales: { en: locale },
    rankings: { 'papers.by_country:papers': { list: 'papers.by_country', field: 'papers', ranks, names: Object.fromEntries(Object.keys(ranks).map((id) => [id, { en: `Name ${id}` }])) } },
  };
}

const s = (list: SentenceClaim[]) => Object.fromEntries(list.map((x) => [x.id, x]));

describe('comparing two claims records', () => {
  it('counts a sentence whose values changed but whose text did not', () => {
    const a = record({ sentences: s([sentence('one/k', 'about 1 million', { n: 1_000_100 })]) });
    const b = record({ sentences: s([sentence('one/k', 'about 1 million', { n: 1_000_200 })]) });
    const diff = compareClaims(a, b);
    expect(diff.changed.map((c) => c.id)).toEqual(['one/k']);
    expect(formatTerminal(diff, { old: 'a', new: 'b' })).toContain('values: n: 1000100 → 1000200');
  });

  it('orders changes by chapter, then id, and tells appeared from disappeared', () => {
    const a = record({ sentences: s([sentence('two/b', 'B'), sentence('one/gone', 'G')]) });
    const b = record({ sentences: s([sentence('two/b', 'B2'), sentence('two/a', 'A'), sentence('one/new@DE', 'N')]) });
    const diff = compareClaims(a, b);
    expect(diff.changed.map((c) => c.id)).toEqual(['two/b']);
    expect(diff.appeared.map((c) => c.id)).toEqual(['one/new@DE', 'two/a']);
    expect(diff.disappeared.map((c) => c.id)).toEqual(['one/gone']);
  });

  it('lists ranks that entered or left the top with a dash', () => {
    const diff = compareClaims(record({}, { US: 1, DE: 2, FR: 3 }), record({}, { US: 1, FR: 2, IT: 3 }));
    const text = formatTerminal(diff, { old: 'a', new: 'b' });
    expect(diff.ranks.map((m) => `${m.id} ${m.old} ${m.new}`)).toEqual(['FR 3 2', 'IT null 3', 'DE 2 null']);
    expect(text).toContain('papers.by_country by papers\n    Name FR 3 → 2\n    Name IT – → 3\n    Name DE 2 → –');
  });

  it('compares data rows as a multiset, and lists a figure that appeared', () => {
    const fig = (rows: string[][]) => ({ columns: ['country', 'value'], rows });
    const a = record({ figures: { f: fig([['A', '1'], ['B', '2'], ['B', '2']]) } });
    const b = record({ figures: { f: fig([['B', '2'], ['A', '1'], ['C', '3']]), g: fig([]) } });
    const diff = compareClaims(a, b);
    expect(diff.data.map((d) => [d.id, d.presence, d.removed, d.added])).toEqual([
      ['f', 'changed', [['B', '2']], [['C', '3']]],
      ['g', 'appeared', [], []],
    ]);
  });

  it('finds nothing between a record and itself', () => {
    const a = record({ sentences: s([sentence('one/k', 'K')]), tables: { t: { columns: ['a'], rows: [['1']] } } }, { US: 1 });
    const diff = compareClaims(a, structuredClone(a));
    expect(hasChanges(diff)).toBe(false);
    expect(formatTerminal(diff, { old: 'out/a', new: 'out/b' })).toBe('no changes: out/a and out/b state the same claims\n');
  });
});
