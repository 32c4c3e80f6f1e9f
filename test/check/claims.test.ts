/**
 * `report check` and claims: a false claim of each kind fails it, naming the message and the values;
 * the edition's claims hold on the rank-changing variants and on a dataset made from the sample in
 * which the home country leads its rival, is no longer the top patent country and gains researchers.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/base/edition.ts';
import type { LocaleBundle } from '../../src/base/i18n.ts';
import { checkEdition } from '../../src/check/check.ts';
import { variants, zeroed } from '../../src/check/variants.ts';
import { checkClaims, renderSentences } from '../../src/check/claims.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { ROOT } from '../chapters/fixtures.ts';
import { checkInputs, withChapter as chapterAdded, withMessages } from './edits.ts';
import { metricsOf } from '../metrics/compute.ts';
import { swappedSample } from '../helpers/swapped-sample.ts';

let metrics: MetricsDocument;
let real: Edition;
let zh: LocaleBundle;
let en: LocaleBundle;
beforeAll(async () => ({ metrics, real, zh, en } = await checkInputs()));

const withChapter = (text: string): Edition => chapterAdded(real, text);

const SERIES = (c: string) => `(series papers.by_year_country ${c} "papers" provenance.manifest.paper_years.[0] provenance.manifest.paper_years.[1])`;
const PAIRS = `(pairSeries ${SERIES('focus.home')} ${SERIES('focus.home')})`;

/** One false claim of each kind the issue lists. */
const FALSE_CLAIMS: Record<string, string> = {
  more: '(more papers.total papers.total)',
  leads: '(leads (negate papers.by_country "papers") "papers")',
  isMax: '(isMax papers.by_country "papers" (last papers.by_country))',
  every_year: `(everyYear ${PAIRS} "ahead" provenance.manifest.paper_years.[0] provenance.manifest.paper_years.[1])`,
  crossed: `(crossed ${PAIRS} provenance.manifest.paper_years.[1])`,
  set_equals: '(setEquals (top papers.by_country 3) papers.by_country "country")',
  completes: '(completes (top papers.by_country 10) (top papers.by_country 2) (slice papers.by_country 5 10) "country")',
  grows: `(grows (negate ${SERIES('focus.home')} "value"))`,
  distinct_at: '(distinctAt (array (nth papers.by_country 0) (nth papers.by_country 0) (nth papers.by_country 1)) "papers" 1)',
  switch: '(switchesAt (bandPairs patents.value_bands "patents" focus.rival focus.rival) 1)',
};

describe('report check fails on a false claim', () => {
  it.each(Object.entries(FALSE_CLAIMS))('%s', (kind, claim) => {
    const chapter = withChapter(`# {{t "test.title"}}\n\n{{t "test.claim" claim=${claim} home=(country focus.home)}}\n`);
    const { problems } = checkEdition(chapter, metrics, [withMessages(zh, { title: '附加', claim: '{{home}}领先。' }), withMessages(en, { title: 'Extra', claim: '{{home}} leads.' })]);
    const render = problems.filter((p) => p.check === 'render');
    expect(render, kind).toContainEqual(expect.objectContaining({ where: 'dataset en', message: expect.stringMatching(/99-extra\.md\.hbs:3:\d+: the sentence "test\.claim" claims .*, which is false on these metrics: /) }));
  });

  it('and on a claim that holds on the dataset but not on a rank-changing variant, naming the variant', () => {
    const chapter = withChapter('# {{t "test.title"}}\n\n{{t "test.claim" claim=(isMax papers.by_country "papers" (find papers.by_country "country" focus.rival)) home=(country focus.rival)}}\n');
    const { problems } = checkEdition(chapter, metrics, [withMessages(zh, { title: '附加', claim: '{{home}}最多。' }), withMessages(en, { title: 'Extra', claim: '{{home}} has the most.' })]);
    expect(problems.filter((p) => p.check === 'render')).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ check: 'variant', where: 'variant "home and rival swapped" en', message: expect.stringContaining('claims is_max(papers)') }));
  });
});

describe('the edition\'s claims hold when the ranks change', () => {
  it('on every variant, where no comparative message is printed without a claim', () => {
    const summary = checkClaims(real, metrics, [zh, en], new Map());
    expect(summary.problems).toEqual([]);
    expect(summary.unclaimed).toEqual([]);
    expect(summary.variants).toBe(variants(metrics, real.focus).length);
    expect(summary.variants).toBeGreaterThanOrEqual(9);
  });

  it('with either focus country at zero year by year and band by band: no 0-against-0 sentence, no render error', () => {
    const zeroedHome = zeroed(metrics, real.focus.home);
    const bands = zeroedHome.patents!.value_bands.filter((r) => r.country === real.focus.home);
    expect(bands.length).toBeGreaterThan(0);
    expect(bands.every((r) => r.patents === 0)).toBe(true);
    // Ranked totals are kept: the lists stay valid documents.
    expect(zeroedHome.papers.by_country).toEqual(metrics.papers.by_country);
    expect(variants(metrics, real.focus).map((v) => v.name)).toEqual(expect.arrayContaining(['rival at zero year by year', 'home at zero year by year']));
    // Before the key points, Chapter 2 and the conclusions had a wording for "behind in every band",
    // this variant failed to render ("ratio of 0 to 0" in the share below the switch).
    const rendered = renderSentences(real, zeroedHome, en);
    expect(rendered.html).toContain('holds more patents than China in every value band');
  });

  it('on the sample with the home country and its rival exchanged in every record', async () => {
    const swapped = await metricsOf(swappedSample(join(ROOT, 'data/2023'), real.focus.home, real.focus.rival));
    const find = <T extends { country: string }>(list: readonly T[], c: string) => list.find((x) => x.country === c)!;
    const [home, rival] = [real.focus.home, real.focus.rival];
    // The home country leads in papers and top papers, is not the top patent country, and gains researchers.
    expect(find(swapped.papers.by_country, home).papers).toBeGreaterThan(find(swapped.papers.by_country, rival).papers);
    expect(find(swapped.papers.by_country, home).top1).toBeGreaterThan(find(swapped.papers.by_country, rival).top1);
    expect(swapped.patents!.by_country[0]!.country).not.toBe(home);
    expect(find(swapped.flows!.by_country, home).net).toBeGreaterThan(0);
    const { problems } = checkEdition(real, swapped, [zh, en]);
    expect(problems).toEqual([]);
  });
});

