/**
 * Issue 15's false claims, one test each: every case is metrics on which the old templates printed a
 * sentence that was false; now the sentence's claim is checked and the template chooses the sentence
 * that is true (or the render fails naming the message). Each builds its metrics from the sample.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ClaimsCollector } from '../../src/chapters/capture.ts';
import type { SentenceClaim } from '../../src/base/claims.ts';
import type { Locale } from '../../src/base/yaml.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { relabel, singleYear } from '../../src/check/variants.ts';
import { countryNames } from '../../src/base/countries.ts';
import { bundle, copy, render, sampleMetrics } from '../chapters/fixtures.ts';

type Row = Record<string, number | string | null>;
let metrics: MetricsDocument;
const HOME = 'CN';
const RIVAL = 'US';
beforeAll(async () => {
  metrics = await sampleMetrics();
});

async function sentences(locale: Locale, m: MetricsDocument): Promise<{ text: string; all: SentenceClaim[] }> {
  const claims = new ClaimsCollector();
  const { text } = await render(locale, m, undefined, { claims });
  return { text, all: Object.values(claims.claims().sentences) };
}
const keyed = (all: readonly SentenceClaim[], key: string) => all.filter((s) => s.key === key);
const rows = (list: unknown) => list as Row[];
/** Sorted again by `field`, largest first, as the metrics contract has lists. */
const resort = (list: Row[], field: string) => list.sort((a, b) => (b[field] as number) - (a[field] as number));
const yearRow = (m: MetricsDocument, list: 'papers' | 'patents', year: number, country: string) => rows(m[list]!.by_year_country).find((r) => r.year === year && r.country === country)!;
const years = (m: MetricsDocument) => {
  const [from, to] = m.provenance.manifest.paper_years;
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
};

