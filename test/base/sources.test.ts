/** content/sources.yaml: cited reports whose title year cannot contradict their date (templates/2023/CHECKLIST.md #25). */
import { describe, expect, it } from 'vitest';
import { formatSources, readSources, type Sources } from '../../src/base/sources.ts';
import { ReportError } from '../../src/errors.ts';
import { contentKind } from '../helpers/content.ts';
import { edition, render, sampleMetrics } from '../chapters/fixtures.ts';

const FILE = 'templates/x/content/sources.yaml';

const { read, error } = contentKind<Sources>(readSources, FILE);

const GOOD = `hot:
  trends:
    publisher: {zh: 某研究院, en: Some Institute}
    title: {zh: "{year} 年十大趋势", en: "Ten trends of {year}"}
    year: 2022
    kind: report
    date: 2022-08-24
  ecosystem:
    publisher: {zh: 某中心, en: Some Centre}
    title: {zh: 创新生态报告, en: Innovation ecosystem report}
    kind: report
    date: 2023-01-24
`;

describe('sources content', () => {
  it('reads each passage\'s sources in order and prints them with the title\'s year filled in', () => {
    const s = read(GOOD);
    expect(s.hot!.map((x) => x.id)).toEqual(['trends', 'ecosystem']);
    expect(formatSources('zh', s.hot!)).toBe('某研究院.《2022 年十大趋势》[R]. 2022-08-24；某中心.《创新生态报告》[R]. 2023-01-24');
    expect(formatSources('en', s.hot!)).toBe('Some Institute. Ten trends of 2022 [R]. 2022-08-24; Some Centre. Innovation ecosystem report [R]. 2023-01-24');
  });

  it('refuses a report titled for one year and dated in another (the published footnote 16)', () => {
    expect(error(GOOD.replace('date: 2022-08-24', 'date: 2023-01-28'))).toBe(
      `${FILE}:7:11: hot.trends.date: expected a date in 2022, the year the title names (a report titled for one year and dated in another contradicts itself), got "2023-01-28"`,
    );
  });

  it('refuses a year typed into a title, so that it cannot escape that check', () => {
    expect(error(GOOD.replace('title: {zh: 创新生态报告,', 'title: {zh: 2022 创新生态报告,'))).toBe(
      `${FILE}:10:17: hot.ecosystem.title.zh: expected a title that writes its year as {year} (given by year:), not typed, got "2022 创新生态报告"`,
    );
  });

  it('refuses {year} without year:, and year: without {year} in both languages', () => {
    expect(error(GOOD.replace('    year: 2022\n', ''))).toContain(`${FILE}:4:17: hot.trends.title.zh: expected a title without {year}, or a year: for it`);
    expect(error(GOOD.replace('en: "Ten trends of {year}"', 'en: "Ten trends"'))).toContain(`hot.trends.title.en: expected a title with {year} where its year 2022 goes`);
  });

  it('refuses an unknown kind and a date not written YYYY-MM-DD', () => {
    expect(error(GOOD.replace('kind: report\n    date: 2023', 'kind: leaflet\n    date: 2023'))).toBe(`${FILE}:11:11: hot.ecosystem.kind: expected one of report, web, article, book, got "leaflet"`);
    expect(error(GOOD.replace('date: 2023-01-24', 'date: 2023-01'))).toContain(`${FILE}:12:11: hot.ecosystem.date: expected a date YYYY-MM-DD`);
  });

  it('are printed in Chapter 4 after the hot technologies\' introduction, in both languages', async () => {
    const sources = (await edition()).content!.sources as Sources;
    expect(sources.hot!.map((s) => s.id)).toEqual(['tencent-trends', 'deloitte-trends', 'caict-ecosystem']);
    const metrics = await sampleMetrics();
    expect((await render('zh', metrics)).text).toContain(`趋势报告：${formatSources('zh', sources.hot!)}。`);
    expect((await render('en', metrics)).text).toContain('Trend reports: Tencent Research Institute. Top ten trends in frontier applications of digital technology, 2022 (in Chinese) [R]. 2022-08-24; Deloitte. Tech Trends 2022 [R]. 2022-04-16;');
  });
});
