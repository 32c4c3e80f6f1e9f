/** edition.yaml's chapters: appendices come last and are numbered apart from the chapters. */
import { describe, expect, it } from 'vitest';
import { readEdition } from '../../src/chapters/edition.ts';
import { ReportError } from '../../src/errors.ts';
import { memoryFs } from '../helpers/memory-fs.ts';

const chapter = (id: string, appendix = false) => `  - id: ${id}\n    template: chapters/${id}.md.hbs\n${appendix ? '    appendix: true\n' : ''}`;
const files = (yaml: string) =>
  memoryFs({
    '/t/e/edition.yaml': `data: d\nchapters:\n${yaml}`,
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
    expect((error as Error).message).toMatch(/^\/t\/e\/edition\.yaml:8:5: chapters\.2: expected an appendix \(appendix: true\): appendices come after every chapter, got "b"$/);
  });

  it('names a flag that is not true or false', async () => {
    const error = await readEdition(files(chapter('a') + chapter('x').replace('\n', '\n    appendix: yes please\n')), '/t', 'e').catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/edition\.yaml:6:15: chapters\.1\.appendix: expected true or false, got "yes please"/);
  });
});

describe('edition topic groups', () => {
  const withTopics = (topics: string) =>
    memoryFs({ '/t/e/edition.yaml': `data: d\n${topics}chapters:\n${chapter('a')}`, '/t/e/chapters/a.md.hbs': '# a\n' });

  it('reads which group is the frontier and which the hot technologies of which year', async () => {
    const edition = await readEdition(withTopics('topics:\n  frontier: { group: edge }\n  hot: { group: hot-x, year: 2030 }\n'), '/t', 'e');
    expect(edition.topics).toEqual({ frontier: { group: 'edge' }, hot: { group: 'hot-x', year: 2030 } });
  });

  it('has none when edition.yaml declares none', async () => {
    expect((await readEdition(withTopics(''), '/t', 'e')).topics).toBeUndefined();
  });

  it('names a hot group without its year', async () => {
    const error = await readEdition(withTopics('topics:\n  frontier: { group: edge }\n  hot: { group: hot-x }\n'), '/t', 'e').catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/edition\.yaml:4:8: topics\.hot\.year: expected a whole number, got nothing/);
  });
});
