/**
 * The body's serif families (fonts/families.ts): which chunks a document embeds for which text, and
 * that every chunk is TrueType (glyf outlines), which Chromium embeds as a CID TrueType subset.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { bodyFamilies, documentFaces, familyFaces, SANS, SERIF_EN, SERIF_ZH } from '../../src/fonts/families.ts';

const families = (text: string, locale: string) => [...new Set(documentFaces(text, locale).map((f) => f.family))].sort();

describe('body families', () => {
  it('sets zh in Noto Serif SC (Latin included) and en in Source Serif 4, each before the sans', () => {
    expect(bodyFamilies('zh')).toEqual([SERIF_ZH, SANS]);
    expect(bodyFamilies('en')).toEqual([SERIF_EN, SERIF_ZH, SANS]);
  });

  it('embeds the sans for all text and each serif only for what no family before it holds', () => {
    expect(families('清华大学 2023 AI', 'zh')).toEqual([SANS, SERIF_ZH].sort());
    expect(families('Papers, 2023', 'en')).toEqual([SANS, SERIF_EN].sort());
    // A Chinese name in English text: Source Serif 4 has no Han, so Noto Serif SC draws it.
    expect(families('Tsinghua University (清华大学)', 'en')).toEqual([SANS, SERIF_EN, SERIF_ZH].sort());
    const zhSerif = documentFaces('清华大学 AI', 'zh').filter((f) => f.family === SERIF_ZH);
    expect(zhSerif.some((f) => /noto-serif-sc-latin-400/.test(f.file))).toBe(true);
  });

  it('gives the English sans proportional quotes from Source Serif 4, and leaves Chinese ones full width', () => {
    const marks = (locale: string) => documentFaces('China\u2019s \u201ctop\u201d papers\u2026', locale).filter((f) => f.family === SANS && /source-serif-4/.test(f.file));
    expect(marks('en').length).toBeGreaterThan(0);
    for (const face of marks('en')) expect(face.ranges).toEqual([[0x2018, 0x201f], [0x2026, 0x2026]]);
    expect(marks('zh')).toEqual([]);
    expect(documentFaces('Papers', 'en').some((f) => f.family === SANS && /source-serif-4/.test(f.file))).toBe(false);
  });

  it('loads only TrueType chunks, of both weights', () => {
    for (const family of [SERIF_ZH, SERIF_EN]) {
      const faces = familyFaces(family);
      expect(new Set(faces.map((f) => f.weight))).toEqual(new Set([400, 700]));
      for (const face of [faces[0]!, faces.at(-1)!]) {
        const font = fontkit.create(readFileSync(face.file)) as fontkit.Font;
        expect(Object.keys((font as unknown as { directory: { tables: object } }).directory.tables)).toContain('glyf');
      }
    }
  });
});