describe('claims that were false, now checked', () => {
  it('"the rest of the top ten" names every top-ten country not named before, once, when the home country is tenth', async () => {
    const m = copy(metrics);
    const list = rows(m.patents!.by_country);
    const others = list.filter((r) => r.country !== HOME).sort((a, b) => (b.high_value as number) - (a.high_value as number));
    others.slice(9).forEach((r) => (r.high_value = 0));
    list.find((r) => r.country === HOME)!.high_value = 1;
    expect(others[8]!.high_value as number).toBeGreaterThan(1);
    const { all } = await sentences('en', m);
    const [rest] = keyed(all, 'ch2.patents.high_value.rest');
    expect(JSON.stringify(rest!.claim)).toContain('completes(country)'); // with no tie cut at the tenth
    expect(rest!.text).not.toContain('China');
    const b = await bundle('en');
    const names = countryNames('en', b.namespaces.countries);
    for (const r of others.slice(2, 9)) expect(rest!.text, String(r.country)).toContain(names.name(String(r.country)));
  });

  it('"the rest of the top ten" cuts no tie: a country level with the tenth is named with it (ties at rank 10/11)', async () => {
    const names = countryNames('en', (await bundle('en')).namespaces.countries);
    const plain = keyed((await sentences('en', metrics)).all, 'ch2.patents.countries.others')[0]!;
    expect(plain.text).toContain('the rest of the top ten are');
    const m = copy(metrics);
    const list = m.patents!.by_country as unknown as { country: string; patents: number }[];
    expect(list.length).toBeGreaterThan(10);
    list[10]!.patents = list[9]!.patents;
    const [others] = keyed((await sentences('en', m)).all, 'ch2.patents.countries.others');
    expect(others!.text).not.toContain('the rest of the top ten are');
    expect(others!.text).toContain(`shares its rank with ${names.name(list[10]!.country)}`);
  });

  it('so do the rest of the top ten high-value countries and institutions (ties at rank 10/11)', async () => {
    const names = countryNames('en', (await bundle('en')).namespaces.countries);
    const m = copy(metrics);
    const countries = m.patents!.by_country as unknown as { country: string; high_value: number }[];
    const byValue = [...countries].sort((a, b) => b.high_value - a.high_value);
    expect(byValue.length).toBeGreaterThan(10);
    byValue[10]!.high_value = byValue[9]!.high_value;
    const institutions = m.patents!.by_assignee as unknown as { high_value: number }[];
    const top = [...institutions].sort((a, b) => b.high_value - a.high_value);
    expect(top.length).toBeGreaterThan(10);
    top[10]!.high_value = top[9]!.high_value;
    const all = (await sentences('en', m)).all;
    const [rest] = keyed(all, 'ch2.patents.high_value.rest');
    expect(rest!.text).toContain(`the last of them shares its rank with ${names.name(byValue[10]!.country)}`);
    const [hvi] = [...keyed(all, 'kp.patents.high_value_institutions'), ...keyed(all, 'kp.patents.high_value_institutions_list')];
    expect(hvi!.text).toContain('the last of them shares its rank with');
    // Without the tie, the plain wording.
    const plain = await sentences('en', metrics);
    expect(keyed(plain.all, 'ch2.patents.high_value.rest')[0]!.text).not.toContain('shares its rank');
  });

  it('a crossing is checked year by year: the rival ahead, then the home country, then the rival again is no "every year from … to …"', async () => {
    const m = copy(metrics);
    const ys = years(m);
    ys.forEach((y, i) => {
      // rival ahead in the first and third years, home ahead in the second and from the fourth on
      const homeAhead = i === 1 || i >= 3;
      yearRow(m, 'papers', y, HOME).top1 = homeAhead ? 9 : 2;
      yearRow(m, 'papers', y, RIVAL).top1 = homeAhead ? 3 : 8;
    });
    const { all } = await sentences('en', m);
    expect(keyed(all, 'ch2.papers.yearly_top1.crossed')).toEqual([]);
    const [since] = keyed(all, 'ch2.papers.yearly_top1.since');
    expect(since!.text).toContain(`every year since ${ys[3]}`);
  });

  it('"below X the home country has more in every band" holds on both sides of the switch, or is not said', async () => {
    const m = copy(metrics);
    const bands = rows(m.patents!.value_bands);
    const lowest = bands.find((r) => r.band !== 'unknown' && r.country === HOME)!;
    const rival = bands.find((r) => r.band === lowest.band && r.country === RIVAL)!;
    rival.patents = (lowest.patents as number) * 2 + 5;
    const { all } = await sentences('en', m);
    expect(keyed(all, 'ch2.patents.value.switch')).toEqual([]);
    expect(keyed(all, 'ch2.patents.value.switch_upper')).toHaveLength(1);
  });

  it('"the gap lies at the top of the value chain" needs the home country ahead in volume', async () => {
    const m = copy(metrics);
    const list = rows(m.patents!.by_country);
    const home = list.find((r) => r.country === HOME)!;
    const rival = list.find((r) => r.country === RIVAL)!;
    [home.patents, rival.patents] = [Math.min(home.patents as number, rival.patents as number), Math.max(home.patents as number, rival.patents as number) + 1];
    [home.high_value, rival.high_value] = [1, 50];
    resort(list, 'patents');
    const { all } = await sentences('en', m);
    expect(keyed(all, 'kp.patents.gap')).toEqual([]);
    expect(keyed(all, 'kp.patents.gap_other')[0]!.text).toMatch(/in high-value patents/);
  });

  it('a country ahead in every year of the window did not "move ahead" in its first year', async () => {
    const m = copy(metrics);
    const ys = years(m);
    for (const y of ys) {
      yearRow(m, 'papers', y, HOME).papers = (yearRow(m, 'papers', y, RIVAL).papers as number) + 10;
      yearRow(m, 'papers', y, HOME).top1 = (yearRow(m, 'papers', y, RIVAL).top1 as number) + 1;
    }
    const { all, text } = await sentences('en', m);
    expect(text).not.toMatch(/moved ahead in papers/);
    expect(keyed(all, 'kp.papers.crossing')[0]!.text).toContain(`every year since ${ys[0]}`);
    expect(keyed(all, 'ch2.papers.yearly.always')).toHaveLength(1);
  });

  it('connectives and trends no predicate checks are not written', async () => {
    for (const locale of ['en', 'zh'] as const) {
      const { claims: _wordList, ...namespaces } = (await bundle(locale)).namespaces;
      const text = JSON.stringify(namespaces);
      for (const phrase of ['On average, though', 'also cited less', 'widened', 'pulled away', 'yearly lead is recent', 'similar story', 'growing body', '差距不断拉大', '近年才出现', '日益壮大', '走势与此相似', '同样低于', '也较低']) {
        expect(text, `${locale}: ${phrase}`).not.toContain(phrase);
      }
    }
  });

  it('ties: no "most citations per top paper" when every country has the same, no "still more" at 0 against 0, no one-year "every year"', async () => {
    const m = copy(metrics);
    for (const r of rows(m.papers.by_country)) if ((r.top1 as number) > 0) r.top1_avg_citations = 10;
    const last = years(m).at(-1)!;
    for (const c of [HOME, RIVAL]) yearRow(m, 'papers', last, c).papers = 0;
    const { all, text } = await sentences('en', m);
    expect(text).not.toMatch(/China has the most citations per top paper|China averages .* the highest/);
    expect(keyed(all, 'kp.papers.top1_above')[0]!.values.context).toBe('none');
    expect(keyed(all, 'ch2.papers.top1.citations')[0]!.values.context).toBe('none');
    expect(keyed(all, 'ch2.papers.yearly.never')).toEqual([]);
    expect(keyed(all, 'ch2.papers.yearly.never_level')[0]!.text).toContain('the same number of papers');
    const one = await sentences('en', singleYear(metrics));
    expect(one.text).not.toMatch(/every year from (\d{4}) to \1/);
    expect(keyed(one.all, 'ch2.papers.yearly.single')).toHaveLength(1);
  });

  it('"followed by A and B" does not cut a tie', async () => {
    const m = copy(metrics);
    const own = rows(m.patents!.by_assignee).filter((r) => r.country === HOME).sort((a, b) => (b.high_value as number) - (a.high_value as number));
    own[3]!.high_value = own[2]!.high_value as number;
    const { all } = await sentences('en', m);
    expect(keyed(all, 'kp.patents.home_leaders')).toEqual([]);
    expect(keyed(all, 'kp.patents.home_leaders_short')).toHaveLength(1);
    expect(keyed(all, 'ch2.patents.high_value.home_institutions')).toEqual([]);
    expect(keyed(all, 'ch2.patents.high_value.home_institutions_short')[0]!.text).not.toMatch(/patents high-value patents/);
  });

  it('the definition of a top paper says that ties at the threshold are counted', async () => {
    const { all } = await sentences('en', metrics);
    expect(keyed(all, 'ch2.papers.intro')[0]!.text).toMatch(/tied at that threshold included/);
    for (const locale of ['en', 'zh'] as const) expect(JSON.stringify((await bundle(locale)).namespaces.content)).toMatch(/tied at that threshold included|含恰好位于门槛的并列论文/);
  });

  it('Chapter 5 in English prints the unit once when the home country leads ("10,498 papers top 1% papers" was printed)', async () => {
    const swapped = relabel(metrics, new Map([[HOME, RIVAL], [RIVAL, HOME]]));
    const { all } = await sentences('en', swapped);
    const [ahead] = keyed(all, 'conclusions:papers.ahead');
    expect(ahead!.text).toMatch(/in top papers the count is [\d,]+ papers against [\d,]+\./);
    expect(ahead!.text).not.toMatch(/papers top/);
  });

  it('institutions tied at the top are not "A and B share the lead, followed by C", nor "the top three are A, B and C" when a fourth ties with the third (both false on the sample itself)', async () => {
    // The sample's four leading institutions of the home country have 3 high-level researchers each.
    const own = (metrics.talent!.by_institution as readonly { country: string; high_level: number }[]).filter((x) => x.country === HOME).map((x) => x.high_level).sort((a, b) => b - a);
    expect(own.slice(0, 4)).toEqual([own[0], own[0], own[0], own[0]]);
    const { all } = await sentences('en', metrics);
    expect(keyed(all, 'talent:home_institutions.high')).toEqual([]);
    // With the fourth one lower, the three are named.
    const m = copy(metrics);
    const rows = (m.talent!.by_institution as unknown as { country: string; high_level: number }[]).filter((x) => x.country === HOME).sort((a, b) => b.high_level - a.high_level);
    rows[3]!.high_level = rows[2]!.high_level - 1;
    const [high] = keyed((await sentences('en', m)).all, 'talent:home_institutions.high');
    expect(high!.text).not.toMatch(/share the lead/);
    expect(high!.text).toMatch(/the top three are/);
  });
});
