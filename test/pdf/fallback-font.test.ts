/**
 * Emoji and symbols Noto Sans SC lacks print in the fallback (Noto Emoji), embedded as a real CID
 * TrueType subset like the main typeface, never Type 3 and never a system font; a text without them
 * embeds Noto Sans SC and the body's Noto Serif SC alone. Characters neither font has are named (html/glyphs.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/base/markup.ts';
import { buildDocument } from '../../src/html/document.ts';
import { findChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { launchPrinter, type Printer } from '../../src/pdf/print.ts';

const fonts = { read: (f: { file: string }) => readFileSync(f.file) };
const meta = { title: 'T', author: 'A', subject: 'S', keywords: ['k'], creator: 'test', date: '2022-06-30' };

let printer: Printer;
const out = mkdtempSync(join(tmpdir(), 'fallback-'));
const pdfs: Record<string, { fonts: string; html: string }> = {};

async function print(name: string, markdown: string) {
  const chapters = [{ id: 'c1', html: `<h1>一</h1>\n${renderMarkdown(markdown, 'c1')}` }];
  const { html } = buildDocument({ locale: 'zh', text: { title: 'T', coverLines: [], contents: '目录', backLines: [] }, chapters, figures: [], otherEdition: null }, fonts);
  const file = join(out, `${name}.pdf`);
  writeFileSync(file, (await printer.print(html, 'zh', meta)).bytes);
  pdfs[name] = { fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }), html };
}

beforeAll(async () => {
  printer = await launchPrinter(findChromium(nodeEnvironment)!);
  await print('plain', '清华大学发表论文 206 篇。');
  // ☕ is in the range of a Noto Sans SC chunk that has no glyph for it: it must still come from Noto Emoji
  await print('emoji', '清华大学 🚀 发表论文 206 篇 ☕，⚽ 排名第 3 👨‍👩‍👧 🇨🇳。');
});
afterAll(() => printer?.close());

/** The font rows of pdffonts: name, type. */
const rows = (listing: string) => listing.split('\n').slice(2).filter(Boolean).map((l) => ({ name: l.split(/\s+/)[0]!, type: l.slice(37, 54).trim() }));

describe('the emoji fallback font', () => {
  it('is not embedded in a text that does not need it', () => {
    expect(pdfs.plain!.html).not.toContain('noto-emoji');
    expect(rows(pdfs.plain!.fonts).every((r) => /NotoS(ans|erif)SC/.test(r.name))).toBe(true);
  });

  it('prints emoji as a CID TrueType subset of Noto Emoji, not Type 3 or a system font', () => {
    const fonts = rows(pdfs.emoji!.fonts);
    const emoji = fonts.filter((r) => /NotoEmoji/.test(r.name));
    expect(emoji.length).toBeGreaterThan(0);
    for (const r of fonts) {
      expect(r.name, pdfs.emoji!.fonts).toMatch(/^[A-Z]{6}\+(NotoSansSC|NotoSerifSC|NotoEmoji)/);
      expect(r.type, pdfs.emoji!.fonts).toBe('CID TrueType');
    }
  });
});
