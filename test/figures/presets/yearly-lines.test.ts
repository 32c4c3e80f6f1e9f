import { describe, expect, it } from 'vitest';
import { build, errorOf, values } from './helpers.ts';

const byYear = [
  { year: 2019, country: 'H', papers: 1 }, { year: 2021, country: 'H', papers: 3 },
  { year: 2019, country: 'R', papers: 2 }, { year: 2020, country: 'R', papers: 2 }, { year: 2021, country: 'R', papers: 5 },
];

describe('preset yearly-lines', () => {
  it('draws every year of the range for each country (0 where a year has no row), texts given the countries and years', () => {
    const fig = build(`figures:
  - { id: f, scope: papers, preset: yearly-lines, rows: { from: papers.by_year_country }, value: papers, years: $paper_years, series: { countries: [$home, $rival] } }
`, { papers: { by_year_country: byYear } }, { home: 'H', rival: 'R', paper_years: [2019, 2021] });
    expect(values(fig.spec).map((r) => [r.series, r.year, r.value])).toEqual([['[H]', '2019', 1], ['[H]', '2020', 0], ['[H]', '2021', 3], ['[R]', '2019', 2], ['[R]', '2020', 2], ['[R]', '2021', 5]]);
    // The pair as the locale names it (this test's translator has every key, a short form included).
    expect(fig.caption).toBe('figures.f.caption {"a":"the H","b":"the R","from":2019,"n":2,"pair":"units.country_pair_short {\\"a\\":\\"countries:short.H\\",\\"b\\":\\"countries:short.R\\"}","to":2021}');
    expect(fig.description).toContain('[H] 2021 3; [R] 2021 5');
  });

  it('takes its countries from a selector (the top ones by another list)', () => {
    const fig = build(`figures:
  - id: f
    scope: papers
    preset: yearly-lines
    rows: { from: papers.by_year_country }
    value: papers
    years: $paper_years
    series: { countries: { from: papers.by_country, sort: papers, top: 1, field: country } }
`, { papers: { by_year_country: byYear, by_country: [{ country: 'H', papers: 4 }, { country: 'R', papers: 9 }] } }, { paper_years: [2020, 2021] });
    expect(values(fig.spec).map((r) => r.series)).toEqual(['[R]', '[R]']);
  });

  it('draws one line of the rows the where keeps, named by a message, every year described', () => {
    const fig = build(`figures:
  - { id: f, scope: collaboration, preset: yearly-lines, rows: { from: c.pairs, where: { a: $pair.a } }, value: n, years: [2019, 2020], series: { one: line } }
`, { c: { pairs: [{ a: 'H', year: 2020, n: 4 }, { a: 'X', year: 2019, n: 9 }] } }, { 'pair.a': 'H' });
    expect(values(fig.spec).map((r) => [r.series, r.year, r.value])).toEqual([['figures.f.line {"from":2019,"to":2020}', '2019', 0], ['figures.f.line {"from":2019,"to":2020}', '2020', 4]]);
    expect(fig.description).toContain('2019 0, 2020 4');
  });

  it('names a series that is neither countries nor one line', () => {
    expect(errorOf(() => build('figures:\n  - { id: f, scope: papers, preset: yearly-lines, rows: { from: x }, value: n, years: [1, 2], series: { lines: 2 } }\n', {}))).toMatch(/^figures\.yaml:2:\d+: figures\.0\.series: expected series: \{ countries/);
  });
});
