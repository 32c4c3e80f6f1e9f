/** edition.yaml's chapters: appendices come last and are numbered apart from the chapters. */
import { describe, expect, it } from 'vitest';
import { readEdition } from '../../src/base/edition.ts';
import { ReportError } from '../../src/errors.ts';
import { memoryFs } from '../helpers/memory-fs.ts';

const SETTINGS = 'focus: {home: CN, rival: US}\ndefinitions: {top_share: 0.01, high_value_usd: 1000000, high_level_h: 20}\n';
const chapter = (id: string, appendix = false) => `  - id: ${id}\n    template: chapters/${id}.md.hbs\n${appendix ? '    appendix: true\n' : ''}`;
const files = (yaml: string) =>
  memoryFs({
    '/t/e/edition.yaml': `data: d\n${SETTINGS}chapters:\n${yaml}`,
    ...Object.fromEntries(['a', 'b', 'x', 'y'].map((id) => [`/t/e/chapters/${id}.md.hbs`, `# ${id}\n`])),
  });

describe('edition chapters and appendices', () => {
  it('numbers the appendices 1, 2 … on their own; chapters carry no appendix number', async () => {
    const edition = await readEdition(files(chapter('a') + chapter('b') + chapter('x', true) + chapter('y', true)), '/t', 'e');
    expect(edition.chapters.map((c) => [c.id, c.appendix])).toEqual([['a', undefined], ['b', undefined], ['x', 1], ['y', 2]]);
  });

  it('refuses a chapter after an appendix, naming its position in edition.yaml', async () => {
    const error = await readEdition(files(chapter('a') + chapter('x', true) + chapter('b')), '/t', 'e').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as Error).message).toMatch(/^\/t\/e\/edition\.yaml:10:5: chapters\.2: expected an appendix \(appendix: true\): appendices come after every chapter, got "b"$/);
  });

  it('reads front matter and a running head\'s message key, and nothing for a chapter without them', async () => {
    const edition = await readEdition(files(chapter('a').replace('\n', '\n    front: true\n') + chapter('b').replace('\n', '\n    running_head: b:short\n') + chapter('x')), '/t', 'e');
    expect(edition.chapters.map((c) => [c.id, c.front, c.runningHead])).toEqual([['a', true, undefined], ['b', undefined, 'b:short'], ['x', undefined, undefined]]);
    const error = await readEdition(files(chapter('a').replace('\n', '\n    running_head: 3\n')), '/t', 'e').catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/chapters\.0\.running_head: expected a non-empty string, got 3/);
  });

  it('names a flag that is not true or false', async () => {
    const error = await readEdition(files(chapter('a') + chapter('x').replace('\n', '\n    appendix: yes please\n')), '/t', 'e').catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/edition\.yaml:8:15: chapters\.1\.appendix: expected true or false, got "yes please"/);
  });
});

describe('edition settings', () => {
  const withSettings = (settings: string) =>
    memoryFs({ '/t/e/edition.yaml': `data: d\n${settings}chapters:\n${chapter('a')}`, '/t/e/chapters/a.md.hbs': '# a\n' });
  const definitions = 'definitions:\n  top_share: 0.01\n  high_value_usd: 1000000\n  high_level_h: 20\n';
  const failure = (settings: string) => readEdition(withSettings(settings), '/t', 'e').then(() => null, (e: unknown) => e as Error);

  it('reads the focus countries and the metric definitions, frozen', async () => {
    const edition = await readEdition(withSettings(`focus: {home: DE, rival: FR}\n${definitions}`), '/t', 'e');
    expect(edition.focus).toEqual({ home: 'DE', rival: 'FR' });
    expect(edition.definitions).toEqual({ top_share: 0.01, high_value_usd: 1_000_000, high_level_h: 20 });
    expect(Object.isFrozen(edition.definitions)).toBe(true);
  });

  it('requires the focus countries: the engine has no default pair', async () => {
    const error = await failure(definitions);
    expect(error).toBeInstanceOf(ReportError);
    expect(error!.message).toBe('/t/e/edition.yaml:1:1: focus: expected a mapping, got nothing');
    expect((await failure(`focus: {home: DE}\n${definitions}`))!.message).toMatch(/^\/t\/e\/edition\.yaml:2:\d+: focus\.rival: expected a non-empty string, got nothing$/);
  });

  it('requires every definition, in range, and names the field and its position', async () => {
    const focus = 'focus: {home: DE, rival: FR}\n';
    expect((await failure(focus))!.message).toBe('/t/e/edition.yaml:1:1: definitions: expected a mapping of top_share, high_value_usd and high_level_h, got nothing');
    expect((await failure(focus + definitions.replace('0.01', '1.5')))!.message).toBe('/t/e/edition.yaml:4:14: definitions.top_share: expected a share above 0 and at most 1 (0.01 = 1 %), got 1.5');
    expect((await failure(focus + definitions.replace('20', '12.5')))!.message).toBe('/t/e/edition.yaml:6:17: definitions.high_level_h: expected a whole number above 0, got 12.5');
    expect((await failure(focus + definitions.replace('1000000', '"1M"')))!.message).toBe('/t/e/edition.yaml:5:19: definitions.high_value_usd: expected an amount of US dollars above 0, got "1M"');
    expect((await failure(focus + definitions.replace('  high_level_h: 20\n', '  high_level_h: 20\n  top_share_pct: 1\n')))!.message).toBe(
      '/t/e/edition.yaml:7:18: definitions.top_share_pct: expected one of top_share, high_value_usd, high_level_h, got "top_share_pct"',
    );
  });
});

describe('edition topic groups', () => {
  const withTopics = (topics: string) =>
    memoryFs({ '/t/e/edition.yaml': `data: d\n${SETTINGS}${topics}chapters:\n${chapter('a')}`, '/t/e/chapters/a.md.hbs': '# a\n' });

  it('reads which group is the frontier and which the hot technologies of which year', async () => {
    const edition = await readEdition(withTopics('topics:\n  frontier: { group: edge }\n  hot: { group: hot-x, year: 2030 }\n'), '/t', 'e');
    expect(edition.topics).toEqual({ frontier: { group: 'edge' }, hot: { group: 'hot-x', year: 2030 } });
  });

  it('has none when edition.yaml declares none', async () => {
    expect((await readEdition(withTopics(''), '/t', 'e')).topics).toBeUndefined();
  });

  it('names a hot group without its year', async () => {
    const error = await readEdition(withTopics('topics:\n  frontier: { group: edge }\n  hot: { group: hot-x }\n'), '/t', 'e').catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/edition\.yaml:6:8: topics\.hot\.year: expected a whole number, got nothing/);
  });
});
