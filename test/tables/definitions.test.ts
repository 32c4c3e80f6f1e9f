/** tables.yaml: the reader's contract (file:line:column errors) and every cell kind on a small document. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';
import { describe, expect, it } from 'vitest';
import { countryNames } from '../../src/base/countries.ts';
import { createTranslator } from '../../src/base/i18n.ts';
import { renderChapters } from '../../src/chapters/render.ts';
import { numberFigures } from '../../src/base/slots.ts';
import { Trace } from '../../src/base/trace.ts';
import { parseYaml } from '../../src/base/yaml.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { buildTable } from '../../src/tables/build.ts';
import { editionTables, parseTables } from '../../src/tables/definitions.ts';
import { bundle, edition, ROOT } from '../chapters/fixtures.ts';

const err = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};
const parse = (text: string) => parseTables(parseYaml('t.yaml', text));

const TABLE = `
ranked:
  scope: papers
  caption: { key: tables.papers-countries.caption, values: { n: row-count, country: home-country } }
  rows: { from: things.list, where: { country: $home }, sort: score, top: 2 }
  key: id
  columns:
    - { head: tables.columns.rank, kind: rank, by: score }
    - { head: tables.columns.number, kind: position }
    - { head: tables.columns.institution, kind: name, field: name }
    - { head: tables.columns.country, kind: country, field: country }
    - { head: tables.columns.papers, kind: integer, field: count }
    - { head: tables.columns.avg_citations, kind: decimal, field: score, digits: 2 }
    - { head: tables.columns.top1, kind: fixed, field: year, digits: 1, optional: true }
    - { head: tables.columns.team, kind: text, field: note }
again: { same-as: ranked }
`;

const doc = {
  things: {
    list: [
      { id: 'a', name_zh: '甲', name_en: 'Alpha', country: 'CN', count: 12345, score: 2.5, year: 2019.44, note: 'n1' },
      { id: 'b', name_zh: '乙', name_en: 'Beta', country: 'US', count: 9, score: 9, year: 2020, note: 'n2' },
      { id: 'c', name_zh: '丙', name_en: 'Gamma', country: 'CN', count: 7, score: 3, year: null, note: 'n3' },
      { id: 'd', name_zh: '丁', name_en: 'Delta', country: 'CN', count: 1, score: 1, year: 2018, note: 'n4' },
    ],
  },
  provenance: { calibration: [{ path: 'things.list', key: { id: 'c' }, field: 'count', value: 7, assumed: true }] },
} as unknown as MetricsDocument;

async function build(text: string, locale: 'zh' | 'en', id = 'ranked') {
  const b = await bundle(locale);
  const trace = new Trace();
  const def = parse(text).find((d) => d.id === id)!;
  const built = buildTable(def, { metrics: doc, t: createTranslator(b, DEFINITIONS_2023), names: countryNames(locale, b.namespaces.countries), focus: { home: 'CN', rival: 'US' }, content: {}, trace, modelled: (w) => w[0] === 'things.list' && w[1].id === 'c' && w[2] === 'count' });
  return { built, trace };
}

describe('tables.yaml', () => {
  it('reads tables, and same-as places one again under another id', () => {
    const tables = parse(TABLE);
    expect(tables.map((t) => t.id)).toEqual(['ranked', 'again']);
    expect(tables[1]!.columns).toEqual(tables[0]!.columns);
    expect(Object.isFrozen(tables[0]!.columns[0])).toBe(true);
    expect(tables[0]!.columns[0]).toMatchObject({ kind: 'rank', by: 'score', at: 't.yaml:8:7' });
  });

  it('names the file, line and column of what it cannot read', () => {
    expect(err(() => parse(TABLE.replace('kind: position', 'kind: ordinal')))).toMatch(/^t\.yaml:9:44: ranked\.columns\.1\.kind: expected one of position, rank, integer/);
    expect(err(() => parse(TABLE.replace('kind: integer, field: count', 'kind: integer')))).toMatch(/^t\.yaml:12:7: ranked\.columns\.4\.field: expected a field for a integer column, got nothing/);
    expect(err(() => parse(TABLE.replace('digits: 2', 'digits: 2.5')))).toMatch(/^t\.yaml:13:82: ranked\.columns\.5\.digits: expected a whole number from 0 to 6/);
    expect(err(() => parse(TABLE.replace('scope: papers', 'scope: everything')))).toMatch(/^t\.yaml:3:10: ranked\.scope: expected one of papers, patents/);
    expect(err(() => parse(TABLE.replace('n: row-count,', 'n: rows,')))).toMatch(/^t\.yaml:4:65: ranked\.caption\.values\.n: expected one of row-count, row-count-words/);
    expect(err(() => parse(TABLE.replace('same-as: ranked', 'same-as: missing')))).toMatch(/^t\.yaml:16:19: again\.same-as: expected the id of a table defined in this file \(ranked\)/);
    expect(err(() => parse(TABLE.replace('  key: id\n', '')))).toMatch(/ranked\.key: expected the field that names a row/);
    expect(err(() => parse(TABLE.replace('top: 2 }', 'top: 2, index: 0 }')))).toMatch(/^t\.yaml:5:9: ranked\.rows: expected a selector of rows/);
    expect(err(() => parse(TABLE.replace('kind: text, field: note', 'kind: text, field: note, colour: red')))).toMatch(/^t\.yaml:15:69: ranked\.columns\.7\.colour: expected one of head, kind/);
    expect(err(() => parse('Bad_Id: { same-as: x }\n'))).toMatch(/^t\.yaml:1:9: Bad_Id: expected a table id/);
  });
});

describe('cell kinds', () => {
  it('rank among the rows the where keeps, number positions, format numbers, mark modelled values and trace what they print', async () => {
    const { built, trace } = await build(TABLE, 'en');
    // where country = CN, by score: c (3), a (2.5); ranks among a, c, d by score.
    expect(built.rows).toEqual([
      ['1', '1', 'Gamma', 'China', '7*', '3.00', '–', 'n3'],
      ['2', '2', 'Alpha', 'China', '12,345', '2.50', '2019.4', 'n1'],
    ]);
    expect(built.columns.map((c) => c.numeric)).toEqual([true, true, false, false, true, true, true, false]);
    expect(built.caption).toContain('2');
    const traced = trace.entries.map((e) => [e.text, e.value]);
    expect(traced).toContainEqual(['7', 7]);
    expect(traced).toContainEqual(['12,345', 12345]);
    expect(traced).toContainEqual(['2019.4', 2019.44]);
    expect(traced).toContainEqual(['Gamma', null]);
    expect(traced.some(([text]) => text === 'n1')).toBe(false); // editorial text is not traced
  });

  it('print names in the locale', async () => {
    const { built } = await build(TABLE, 'zh');
    expect(built.rows.map((r) => r[2])).toEqual(['丙', '甲']);
  });

  it('name the table, column, row and field of a value they cannot show', async () => {
    await expect(build(TABLE.replace('field: count }', 'field: note }'), 'en')).rejects.toThrow(/^t\.yaml:12:7: table "ranked", column 5, row 1: "note": expected a number, got "n3"$/);
    await expect(build(TABLE.replace(', optional: true', ''), 'en')).rejects.toThrow(/^t\.yaml:14:7: table "ranked", column 7, row 1: "year": expected a number, got null$/);
    await expect(build(TABLE.replace('things.list', 'things.gone'), 'en')).rejects.toThrow(/^t\.yaml:5:9: table "ranked": the metrics document has no "things\.gone"/);
  });

  it('join terms as a list and capitalise names from a {zh, en} pair (the directions of Appendix II)', async () => {
    const e = await edition();
    const def = editionTables(e.tables).find((d) => d.id === 'directions-keywords')!;
    const b = await bundle('en');
    const built = buildTable(def, { metrics: doc, t: createTranslator(b, DEFINITIONS_2023), names: countryNames('en', {}), focus: { home: 'CN', rival: 'US' }, content: { directions: [{ id: 'x', name: { zh: '甲', en: 'big data' }, keywords: { zh: ['一', '二'], en: ['one', 'two'] } }] }, trace: new Trace() });
    expect(built.rows).toEqual([['1', 'Big data', 'one, two']]);
  });
});

describe('placing a table', () => {
  it('leaves a slot in the chapter, and fails at the template line on an id tables.yaml does not define', async () => {
    const b = await bundle('en');
    const e = { edition: 't', data: 'd', definitions: DEFINITIONS_2023, focus: { home: 'CN', rival: 'US' }, tables: parseYaml('t.yaml', TABLE), chapters: [{ id: 'a', file: 'a.md.hbs', text: '# A\n\n{{table "ranked"}}\n\n{{table "rankd"}}\n' }] };
    expect(err(() => renderChapters(e, doc, createTranslator(b, DEFINITIONS_2023), countryNames('en', {}), numberFigures(e)))).toMatch(/^a\.md\.hbs:5:1: unknown table "rankd" \(known: ranked, again;/);
    const ok = { ...e, chapters: [{ id: 'a', file: 'a.md.hbs', text: '# A\n\n{{table "again"}}\n' }] };
    expect(renderChapters(ok, doc, createTranslator(b, DEFINITIONS_2023), countryNames('en', {}), numberFigures(ok))[0]!.html).toContain('<p>@@table:again@@</p>');
  });
});

describe('the engine', () => {
  it('names no table, topic or topic group of an edition in src/tables', async () => {
    const e = await edition();
    const dir = join(ROOT, 'src/tables');
    const code = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    // The sample dataset's topics and groups (topic_id,name_zh,name_en,group).
    const topics = readFileSync(join(ROOT, 'data/2023/topics.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const names = [...editionTables(e.tables).map((t) => t.id), ...topics.map((r) => r[0]!), ...topics.map((r) => r.at(-1)!), 'hot-2022', 'content:teams', 'talent.by_institution', 'patents.by_assignee'];
    expect(names).toContain('frontier');
    for (const name of new Set(names)) expect(code.includes(`'${name}'`) || code.includes(`"${name}"`) || code.includes(`\`${name}`), name).toBe(false);
  });

  it('places tables as figures: nothing in src/chapters imports src/tables or src/html', () => {
    const dir = join(ROOT, 'src/chapters');
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/from '\.\.\/(tables|html)\//);
  });
});
