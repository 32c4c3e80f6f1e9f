/**
 * Chart text is measured with the WOFF2 chunks the documents embed, their tables decompressed by
 * Node's Brotli instead of fontkit's own decoder (fontsource.ts `decompressNatively`): it must read
 * the very same font, glyph for glyph and width for width.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { decompressNatively, fontFaces, type FontFace } from '../../src/fonts/fontsource.ts';

/** Up to `n` characters of the chunk, spread over its ranges. */
function sample(face: FontFace, n: number): string {
  const points = face.ranges.flatMap(([a, b]) => Array.from({ length: Math.min(b - a + 1, 400) }, (_, i) => a + i));
  const step = Math.max(1, Math.floor(points.length / n));
  return String.fromCodePoint(...points.filter((_, i) => i % step === 0).filter((cp) => cp > 0x20));
}

function both(file: string): { theirs: fontkit.Font; ours: fontkit.Font } {
  const theirs = fontkit.create(readFileSync(file)) as fontkit.Font;
  const ours = fontkit.create(readFileSync(file)) as fontkit.Font;
  decompressNatively(ours);
  return { theirs, ours };
}

describe('WOFF2 chunks decompressed by Node', () => {
  const faces = fontFaces();
  // A Latin chunk, a CJK one, both weights, and the emoji fallback's first.
  const picked = [
    faces.find((f) => f.family === 'Noto Sans SC' && f.weight === 400 && f.ranges.some(([a]) => a === 0x20) && f.file.includes('noto-sans-sc')),
    faces.find((f) => f.weight === 700 && f.ranges.some(([a, b]) => a <= 0x4e2d && 0x4e2d <= b) && f.file.includes('noto-sans-sc')),
    faces.find((f) => f.weight === 400 && f.ranges.some(([a, b]) => a <= 0x6570 && 0x6570 <= b) && f.file.includes('noto-sans-sc')),
    faces.find((f) => f.file.includes('noto-emoji')),
  ].filter((f): f is FontFace => f !== undefined);

  it('finds the chunks to compare', () => expect(picked.length).toBe(4));

  for (const face of picked) {
    it(`reads ${face.file.split('/').pop()} as fontkit does`, () => {
      const { theirs, ours } = both(face.file);
      // Our path ran: the tables are already decompressed before fontkit asks for any.
      expect((ours as unknown as { _decompressed?: boolean })._decompressed).toBe(true);
      expect((theirs as unknown as { _decompressed?: boolean })._decompressed).not.toBe(true);
      expect(ours.numGlyphs).toBe(theirs.numGlyphs);
      expect(ours.unitsPerEm).toBe(theirs.unitsPerEm);
      const text = sample(face, 300);
      expect(text.length).toBeGreaterThan(10);
      const a = theirs.layout(text);
      const b = ours.layout(text);
      expect(b.advanceWidth).toBe(a.advanceWidth);
      expect(b.glyphs.map((g) => g.id)).toEqual(a.glyphs.map((g) => g.id));
      expect(b.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset])).toEqual(a.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]));
      // The outlines too (the glyf table is stored transformed in WOFF2).
      for (const g of a.glyphs.slice(0, 20)) expect(ours.getGlyph(g.id).path.toSVG()).toBe(theirs.getGlyph(g.id).path.toSVG());
    });
  }
});
