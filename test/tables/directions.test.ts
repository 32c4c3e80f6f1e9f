/** Appendix II's table: the research directions and their keywords, from content/directions.yaml. */
import { describe, expect, it } from 'vitest';
import type { Direction } from '../../src/base/content-directions.ts';
import { countryNames } from '../../src/base/countries.ts';
import { createTranslator } from '../../src/base/i18n.ts';
import { Trace } from '../../src/base/trace.ts';
import { tableHtml } from '../../src/html/tables.ts';
import { editionTables } from '../../src/tables/definitions.ts';
import { renderTable } from '../../src/tables/render.ts';
import { bundle, edition, sampleMetrics } from '../chapters/fixtures.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

async function table(locale: 'zh' | 'en', content?: Record<string, unknown>) {
  const [metrics, b, e] = await Promise.all([sampleMetrics(), bundle(locale), edition()]);
  const trace = new Trace();
  const t = renderTable(editionTables(e.tables), 'directions-keywords', 11, { metrics, t: createTranslator(b, DEFINITIONS_2023), names: countryNames(locale, b.namespaces.countries), focus: { home: 'CN', rival: 'US' }, content: content ?? e.content ?? {}, trace });
  return { t, trace };
}

describe('the directions-keywords table', () => {
  it('lists each direction, numbered, with its keywords in the locale, and says whose statement of scope it is', async () => {
    const { t: zh } = await table('zh');
    expect(zh.label).toBe('表 11');
    expect(zh.caption).toBe('数字科技八大研究方向及其关键词');
    expect(zh.columns.map((c) => [c.label, c.numeric])).toEqual([['序号', true], ['研究方向', false], ['关键词', false]]);
    expect(zh.rows).toHaveLength(8);
    expect(zh.rows[6]).toEqual(['7', '新一代无线通信', '5G、6G、毫米波、大规模天线、网络切片、移动边缘计算、太赫兹通信、卫星互联网']);
    // Not from the dataset: a note on what the keywords are, and no data source.
    expect(zh.notes).toEqual(['说明：各方向的关键词为本版对研究范围的表述（原报告的关键词表未能获得），本版的记录并非据此检索所得。']);

    const { t: en, trace } = await table('en');
    expect(en.caption).toBe('The eight research directions of digital technology and their keywords');
    expect(en.rows[0]!.slice(0, 2)).toEqual(['1', 'Artificial intelligence']);
    expect(en.rows[7]![2]).toMatch(/^virtual reality, augmented reality, /);
    expect(trace.entries.some((e) => e.text === 'eight' && e.value === 8)).toBe(true);
    const html = tableHtml(en, 'Download the data (CSV)');
    expect(html).toContain('<table id="tab-directions-keywords" data-number="11">');
    expect(html).toMatch(/download="table-11\.csv" href="data:text\/csv;charset=utf-8,%EF%BB%BFNo\.%2CDirection%2CKeywords/);
  });

  it('counts the directions it is given: the caption follows the list', async () => {
    const e = await edition();
    const two = (e.content!.directions as Direction[]).slice(0, 2);
    const { t } = await table('en', { ...e.content, directions: two });
    expect(t.caption).toBe('The two research directions of digital technology and their keywords');
    expect(t.rows.map((r) => r[1])).toEqual(['Artificial intelligence', 'Blockchain']);
  });

  it('names the content file it needs when the edition has none', async () => {
    await expect(table('en', {})).rejects.toThrow(/content\/directions\.yaml/);
  });
});
