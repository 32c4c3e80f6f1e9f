/** content/references.yaml: the cited works, validated on load (file:line:column, what was expected). */
import { describe, expect, it } from 'vitest';
import { readReferences, titleOf, type References } from '../../src/base/references.ts';
import { contentKind } from '../helpers/content.ts';
import { edition } from '../chapters/fixtures.ts';

const FILE = 'templates/x/content/references.yaml';
const { read, error } = contentKind<References>(readReferences, FILE);

const GOOD = `trends:
  kind: report
  authors:
    - {zh: 某研究院, en: Some Institute}
  title: {zh: "{year} 年十大趋势", en: "Ten Trends, {year}"}
  language: zh
  year: 2022
  date: 2022-08-24
gans:
  kind: article
  authors:
    - {family: Goodfellow, given: Ian}
  et_al: true
  title: Generative Adversarial Networks
  language: en
  container: Communications of the ACM
  volume: 63
  issue: 11
  pages: 139-144
  year: 2020
page:
  kind: web
  authors:
    - {zh: 维基百科, en: Wikipedia}
  title: Synthetic Media
  language: en
  url: https://en.wikipedia.org/wiki/Synthetic_media
  accessed: 2023-01-20
`;

describe('references content', () => {
  it('reads every work, in the file\'s order, frozen, one text standing for both locales', () => {
    const refs = read(GOOD);
    expect(Object.keys(refs)).toEqual(['trends', 'gans', 'page']);
    expect(Object.isFrozen(refs)).toBe(true);
    expect(titleOf(refs.trends!, 'zh')).toBe('2022 年十大趋势');
    expect(refs.gans!.title).toEqual({ zh: 'Generative Adversarial Networks', en: 'Generative Adversarial Networks' });
    expect(refs.gans!.authors).toEqual([{ person: { family: 'Goodfellow', given: 'Ian' } }]);
    expect(refs.gans!.etAl).toBe(true);
    expect(refs.page!.year).toBeNull();
  });

  it('refuses a work dated in another year than its own (the published footnote 16)', () => {
    expect(error(GOOD.replace('date: 2022-08-24', 'date: 2023-01-28'))).toBe(
      `${FILE}:8:9: trends.date: expected a date in 2022, the year: of the work (a work dated in another year than its own contradicts itself), got "2023-01-28"`,
    );
  });

  it('refuses a year typed into a title, and {year} without a year:', () => {
    expect(error(GOOD.replace('title: Synthetic Media', 'title: Synthetic Media 2022'))).toBe(
      `${FILE}:25:10: page.title: expected a title that writes its year as {year} (given by year:), not typed, got "Synthetic Media 2022"`,
    );
    expect(error(GOOD.replace('title: Synthetic Media', 'title: "Synthetic Media {year}"'))).toContain(`${FILE}:25:10: page.title: expected a title without {year}, or a year: for it`);
  });

  it('refuses an unknown kind or field, a missing journal, a web page without address, an id with digits', () => {
    expect(error(GOOD.replace('kind: report', 'kind: leaflet'))).toBe(`${FILE}:2:9: trends.kind: expected one of article, conference, report, web, book, got "leaflet"`);
    expect(error(GOOD.replace('  volume: 63\n', '  volum: 63\n'))).toContain(`${FILE}:17:10: gans.volum: expected one of the fields kind, authors`);
    expect(error(GOOD.replace('  container: Communications of the ACM\n', ''))).toContain('gans.container: expected the journal it appeared in, got nothing');
    expect(error(GOOD.replace('  url: https://en.wikipedia.org/wiki/Synthetic_media\n', ''))).toContain('page.url: expected the address of the web page, got nothing');
    expect(error(GOOD.replace('url: https://', 'url: javascript:alert(1)//'))).toContain('page.url: expected an address http(s)://');
    expect(error(GOOD.replace('gans:', 'gans2014:'))).toContain(`${FILE}:10:3: gans2014: expected an id of lowercase letters and hyphens`);
  });

  it('refuses an author that is neither a person nor an organisation, and no author at all', () => {
    expect(error(GOOD.replace('{family: Goodfellow, given: Ian}', '{name: Goodfellow}'))).toContain(`${FILE}:12:7: gans.authors.0: expected a person {family, given} or an organisation {zh, en}`);
    expect(error(GOOD.replace("    - {zh: 维基百科, en: Wikipedia}\n", '').replace('authors:\n  title: Synthetic', 'authors: []\n  title: Synthetic'))).toContain('page.authors: expected at least one author');
  });

  it('the 2023 edition\'s list reads, every work dated no later than its year', async () => {
    const refs = (await edition()).content!.references as References;
    expect(Object.keys(refs).length).toBeGreaterThanOrEqual(8);
    for (const r of Object.values(refs)) if (r.date) expect(r.date.slice(0, 4)).toBe(String(r.year));
  });
});
