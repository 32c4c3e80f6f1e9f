import { describe, expect, it } from 'vitest';
import { isGarbledCopy } from '../../src/pdf/bookmarks.ts';
import { finishPdf, pdfString } from '../../src/pdf/finish.ts';
import { outline, readObjects } from '../../src/pdf/reader.ts';
import { pdfOf } from '../helpers/pdf.ts';

/** A one-page PDF whose outline has these titles, one level, as Skia writes them. */
function pdfWithBookmarks(titles: readonly string[]): Uint8Array {
  const first = 5;
  const objects = [
    `<</Type /Catalog /Pages 2 0 R /Outlines 4 0 R>>`,
    `<</Type /Pages /Kids [3 0 R] /Count 1>>`,
    `<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>`,
    `<</Type /Outlines /First ${first} 0 R /Last ${first + titles.length - 1} 0 R /Count ${titles.length}>>`,
    ...titles.map((t, i) => `<</Title ${pdfString(t)} /Parent 4 0 R${i > 0 ? ` /Prev ${first + i - 1} 0 R` : ''}${i < titles.length - 1 ? ` /Next ${first + i + 1} 0 R` : ''} /Dest [3 0 R /XYZ 0 800 0]>>`),
    `<</Producer (Skia/PDF m156) /CreationDate (D:20261127101010+00'00')>>`,
  ];
  return pdfOf(objects);
}

const meta = { title: 'T', author: 'A', subject: 'S', keywords: [], creator: 'c', date: '2022-06-30' };

describe('bookmarks', () => {
  it('tells a garbled copy of a heading from another heading', () => {
    expect(isGarbledCopy('趋势十：能源区块链趋势十：能源区块链', '趋势十：能源区块链')).toBe(true);
    expect(isGarbledCopy('2.1.22.1.2  InstitutionsInstitutions', '2.1.2 Institutions')).toBe(true);
    expect(isGarbledCopy('（一）（一）AIGC（人工智能生成内容）AIGC（人工智能生成内容）', '（一）AIGC（人工智能生成内容）')).toBe(true);
    expect(isGarbledCopy('Conclusions and recommendations forChina', 'Conclusions and recommendations for \u2068China\u2069')).toBe(true);
    expect(isGarbledCopy('Chapter 1Key points', 'Chapter 1: Key points')).toBe(true);
    expect(isGarbledCopy('目录', '前言')).toBe(false);
    expect(isGarbledCopy('Chapter 1: Key', 'Chapter 1: Key points')).toBe(false);
    expect(isGarbledCopy('2.1 Papers', '2.1.1 Countries')).toBe(false);
    expect(isGarbledCopy('Trend 1', 'Trend 10')).toBe(false);
  });

  it('rewrites every garbled bookmark with its heading\'s numbered text, once, and leaves the others', () => {
    const printed = ['目录', '第一章　报告要点', '1. 1. 科技实力科技实力', '（六）对中国人才工作的启示对中国人才工作的启示', '趋势一：生物大数据'];
    const expected = ['第一章　报告要点', '1. 科技实力', '（六）对中国人才工作的启示', '趋势一：生物大数据'];
    const finished = finishPdf(pdfWithBookmarks(printed), { ...meta, bookmarks: expected });
    expect(outline(readObjects(finished)).map((e) => e.title)).toEqual(['目录', ...expected]);
    // without the headings' texts only exact doubles are mended, and a numbered heading is rarely one
    const plain = finishPdf(pdfWithBookmarks([...printed, '趋势二：混合计算趋势二：混合计算']), meta);
    expect(outline(readObjects(plain)).map((e) => e.title)).toEqual([...printed, '趋势二：混合计算']);
  });
});
