import { describe, expect, it } from 'vitest';
import { build, values } from './helpers.ts';

const doc = {
  papers: { by_country: [{ country: 'A', papers: 9, top1: 1 }, { country: 'B', papers: 7, top1: 3 }, { country: 'C', papers: 5, top1: 3 }] },
  topics: [{ topic_id: 't', group: 'hot', name_en: 'Topic T', name_zh: 'T', top1_by_country: { A: 1, C: 4, B: 4 } }],
};

describe('preset ranked-bars', () => {
  it('draws the selected rows in the selector order, labels them, names the CSV column and passes n', () => {
    const fig = build(`figures:
  - { id: f, scope: papers, preset: ranked-bars, rows: { from: papers.by_country, sort: top1, top: 2 }, label: { country: country }, value: top1, label_column: country }
`, doc);
    expect(values(fig.spec)).toEqual([{ country: '[B]', value: 3 }, { country: '[C]', value: 3 }]);
    expect(fig.caption).toBe('figures.f.caption {"n":2}');
    expect(fig.description).toContain('[B] 3; [C] 3');
    expect(fig.modelled).toBe(false);
  });

  it('ranks the entries of one row\'s {code: n} map, texts naming that row ($row.name)', () => {
    const fig = build(`figures:
  - id: hot
    scope: papers
    preset: ranked-bars
    texts: { key: trends:x, values: { topic: $row.name } }
    rows: { from: topics, where: { group: $hot.group }, index: 0, field: top1_by_country, top: 10 }
    label: { country: key }
    value: value
`, doc, { 'hot.group': 'hot' });
    expect(values(fig.spec).map((r) => r.label)).toEqual(['[B]', '[C]', '[A]']);
    expect(fig.title).toBe('trends:x.title {"n":3,"topic":"Topic T"}');
  });

  it('marks a modelled value when the calibration says the edition did not print it', () => {
    const [fig] = [build(`figures:
  - { id: f, scope: papers, preset: ranked-bars, rows: { from: papers.by_country }, label: { country: country }, value: papers, modelled: { key: [country] } }
`, { ...doc, provenance: { manifest: { paper_years: [1, 2] }, calibration: [{ path: 'papers.by_country', key: { country: 'B' }, field: 'papers', value: 7, assumed: true }] } })];
    expect(values(fig!.spec).map((r) => r.modelled)).toEqual([false, true, false]);
    expect(fig!.modelled).toBe(true);
  });
});
