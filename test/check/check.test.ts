import { beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/base/edition.ts';
import type { Timeline } from '../../src/base/timeline.ts';
import type { LocaleBundle } from '../../src/base/i18n.ts';
import { integer } from '../../src/base/format.ts';
import { checkEdition, type Problem } from '../../src/check/check.ts';
import { numberTokens } from '../../src/check/lint.ts';
import { perturb } from '../../src/check/perturb.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { checkInputs, withChapter as chapterAdded, withMessages } from './edits.ts';

let metrics: MetricsDocument;
let real: Edition;
let zh: LocaleBundle;
let en: LocaleBundle;
beforeAll(async () => ({ metrics, real, zh, en } = await checkInputs()));

const withChapter = (text: string): Edition => chapterAdded(real, text);


const checks = (problems: readonly Problem[]) => problems.map((p) => p.check);

describe('report check on the 2023 edition', () => {
  it('passes: every number traced, locales alike, numbering sound', () => {
    const result = checkEdition(real, metrics, [zh, en]);
    expect(result.problems).toEqual([]);
    expect(result.locales).toEqual([
      expect.objectContaining({ locale: 'zh', figures: 37, tables: 10 }),
      expect.objectContaining({ locale: 'en', figures: 37, tables: 10 }),
    ]);
  });
});

describe('report check fails, saying where and why', () => {
  it('on a number set against a Chinese character with no space ("共10项"), not on a name that ends in digits', () => {
    const chapter = withChapter('# {{t "test.title"}}\n\n{{t "test.claim" n=(int papers.total)}}\n');
    const { problems } = checkEdition(chapter, metrics, [withMessages(zh, { title: '附加', claim: '论文共{{n}}篇。' }), withMessages(en, { title: 'Extra', claim: 'Papers: {{n}}.' })]);
    expect(problems).toContainEqual(expect.objectContaining({ check: 'zh-spacing', where: 'dataset zh', message: expect.stringContaining(`论文共${integer(metrics.papers.total)}篇`) }));
    const spaced = checkEdition(chapter, metrics, [withMessages(zh, { title: '附加', claim: '论文共 {{n}} 篇。' }), withMessages(en, { title: 'Extra', claim: 'Papers: {{n}}.' })]);
    expect(spaced.problems.filter((p) => p.check === 'zh-spacing')).toEqual([]);
  });

  it('on a topic\'s section that names another topic (a paragraph copied between topics)', () => {
    const [a, b] = metrics.topics!;
    const copied = withChapter('# {{topicName (nth topics 0)}}\n\n### {{topicName (nth topics 0)}}\n\n{{topicName (nth topics 1)}}\n\n### {{topicName (nth topics 1)}}\n\n{{topicName (nth topics 1)}}\n');
    const { problems } = checkEdition(copied, metrics, [zh, en]);
    const sections = problems.filter((p) => p.check === 'topic-section');
    expect(sections).toContainEqual(expect.objectContaining({ where: 'dataset en', message: expect.stringContaining(`names another topic, "${b!.name_en.toLowerCase()}"`) }));
    expect(sections).toContainEqual(expect.objectContaining({ where: 'dataset zh', message: expect.stringContaining(`"${a!.name_zh}" names another topic, "${b!.name_zh}"`) }));
    // The second section names only its own topic.
    expect(sections.every((p) => p.message.includes(`section "${a!.name_en}"`) || p.message.includes(`section "${a!.name_zh}"`))).toBe(true);
  });

  it('on a timeline topic the metrics do not have (a typo would leave its events unprinted)', () => {
    const timeline = real.content!.timeline as Timeline;
    const typo = { ...real, content: { ...real.content, timeline: { ...timeline, topics: { ...timeline.topics, 'T-AIGX': timeline.topics['T-AIGC']! } } } };
    const { problems } = checkEdition(typo, metrics, [zh, en]);
    expect(problems).toEqual([{ check: 'content-topic', where: 'content/timeline.yaml topics.T-AIGX', message: 'no topic "T-AIGX" in the metrics: its events would never be printed (topic ids are those of the dataset\'s topics)' }]);
  });

  it('on a number typed into a template', () => {
    const { problems } = checkEdition(withChapter('# Extra\n\nIn total 5,441 papers.\n'), metrics, [zh, en]);
    expect(problems).toContainEqual(expect.objectContaining({ check: 'typed-number', where: 'templates/2023/chapters/99-extra.md.hbs:1:1', message: expect.stringContaining('"5,441"') }));
    expect(checks(problems)).toContain('untraceable-number');
  });

  it('on a number typed into a message, and on a country named in one', () => {
    const broken = withMessages(en, { typed: 'China leads with 2,587 patents.' });
    const { problems } = checkEdition(real, metrics, [zh, broken]);
    expect(problems).toContainEqual(expect.objectContaining({ check: 'typed-number', message: expect.stringContaining('"2,587"') }));
    expect(problems).toContainEqual(expect.objectContaining({ check: 'typed-name', message: expect.stringContaining('"China"') }));
  });

  it('on a hard-coded number that is right for this dataset but not for a perturbed one', () => {
    // The text types the paper total. On the real data a helper prints the same number elsewhere, so
    // the page alone cannot tell; on the perturbed data (every count 2n + 1) it is plainly not traced.
    const typed = integer(metrics.papers.total);
    const { problems } = checkEdition(withChapter(`# Extra\n\n{{t "test.claim"}} ${typed}\n`), metrics, [withMessages(zh, { claim: 'x' }), withMessages(en, { claim: 'x' })]);
    const untraced = problems.filter((p) => p.check === 'untraceable-number');
    expect(untraced.map((p) => p.where)).toEqual(['perturbed dataset zh', 'perturbed dataset en']);
    expect(untraced[0]!.message).toContain(`"${typed}"`);
    expect(perturb(metrics).papers.total).toBe(metrics.papers.total * 2 + 1);
  });

  it('on a message missing in one locale, or a content file missing', () => {
    const report = structuredClone(en.namespaces.report) as { ch2: { papers: { intro?: string } } };
    delete report.ch2.papers.intro;
    const { content: _, ...rest } = zh.namespaces;
    const { problems } = checkEdition(real, metrics, [{ ...zh, namespaces: rest }, { ...en, namespaces: { ...en.namespaces, report } }]);
    expect(problems).toContainEqual(expect.objectContaining({ check: 'locale-keys', message: 'no message "ch2.papers.intro" (locale "zh" has one)' }));
    expect(problems).toContainEqual(expect.objectContaining({ check: 'locale-files', message: 'missing: locale "en" has content.json, locale "zh" does not' }));
  });

  it('on locales that show different numbers', () => {
    const report = structuredClone(en.namespaces.report) as { ch2: { papers: { countries: { volume: string } } } };
    report.ch2.papers.countries.volume = report.ch2.papers.countries.volume.replace(', which is {{share}} of the leader\'s total', '');
    const { problems } = checkEdition(real, metrics, [zh, { ...en, namespaces: { ...en.namespaces, report } }]);
    expect(problems).toContainEqual(expect.objectContaining({ check: 'locale-values', where: 'report:ch2.papers.countries.volume', message: expect.stringContaining('"zh" shows {{share}}') }));
    expect(problems).toContainEqual(expect.objectContaining({ check: 'locale-parity', message: expect.stringMatching(/^the zh edition shows values the en edition does not/) }));
  });

  it('on a figure placed twice, and on a reference to a figure that is not placed', () => {
    const twice = withChapter('# Extra\n\n{{figure "papers-by-country"}}\n');
    expect(checkEdition(twice, metrics, [zh, en]).problems).toContainEqual(
      expect.objectContaining({ check: 'numbering', message: 'figure "papers-by-country" is placed 2 times; a figure has one place and one number' }),
    );
    // The figure is numbered (its call is in the template) but its branch never renders.
    const dangling = withChapter('# Extra\n\nSee {{ref "value-bands"}}.\n');
    const unplaced = { ...dangling, chapters: dangling.chapters.map((c) => ({ ...c, text: c.text.replace('{{figure "value-bands"}}', '{{#if false}}{{figure "value-bands"}}{{/if}}') })) };
    const { problems } = checkEdition(unplaced, metrics, [zh, en]);
    expect(problems).toContainEqual(expect.objectContaining({ check: 'dangling-reference', message: 'a reference points to "fig-value-bands", which is not placed in the edition' }));
  });

  it('on a link in a message to a chapter the edition does not have (a link to one it has passes)', () => {
    const template = '# Extra\n\n{{t "test.see"}}\n';
    const linked = (target: string) =>
      checkEdition(withChapter(template), metrics, [withMessages(zh, { see: `见[前言](#${target})。` }), withMessages(en, { see: `See the [preface](#${target}).` })]).problems;
    expect(linked('foreword')).toContainEqual(
      expect.objectContaining({ check: 'dangling-reference', message: 'a link points to "#foreword", which is neither a figure, a table nor a chapter of the edition' }),
    );
    expect(linked('preface')).toEqual([]);
  });

  it('on "N, of which M …, the other K" that does not add up', () => {
    const template = '# Extra\n\n{{t "test.split" n=(int papers.total) m=(int papers.top1_total) k=(int papers.top1_total)}}\n';
    const { problems } = checkEdition(withChapter(template), metrics, [
      withMessages(zh, { split: '论文共 {{n}} 篇，其中顶尖论文 {{m}} 篇，其余 {{k}} 篇。' }),
      withMessages(en, { split: 'There are {{n}} papers, of which {{m}} are top papers; the other {{k}} are not.' }),
    ]);
    const partitions = problems.filter((p) => p.check === 'partition');
    expect(partitions.map((p) => p.where)).toEqual(['dataset zh', 'dataset en', 'perturbed dataset zh', 'perturbed dataset en']);
    expect(partitions[1]!.message).toContain('does not add up');
  });
});

describe('number tokens', () => {
  it('are numbers, not parts of names', () => {
    expect(numberTokens('5G 网络与 h5 指数，2,587 件，12.8%，第 11 位，2012—2021 年')).toEqual(['2,587', '12.8', '11', '2012', '2021']);
  });
});

describe('the trace', () => {
  it('records text as the reader sees it, escaped characters decoded', async () => {
    const { Trace } = await import('../../src/base/trace.ts');
    const trace = new Trace();
    expect(trace.add('1&#46;3 万人', 12753, 'magCount')).toBe('1&#46;3 万人');
    expect(trace.entries[0]).toEqual({ text: '1.3 万人', value: 12753, source: 'magCount' });
  });
});

describe('report check on other data', () => {
  /** The metrics with two countries' codes exchanged everywhere: every home-vs-rival fact flips. */
  function swap(m: MetricsDocument, a: string, b: string): MetricsDocument {
    const walk = (v: unknown, key = ''): unknown => {
      if (typeof v === 'string' && ['country', 'a', 'b'].includes(key)) return v === a ? b : v === b ? a : v;
      if (Array.isArray(v)) return v.map((x) => walk(x, key));
      if (v && typeof v === 'object') {
        const entries = Object.entries(v).map(([k, x]) => [/^[A-Z]{2}$/.test(k) && (k === a || k === b) ? (k === a ? b : a) : k, walk(x, k)]);
        return Object.fromEntries(entries);
      }
      return v;
    };
    const out = walk(m) as MetricsDocument;
    // Pairs keep their two codes in alphabetical order, as the metrics document does.
    for (const p of [...out.collaboration.pairs, ...out.collaboration.pairs_by_year] as { a: string; b: string }[]) if (p.a > p.b) [p.a, p.b] = [p.b, p.a];
    return out;
  }

  it('passes when the home country and its rival trade places, and the text says so', async () => {
    const swapped = swap(metrics, 'CN', 'US');
    expect(checkEdition(real, swapped, [zh, en]).problems).toEqual([]);
    const { render } = await import('../chapters/fixtures.ts');
    const text = (await render('en', swapped)).text;
    expect(text).toContain('China published more papers than the United States');
    // China has the most high-value patents but not the most patents: no "also" (claims is_max(patents)).
    expect(text).toContain('China holds the most high-value patents');
    expect(text).not.toContain('China also holds the most high-value patents');
    expect(text).not.toContain('The gap lies at the top of the value chain.');
  });
});