describe('placeholder names', () => {
  it('a generator placeholder ("Unnamed university …", "…未具名高校 …") printed as a name is a problem', async () => {
    const { placeholderProblems } = await import('../../src/check/claims.ts');
    expect(placeholderProblems(en, 'Those from Japan are Unnamed university JP-0015 (Japan) and RIKEN.', 'dataset en')).toEqual([
      { check: 'placeholder-name', where: 'dataset en', message: expect.stringContaining('"Unnamed university JP-0015 (Japan) and RIKEN"') },
    ]);
    expect(placeholderProblems(zh, '日本的机构为日本未具名高校 JP-0015。', 'dataset zh')).toHaveLength(1);
    expect(placeholderProblems(en, 'No placeholder here.', 'dataset en')).toEqual([]);
  });
});

describe('a comparative message without a claim fails report check', () => {
  const extra = (call: string) => withChapter(`# {{t "test.title"}}\n\n${call}\n`);
  const messages = (en: string, zh: string): [LocaleBundle, LocaleBundle] => [withMessages(zhBundle(), { title: '附加', claim: zh }), withMessages(enBundle(), { title: 'Extra', claim: en })];
  const zhBundle = () => zh;
  const enBundle = () => en;

  it('naming the locale, the message, its context and the word', () => {
    const { problems } = checkEdition(extra('{{t "test.claim" home=(country focus.home)}}'), metrics, messages('{{home, capitalize}} has the most papers.', '{{home}}的论文最多。'));
    const unclaimed = problems.filter((p) => p.check === 'unclaimed-comparative' && p.where.includes(' test.'));
    expect(unclaimed).toEqual([
      { check: 'unclaimed-comparative', where: 'en test.claim', message: expect.stringContaining('("most")') },
      { check: 'unclaimed-comparative', where: 'zh test.claim', message: expect.stringContaining('("最多")') },
    ]);
    const withContext = checkEdition(extra('{{t "test.claim" context="more" home=(country focus.home)}}'), metrics, [withMessages(zh, { title: '附加', claim_more: '{{home}}领先。' }), withMessages(en, { title: 'Extra', claim_more: '{{home}} is ahead.' })]);
    expect(withContext.problems).toContainEqual(expect.objectContaining({ check: 'unclaimed-comparative', where: 'en test.claim (context more)', message: expect.stringContaining('("ahead")') }));
  });

  it('also when only a rank-changing variant prints it (here: a single year)', () => {
    const call = '{{#if (eq provenance.manifest.paper_years.[0] provenance.manifest.paper_years.[1])}}{{t "test.claim" home=(country focus.home)}}{{/if}}';
    const { problems } = checkEdition(extra(call), metrics, messages('{{home, capitalize}} has the most papers.', '{{home}}的论文最多。'));
    expect(problems.filter((p) => p.check === 'unclaimed-comparative' && p.where.includes(' test.'))).toEqual([
      expect.objectContaining({ where: 'en test.claim' }),
      expect.objectContaining({ where: 'zh test.claim' }),
    ]);
  });

  it('not when the message declares its claim, a predicate or a declaration', () => {
    for (const claim of ['(isMax papers.by_country "papers" (nth papers.by_country 0))', '(definition)', '(editorial)']) {
      const { problems } = checkEdition(extra(`{{t "test.claim" claim=${claim} home=(country (at papers.by_country 0 "country"))}}`), metrics, messages('{{home, capitalize}} has the most papers.', '{{home}}的论文最多。'));
      expect(problems.filter((p) => p.check === 'unclaimed-comparative' && p.where.includes(' test.')), claim).toEqual([]);
    }
  });

  it('not for a defined term ("top papers", "顶尖论文", "平均") or a placeholder', () => {
    const { problems } = checkEdition(extra('{{t "test.claim" n=(int papers.top1_total)}}'), metrics, messages('Top papers by country: {{n}}.', '顶尖论文的国家分布，平均 {{n}}。'));
    expect(problems.filter((p) => p.check === 'unclaimed-comparative' && p.where.includes(' test.'))).toEqual([]);
  });

  it('the detector: words whole, defined terms and placeholders left out', async () => {
    const { comparativeWordIn } = await import('../../src/check/claims.ts');
    expect(comparativeWordIn('The top {{n}} countries', ['top'], ['top papers'], 'en')).toBe('top');
    expect(comparativeWordIn('Top papers by country', ['top'], ['top papers'], 'en')).toBeUndefined();
    expect(comparativeWordIn('the top  papers', ['top'], ['top papers'], 'en')).toBeUndefined();
    expect(comparativeWordIn('{{most}} stopped', ['most', 'top'], [], 'en')).toBeUndefined();
    expect(comparativeWordIn('篇均被引量最高', ['均', '最高'], ['篇均'], 'zh')).toBe('最高');
    expect(comparativeWordIn('篇均被引量', ['均'], ['篇均'], 'zh')).toBeUndefined();
  });
});
