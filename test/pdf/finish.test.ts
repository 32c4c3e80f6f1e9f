import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishPdf, pdfString } from '../../src/pdf/finish.ts';
import { decodeString, destinationPages, outline, pageOrder, readObjects } from '../../src/pdf/reader.ts';
import { pdfOf } from '../helpers/pdf.ts';

/** A two-page PDF written the way Skia writes them: classic xref, a /Dests dictionary, an outline. */
function tinyPdf(created: string, title = pdfString('第二章')): Uint8Array {
  const objects = [
    `<</Type /Catalog /Pages 2 0 R /Dests 5 0 R /Outlines 6 0 R /Lang (en)>>`,
    `<</Type /Pages /Kids [3 0 R 4 0 R] /Count 2>>`,
    `<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>`,
    `<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>`,
    `<</intro [4 0 R /XYZ 0 800 0] /top [3 0 R /XYZ 0 800 0]>>`,
    `<</Type /Outlines /First 7 0 R /Last 7 0 R /Count 1>>`,
    `<</Title ${title} /Parent 6 0 R /Dest [4 0 R /XYZ 0 800 0]>>`,
    `<</Producer (Skia/PDF m156) /CreationDate (D:${created}+00'00') /ModDate (D:${created}+00'00')>>`,
  ];
  return pdfOf(objects);
}

const meta = { title: '（2023）报告', author: 'AMiner', subject: 'S', keywords: ['a', '论文'], creator: 'report-compiler', date: '2022-06-30' };

describe('reading a PDF back', () => {
  it('finds page order, named destinations and the outline', () => {
    const pdf = readObjects(tinyPdf('20261127101010'));
    expect(pageOrder(pdf)).toEqual([3, 4]);
    expect(destinationPages(pdf)).toEqual(new Map([['intro', 2], ['top', 1]]));
    expect(outline(pdf)).toEqual([{ title: '第二章', depth: 0, object: 7 }]);
    // a literal title with escaped parentheses is read whole
    expect(outline(readObjects(tinyPdf('20261127101010', '(AI-generated content \\(AIGC\\))')))[0]!.title).toBe('AI-generated content (AIGC)');
    expect(decodeString('(a\\(b\\))')).toBe('a(b)');
  });
});

describe('finishing a PDF', () => {
  it('gives the same bytes whenever it was printed, with the metadata set', () => {
    const a = finishPdf(tinyPdf('20261127101010'), meta);
    const b = finishPdf(tinyPdf('20270101235959'), meta);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'finish-'));
    writeFileSync(join(dir, 'a.pdf'), a);
    const info = execFileSync('pdfinfo', [join(dir, 'a.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+（2023）报告/);
    expect(info).toMatch(/Keywords:\s+a, 论文/);
    expect(info).toMatch(/Author:\s+AMiner/);
    expect(info).toMatch(/CreationDate:\s+Thu Jun 30 00:00:00 2022/);
    expect(info).toMatch(/Pages:\s+2/);
  });

  it('writes a bookmark whose title Chromium doubled ("趋势十趋势十") with its text once, and leaves the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'finish-'));
    for (const [given, expected] of [
      [pdfString('趋势十：能源区块链趋势十：能源区块链'), '趋势十：能源区块链'],
      ['(Lab \\(X\\)Lab \\(X\\))', 'Lab (X)'],
      [pdfString('第二章'), '第二章'],
      [pdfString('哈哈'), '哈哈'],
    ] as const) {
      const finished = finishPdf(tinyPdf('20261127101010', given), meta);
      expect(outline(readObjects(finished)).map((e) => e.title)).toEqual([expected]);
      writeFileSync(join(dir, 'b.pdf'), finished);
      execFileSync('qpdf', ['--check', join(dir, 'b.pdf')]); // throws on a broken xref or object
    }
  });
});

describe('page labels', () => {
  /** The labels as qpdf reads them: [first page index, style] per range. */
  function labels(pdf: Uint8Array): [number, string][] {
    const dir = mkdtempSync(join(tmpdir(), 'finish-'));
    writeFileSync(join(dir, 'l.pdf'), pdf);
    execFileSync('qpdf', ['--check', join(dir, 'l.pdf')]);
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=pagelabels', join(dir, 'l.pdf')], { encoding: 'utf8' })) as {
      pagelabels: { index: number; label: { '/S': string } }[];
    };
    return json.pagelabels.map((l) => [l.index, l.label['/S']]);
  }

  it('labels the front matter roman and the body arabic from 1 when the body starts after the cover', () => {
    expect(labels(finishPdf(tinyPdf('20261127101010'), meta, 2))).toEqual([[0, '/r'], [1, '/D']]);
  });

  it('gives the same bytes from the objects read before its dates were replaced (print.ts reads the print once)', () => {
    for (const title of [pdfString('第二章'), pdfString('第二章第二章')]) {
      const printed = tinyPdf('20261127101010', title);
      const read = readObjects(printed);
      for (const bodyStart of [undefined, 2]) expect(Buffer.from(finishPdf(printed, meta, bodyStart, read)).equals(Buffer.from(finishPdf(printed, meta, bodyStart)))).toBe(true);
    }
  });

  it('writes no labels for one arabic sequence from the cover', () => {
    expect(labels(finishPdf(tinyPdf('20261127101010'), meta))).toEqual([]);
    expect(labels(finishPdf(tinyPdf('20261127101010'), meta, 1))).toEqual([]);
  });
});
