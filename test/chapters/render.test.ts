import { describe, expect, it } from 'vitest';
import { countryNames } from '../../src/chapters/countries.ts';
import { createTranslator } from '../../src/chapters/i18n.ts';
import { numberFigures, renderChapters } from '../../src/chapters/render.ts';
import type { Locale } from '../../src/load/yaml.ts';
import { editionOf, metricsWith, realBundle, realEdition } from '../helpers/fixtures.ts';

const TOP10: [string, number, number][] = [
  ['US', 525794, 14.2], ['CN', 506775, 18.4], ['DE', 151435, 13], ['GB', 137826, 25.1], ['IN', 122982, 15],
  ['JP', 100000, 11], ['KR', 95000, 12], ['CA', 90000, 22], ['IT', 88000, 17], ['FR', 85000, 13],
];

function render(locale: Locale, metrics = metricsWith(TOP10), edition = realEdition()) {
  const bundle = realBundle(locale);
  return renderChapters(edition, metrics, createTranslator(bundle), countryNames(locale, bundle.namespaces.countries), numberFigures(edition))[0]!.html;
}

describe('chapter "papers by country"', () => {
  it('fills numbers, ranks and ratios from the metrics, formatted for Chinese', () => {
    const html = render('zh');
    expect(html).toContain('美国以 525,794 篇居首');
    expect(html).toContain('中国以 506,775 篇位列第二，相当于美国的 96.4%');
    expect(html).toContain('英国最高，为 25.1 次/篇');
    expect(html).toContain('居第三');
    expect(html).toContain('<p>@@figure:papers-by-country@@</p>');
  });

  it('fills the same facts in English', () => {
    const html = render('en');
    expect(html).toContain('The United States published the most: 525,794 papers.');
    expect(html).toContain('China comes second with 506,775 papers, which is 96.4% of the leader');
    expect(html).toContain('the United Kingdom has the highest average at 25.1 citations per paper');
    expect(html).toContain('China is third with 18.4 citations per paper, ahead of the United States at 14.2');
  });

  it('says something true when the data changes order', () => {
    // China first, and the runner-up cited less than the leader: another sentence variant applies.
    const swapped = metricsWith([['CN', 600000, 18], ['US', 500000, 14], ...TOP10.slice(2)]);
    const en = render('en', swapped);
    expect(en).toContain('China published the most: 600,000 papers.');
    expect(en).toContain('China averages 18.0 citations per paper, while the United States, sixth of the 10, averages 14.0');
    const zh = render('zh', swapped);
    expect(zh).toContain('中国以 600,000 篇居首');
    expect(zh).toContain('美国为 14.0 次/篇，在前 10 国中居第六');
  });
});

describe('template errors', () => {
  it("names the template file, line and column of a missing metric", () => {
    const edition = editionOf('# T\n\n{{count papers.nothing.here "papers"}}\n');
    expect(() => render('en', undefined, edition)).toThrow('x.md.hbs:3:9: the metrics document has no "papers.nothing"');
  });

  it('names the position of a helper given something that is not a number', () => {
    const edition = editionOf('ok\n\n  {{count papers "papers"}}\n');
    expect(() => render('en', undefined, edition)).toThrow(/x\.md\.hbs:3:3: expected a number, got \{/);
  });

  it('names the locale key that is missing', () => {
    const edition = editionOf('line one\n{{t "ch2.no_such_key"}}\n');
    expect(() => render('zh', undefined, edition)).toThrow(/x\.md\.hbs:2:1: .*locales\/zh\/report\.json: locale "zh" has no message "ch2\.no_such_key"/);
  });

  it('names an unknown figure', () => {
    const edition = editionOf('{{ref "nope"}}');
    expect(() => render('en', undefined, edition)).toThrow(/unknown figure "nope"/);
  });
});

describe('figure numbering', () => {
  it('numbers figures in order of first appearance across chapters, and references use the numbers', () => {
    const edition = {
      edition: 't',
      data: 'd',
      chapters: [
        { id: 'a', file: 'a', text: 'See {{ref "b-fig"}}.\n\n{{figure "a-fig"}}' },
        { id: 'b', file: 'b', text: '{{figure "b-fig"}}\n{{figure "a-fig"}}' },
      ],
    };
    expect([...numberFigures(edition)]).toEqual([['a-fig', 1], ['b-fig', 2]]);
    const bundle = realBundle('zh');
    const html = renderChapters(edition, metricsWith(TOP10), createTranslator(bundle), countryNames('zh', {}), numberFigures(edition));
    expect(html[0]!.html).toContain('See 图 2.');
  });
});

describe('escaping', () => {
  it('escapes data once: markup in a value reaches the page as text', () => {
    const edition = editionOf('{{name}} and {{t "figure.source" source=name}}');
    const metrics = { ...metricsWith(TOP10), name: '<b>*x*</b> & {{y}}' } as never;
    const html = render('en', metrics, edition);
    expect(html).toBe('<p>&lt;b&gt;*x*&lt;/b&gt; &amp; {{y}} and Source: &lt;b&gt;*x*&lt;/b&gt; &amp; {{y}}.</p>\n');
  });
});
