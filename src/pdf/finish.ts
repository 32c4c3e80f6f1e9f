/**
 * Makes Chromium's PDF a publishable, reproducible file: the print's own timestamps are replaced in
 * place by the edition's fixed date (same length, so no offset moves), and an incremental update adds
 * the document information (title, author, subject, keywords) and a document id derived from the
 * content. The same input gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { catalogNumber, outline, readObjects, TITLE, type PdfObjects } from './reader.ts';
import { stripBidi } from '../base/bidi.ts';
import type { PdfMetadata } from '../base/pdf-metadata.ts';
import { mendBookmarks } from './bookmarks.ts';

export type { PdfMetadata };

/**
 * A PDF text string: ASCII as a literal, anything else as UTF-16BE with a byte order mark. Viewers
 * show metadata without bidi isolation, so bidi controls from data are dropped here.
 */
export function pdfString(text: string): string {
  const value = stripBidi(text);
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const utf16 = Buffer.from(`\ufeff${value}`, 'utf16le').swap16();
  return `<${utf16.toString('hex').toUpperCase()}>`;
}

export function pdfDate(date: string): string {
  return `D:${date.replaceAll('-', '')}000000+00'00'`;
}

/**
 * Chromium sometimes writes a heading's text twice in its bookmark ("趋势十：能源区块链趋势十：能源区块链"):
 * seen for headings of every level, whatever their line height. Such a bookmark is rewritten with the
 * text once. A title is taken as doubled only when it is exactly two copies of one text of two or
 * more characters (a heading of one character said twice, "哈哈", is left as it is).
 */
function doubledBookmarks(pdf: ReturnType<typeof readObjects>): [number, string][] {
  const out: [number, string][] = [];
  for (const entry of outline(pdf)) {
    const chars = [...entry.title];
    const half = chars.length / 2;
    if (half < 2 || !Number.isInteger(half) || chars.slice(0, half).join('') !== chars.slice(half).join('')) continue;
    const item = pdf.objects.get(entry.object)!;
    out.push([entry.object, item.replace(TITLE, `/Title ${pdfString(chars.slice(0, half).join(''))}`)]);
  }
  return out;
}

/**
 * The catalog with page labels, so that a viewer's page box shows the printed folios: lower-case roman
 * from the cover, arabic from 1 on sheet `bodyStart` (html/folio.ts). Null when the pages run in one
 * arabic sequence from the cover, which is what a viewer shows without labels.
 */
function labelledCatalog(pdf: ReturnType<typeof readObjects>, bodyStart: number | undefined): [number, string] | null {
  if (bodyStart === undefined || bodyStart <= 1) return null;
  const n = catalogNumber(pdf);
  const catalog = pdf.objects.get(n)?.trimEnd();
  if (!catalog?.endsWith('>>') || /\/PageLabels\b/.test(catalog)) return null;
  return [n, `${catalog.slice(0, -2)}\n/PageLabels <</Nums [0 <</S /r>> ${bodyStart - 1} <</S /D>>]>>>>`];
}

/**
 * `bodyStart`: the sheet (the cover is 1) that carries folio 1 when the front matter is numbered apart
 * in roman. `read`: `input` read already (print.ts reads it for the pages): the dates are replaced in
 * place, in the document information the update replaces, so the objects read before serve (one read
 * of the whole file less).
 */
export function finishPdf(input: Uint8Array, meta: PdfMetadata, bodyStart?: number, read?: PdfObjects): Uint8Array {
  const fixed = pdfDate(meta.date);
  // Skia writes D:YYYYMMDDHHmmSS+00'00' (22 characters), like `fixed`: replacing keeps every offset.
  const text = Buffer.from(input)
    .toString('latin1')
    .replace(/\/(CreationDate|ModDate) \(D:\d{14}[+\-Z][^)]*\)/g, (m, key: string) => {
      const replaced = `/${key} (${fixed})`;
      return replaced.length === m.length ? replaced : m;
    });
  const body = Buffer.from(text, 'latin1');
  const pdf = read ?? readObjects(body);
  const id = createHash('md5').update(body).digest('hex').toUpperCase();
  const info = pdf.size;
  const entries = [
    `/Title ${pdfString(meta.title)}`,
    `/Author ${pdfString(meta.author)}`,
    `/Subject ${pdfString(meta.subject)}`,
    `/Keywords ${pdfString(meta.keywords.join(', '))}`,
    `/Creator ${pdfString(meta.creator)}`,
    `/Producer ${pdfString('Skia/PDF (Chromium)')}`,
    `/CreationDate (${fixed})`,
    `/ModDate (${fixed})`,
  ];
  // The update's objects: the bookmarks whose titles Chromium doubled, mended, the catalog with page labels (where the front matter is numbered apart), and the document information.
  const bookmarks = meta.bookmarks ? mendBookmarks(pdf, meta.bookmarks, pdfString) : doubledBookmarks(pdf);
  const catalog = labelledCatalog(pdf, bodyStart);
  const objects: [number, string][] = [...bookmarks, ...(catalog ? [catalog] : []), [info, `<<${entries.join('\n')}>>`]];
  let offset = body.length;
  let written = '';
  let xref = 'xref\n0 1\n0000000000 65535 f \n';
  for (const [n, dictionary] of objects) {
    const object = `\n${n} 0 obj\n${dictionary}\nendobj\n`;
    xref += `${n} 1\n${String(offset + 1).padStart(10, '0')} 00000 n \n`;
    written += object;
    offset += Buffer.byteLength(object, 'latin1');
  }
  const xrefOffset = offset;
  const update =
    written +
    xref +
    `trailer\n<</Size ${info + 1}\n/Root ${catalogNumber(pdf)} 0 R\n/Info ${info} 0 R\n/Prev ${pdf.startxref}\n/ID [<${id}> <${id}>]>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([body, Buffer.from(update, 'latin1')]));
}
