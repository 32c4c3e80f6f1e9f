import { describe, expect, it } from 'vitest';
import { build, errorOf, values } from './helpers.ts';

const yaml = (extra = '') => `figures:
  - id: m
    scope: flows
    preset: choropleth
    texts: ns:figures.m
    rows: { from: flows.by_country, sort: { by: net, then: country } }
    area: country
    label: { country: country }
    columns: [net]
    value: net
    classes: diverging
    shapes: world
    legend: bottom
${extra}`;

describe('preset choropleth', () => {
  it('gives every row as an area with its columns, ordered by the selector, classes labelled from the namespace', () => {
    const fig = build(yaml(), { flows: { by_country: [{ country: 'FR', net: -3 }, { country: 'DE', net: 5 }, { country: 'AT', net: 5 }] } });
    expect(values(fig.spec).map((r) => [r.id, r.name, r.net])).toEqual([['AT', '[AT]', 5], ['DE', '[DE]', 5], ['FR', '[FR]', -3]]);
    expect(JSON.stringify(fig.spec)).toContain('ns:map_classes.');
    expect(fig.description).toContain('[AT] +5; [DE] +5; [FR] −3');
    expect(fig.modelledMark).toBeUndefined();
  });

  it('names an unknown map or legend place', () => {
    expect(errorOf(() => build(yaml().replace('shapes: world', 'shapes: mars'), {}))).toMatch(/figures\.yaml:12:13: figures\.0\.shapes: expected one of china-provinces, world, got "mars"/);
  });
});
