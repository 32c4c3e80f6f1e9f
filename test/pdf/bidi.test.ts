/**
 * A name with a right-to-left override, printed for real: the rest of the sentence reads in order in
 * the PDF text (pdftotext), because the name is isolated where it is escaped. The same sentence with
 * the name set raw is printed too, to show the check would see the reordering.
 */
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/base/i18n.ts';
import { renderMarkdown } from '../../src/base/markup.ts';
import { buildDocument } from '../../src/html/document.ts';
import { findChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { launchPrinter, type Printer } from '../../src/pdf/print.ts';

const fonts = { read: (f: { file: string }) => readFileSync(f.file) };
const meta = { title: 'T\u202eX', author: 'A', subject: 'S', keywords: ['k'], creator: 'test', date: '2022-06-30' };
const NAME = 'Lab\u202eevil';
const t = createTranslator({ locale: 'en', dir: '/l/en', namespaces: { report: { s: '{{name}} published 206 papers in 2021, ranking 3rd.' } } }, DEFINITIONS_2023);

let printer: Printer;
const out = mkdtempSync(join(tmpdir(), 'bidi-'));
const text: Record<string, string> = {};

async function printed(name: string, markdown: string): Promise<string> {
  const chapters = [{ id: 'c1', html: `<h1>One</h1>\n${renderMarkdown(markdown, 'c1')}` }];
  const { html } = buildDocument({ locale: 'en', text: { title: 'T', coverLines: [], contents: 'Contents', backLines: [] }, chapters, figures: [], otherEdition: null }, fonts);
  const pdf = await printer.print(html, 'en', meta);
  writeFileSync(join(out, `${name}.pdf`), pdf.bytes);
  return execFileSync('pdftotext', [join(out, `${name}.pdf`), '-'], { encoding: 'utf8' });
}

beforeAll(async () => {
  printer = await launchPrinter(findChromium(nodeEnvironment)!);
  text.isolated = await printed('isolated', t.t('s', { name: NAME }));
  text.raw = await printed('raw', `${NAME} published 206 papers in 2021, ranking 3rd.`);
});
afterAll(() => printer?.close());

describe('a name with a right-to-left override in the PDF', () => {
  it('leaves the rest of the sentence in order', () => {
    expect(text.isolated).toContain('published 206 papers in 2021, ranking 3rd.');
  });

  it('would reverse the rest of the sentence without the isolate (the check can fail)', () => {
    expect(text.raw).not.toContain('published 206 papers');
    expect(text.raw).toContain('602');
  });

  it('drops the controls from the document information', () => {
    const info = execFileSync('pdfinfo', [join(out, 'isolated.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+TX$/m);
  });
});
