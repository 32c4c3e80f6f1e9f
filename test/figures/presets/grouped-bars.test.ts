import { describe, expect, it } from 'vitest';
import { build, values } from './helpers.ts';

describe('preset grouped-bars', () => {
  it('draws one bar per field of each row, series named by the figure\'s messages', () => {
    const fig = build(`figures:
  - id: f
    scope: talent
    preset: grouped-bars
    rows: { from: talent.by_country, top: 1 }
    label: { country: country }
    series: { fields: [scholars, high_level], texts: [all, high] }
    texts: { values: { country: $home.name } }
`, { talent: { by_country: [{ country: 'A', scholars: 10, high_level: 2 }, { country: 'B', scholars: 5, high_level: 1 }] } }, { 'home.name': 'the A' });
    expect(values(fig.spec)).toEqual([
      { label: '[A]', series: 'figures.f.all {"country":"the A","n":1}', value: 10 },
      { label: '[A]', series: 'figures.f.high {"country":"the A","n":1}', value: 2 },
    ]);
    expect(fig.description).toContain('[A] 10 / 2');
  });

  it('draws one bar per country from a {code: n} map, 0 for a country the map lacks', () => {
    const fig = build(`figures:
  - id: f
    scope: papers
    preset: grouped-bars
    rows: { from: topics, where: { group: $frontier.group }, sort: frontier_index }
    label: { name: name }
    series: { countries: [$home, $rival], field: top1_by_country }
`, { topics: [
      { topic_id: 'x', group: 'fr', frontier_index: 1, name_en: 'X', top1_by_country: { H: 3 } },
      { topic_id: 'y', group: 'fr', frontier_index: 2, name_en: 'Y', top1_by_country: { H: 1, R: 2 } },
      { topic_id: 'z', group: 'other', frontier_index: 9, name_en: 'Z', top1_by_country: {} },
    ] }, { home: 'H', rival: 'R', 'frontier.group': 'fr' });
    expect(values(fig.spec).map((r) => [r.label, r.series, r.value])).toEqual([['Y', '[H]', 1], ['Y', '[R]', 2], ['X', '[H]', 3], ['X', '[R]', 0]]);
    expect(fig.caption).toBe('figures.f.caption {"n":2}');
  });
});
