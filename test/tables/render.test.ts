import { describe, expect, it } from 'vitest';
import { countryNames } from '../../src/base/countries.ts';
import { createTranslator } from '../../src/base/i18n.ts';
import { integer } from '../../src/base/format.ts';
import { Trace } from '../../src/base/trace.ts';
import { tableHtml } from '../../src/html/tables.ts';
import { editionTables } from '../../src/tables/definitions.ts';
import { renderTable } from '../../src/tables/render.ts';
import { bundle, edition, sampleMetrics } from '../chapters/fixtures.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

async function table(id: string, locale: 'zh' | 'en', number = 3, given?: Awaited<ReturnType<typeof sampleMetrics>>) {
  const metrics = given ?? (await sampleMetrics());
  const b = await bundle(locale);
  const trace = new Trace();
  const t = renderTable(editionTables((await edition()).tables), id, number, { metrics, t: createTranslator(b, DEFINITIONS_2023), names: countryNames(locale, b.namespaces.countries), focus: { home: 'CN', rival: 'US' }, content: (await edition()).content ?? {}, vars: { 'frontier.group': (await edition()).topics!.frontier.group }, trace });
  return { t, trace, metrics };
}

describe('numbered tables', () => {
  it('have a label, a caption, a header and rows from the metrics, and notes', async () => {
    const { t, metrics } = await table('papers-countries', 'zh');
    expect(t.label).toBe('表 3');
    expect(t.caption).toBe('全球数字科技论文产出国家排名（前 10 位）');
    expect(t.columns.map((c) => c.label)).toEqual(['排名', '国家', '论文数量（篇）', '篇均被引（次/篇）', '顶尖论文（篇）']);
    expect(t.rows[0]!.slice(0, 3)).toEqual(['1', '美国', integer(metrics.papers.by_country[0]!.papers)]);
    // The sample, like the calibrated dataset, is a reconstruction (reconstructed: true in dataset.yaml), and says so.
    expect(t.notes).toEqual(['说明：论文发表时间为 2012 年至 2021 年。', '数据来源：AMiner 科技情报平台（依其公布的汇总数据重建的记录，见前言）。']);
  });

  it('print as a table with caption and column headers, numbers right-aligned', async () => {
    const { t } = await table('high-value-institutions', 'en', 5);
    const html = tableHtml(t);
    expect(html).toMatch(/^<div class="table-block"[^>]*><table id="tab-high-value-institutions" data-number="5"[^>]*><caption[^>]*><span class="label"[^>]*>Table 5<\/span>Top 10 institutions by high-value patents<\/caption><thead><tr><th scope="col"/);
    expect(html.match(/<th scope="col"/g)).toHaveLength(5);
    expect(html).toContain('<td class="num">21</td>'); // right-aligned by the stylesheet's td.num
    expect(html).toContain('market value of USD 1 million or more');
    expect(tableHtml(t, 'Download the data (CSV)')).toMatch(/<p class="download"><a download="table-5\.csv" href="data:text\/csv;charset=utf-8,%EF%BB%BFRank%2CInstitution%2C[^"]*">Download the data \(CSV\)<\/a><\/p><\/div>$/);
  });

  it('record every number they print, for report check', async () => {
    const { t, trace } = await table('talent-institutions', 'en');
    const printed = t.rows.flat().filter((c) => /^\d/.test(c));
    for (const cell of printed) expect(trace.entries.some((e) => e.text === cell)).toBe(true);
  });

  it('print a column of whole values without ".0", and keep the digits of a column with a fraction', async () => {
    const { t, metrics } = await table('papers-countries', 'en');
    const ten = metrics.papers.by_country.slice(0, 10);
    const whole = { ...metrics, papers: { ...metrics.papers, by_country: metrics.papers.by_country.map((r, i) => (i < 10 ? { ...r, avg_citations: 14 + i } : { ...r, avg_citations: 9.6 })) } };
    const w = (await table('papers-countries', 'en', 3, whole)).t;
    expect(w.rows.map((r) => r[3])).toEqual(ten.map((_, i) => String(14 + i))); // rows past the top 10 (9.6) do not count
    expect(ten.some((r) => !Number.isInteger(r.avg_citations))).toBe(true);
    for (const row of t.rows) expect(row[3]).toMatch(/^\d+\.\d\*?$/);
  });

  it('all build in both locales', async () => {
    for (const def of editionTables((await edition()).tables)) for (const locale of ['zh', 'en'] as const) expect((await table(def.id, locale)).t.rows.length, def.id).toBeGreaterThan(0);
  });
});

describe('modelled values in tables', () => {
  it('carry a mark where the published edition did not print them, printed as a hatched cell without a note', async () => {
    const metrics = await sampleMetrics();
    const [first, second] = metrics.papers.by_country;
    const calibration = [
      { path: 'papers.by_country', key: { country: first!.country }, field: 'papers', value: first!.papers, assumed: false },
      { path: 'papers.by_country', key: { country: second!.country }, field: 'papers', value: second!.papers, assumed: true },
    ];
    const withCalibration = { ...metrics, provenance: { ...metrics.provenance, calibration } };
    const b = await bundle('en');
    const t = renderTable(editionTables((await edition()).tables), 'papers-countries', 1, { metrics: withCalibration, t: createTranslator(b, DEFINITIONS_2023), names: countryNames('en', b.namespaces.countries), focus: { home: 'CN', rival: 'US' }, content: {}, trace: new Trace() });
    expect(t.rows[0]![2]).toBe(integer(first!.papers));
    expect(t.rows[1]![2]).toBe(`${integer(second!.papers)}*`);
    // No note under the table (the preface explains the hatch once), and the HTML hatches the cell instead of printing the mark.
    expect(t.notes.some((n) => /modelled|published edition|&#42;/i.test(n))).toBe(false);
    const html = tableHtml(t);
    expect(html).toContain(`<td class="num modelled">${integer(second!.papers)}</td>`);
    expect(html.match(/class="num modelled"/g)).toHaveLength(1);
    expect(html).not.toMatch(/\*<\/td>|&#42;<\/td>/);
  });

  it('carry a mark only while the value is the calibrated one: place and value both', async () => {
    const metrics = await sampleMetrics();
    const [first, second] = metrics.papers.by_country;
    // The second entry was calibrated to another value: the document's value there is not the modelled one.
    const calibration = [
      { path: 'papers.by_country', key: { country: first!.country }, field: 'papers', value: first!.papers, assumed: true },
      { path: 'papers.by_country', key: { country: second!.country }, field: 'papers', value: second!.papers + 1, assumed: true },
    ];
    const b = await bundle('en');
    const t = renderTable(editionTables((await edition()).tables), 'papers-countries', 1, { metrics: { ...metrics, provenance: { ...metrics.provenance, calibration } }, t: createTranslator(b, DEFINITIONS_2023), names: countryNames('en', b.namespaces.countries), focus: { home: 'CN', rival: 'US' }, content: {}, trace: new Trace() });
    expect(t.rows[0]![2]).toBe(`${integer(first!.papers)}*`);
    expect(t.rows[1]![2]).toBe(integer(second!.papers));
  });

  it('carry no mark for real records (no calibration)', async () => {
    const { t } = await table('papers-countries', 'en');
    expect(t.rows.flat().some((c) => c.endsWith('*'))).toBe(false);
    expect(t.notes.some((n) => n.includes('Modelled'))).toBe(false);
  });
});
