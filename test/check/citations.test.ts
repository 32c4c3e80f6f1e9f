/** `report check` holds the citations and the list of works (content/references.yaml) together. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/base/edition.ts';
import type { LocaleBundle } from '../../src/base/i18n.ts';
import { checkCitations } from '../../src/check/citations.ts';
import { checkInputs, withChapter } from './edits.ts';

let real: Edition;
let zh: LocaleBundle;
let en: LocaleBundle;
beforeAll(async () => {
  ({ real, zh, en } = await checkInputs());
});

/** The edition with one chapter's text rewritten. */
const editChapter = (e: Edition, id: string, edit: (text: string) => string): Edition => ({
  ...e,
  chapters: e.chapters.map((c) => (c.id === id ? { ...c, text: edit(c.text) } : c)),
});

describe('citations', () => {
  it('pass on the 2023 edition: every work cited, every note marked in both locales, a bibliography printed', () => {
    expect(checkCitations(real, [zh, en])).toEqual([]);
  });

  it('fail on a citation of a work the list does not have, naming the template line', () => {
    const problems = checkCitations(withChapter(real, '# Extra\n\nText.[^x]\n\n[^x]: {{reference "no-such-work"}}\n'), [zh, en]);
    expect(problems).toEqual([
      { check: 'citations', where: 'templates/2023/chapters/99-extra.md.hbs:5', message: expect.stringContaining('cites "no-such-work", which content/references.yaml does not list') },
    ]);
  });

  it('fail on a work nobody cites (the bibliography lists cited works only)', () => {
    const uncited = editChapter(real, 'trends', (t) => t.replace('[^gans]: {{reference "goodfellow-gans"}}', ''));
    expect(uncited.chapters.find((c) => c.id === 'trends')!.text).not.toContain('goodfellow-gans');
    expect(checkCitations(uncited, [zh, en])).toEqual([
      { check: 'citations', where: 'content/references.yaml goodfellow-gans', message: expect.stringContaining('is cited nowhere') },
    ]);
  });

  it('are part of report check', async () => {
    const { checkEdition } = await import('../../src/check/check.ts');
    const { metrics } = await checkInputs();
    const uncited = editChapter(real, 'trends', (t) => t.replace('[^gans]: {{reference "goodfellow-gans"}}', ''));
    const { problems } = checkEdition(uncited, metrics, [zh, en]);
    expect(problems.filter((p) => p.check === 'citations').map((p) => p.where)).toEqual(['content/references.yaml goodfellow-gans']);
  });

  it('fail on a note that one locale never marks, so that it would not print there', () => {
    const trends = structuredClone(zh.namespaces.trends) as { hot: { intro: string } };
    trends.hot.intro = trends.hot.intro.replace('[^caict-ecosystem]', '');
    const problems = checkCitations(real, [{ ...zh, namespaces: { ...zh.namespaces, trends } }, en]);
    expect(problems).toEqual([{ check: 'citations', where: expect.stringMatching(/04-trends\.md\.hbs:\d+ \(zh\)$/), message: expect.stringContaining('[^caict-ecosystem] citing "caict-ecosystem" is marked nowhere in the zh text') }]);
  });

  it('fail on an edition that cites works but prints no bibliography', () => {
    const unlisted = editChapter(real, 'appendix-references', (t) => t.replace('{{bibliography}}', ''));
    expect(checkCitations(unlisted, [zh, en]).map((p) => p.message)).toEqual(['the edition cites works but prints no bibliography ({{bibliography}} in a chapter)']);
  });
});

describe('the reference helper', () => {
  it('refuses, at render, an id the list does not have, naming the template line, and formats a known one per locale', async () => {
    const { render, sampleMetrics } = await import('../chapters/fixtures.ts');
    const metrics = await sampleMetrics();
    const bad = withChapter(real, '# Extra\n\nText.[^x]\n\n[^x]: {{reference "no-such-work"}}\n');
    await expect(render('en', metrics, bad)).rejects.toThrow(/99-extra\.md\.hbs:5:\d+: no work "no-such-work" in content\/references\.yaml/);
    const good = withChapter(real, '# Extra\n\nText.[^x]\n\n[^x]: {{reference "deloitte-trends"}}\n');
    const html = (await render('en', metrics, good)).chapters.find((c) => c.id === 'extra')!.html;
    expect(html).toContain('Deloitte, <em>Tech Trends 2022</em> (April 16, 2022).');
  });
});
