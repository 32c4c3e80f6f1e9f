/**
 * Chart text is summed glyph by glyph where shaping cannot change it (fonts/plain-advance.ts): the sum
 * must be exactly fontkit's laid-out width, and a run shaping does change must be left to fontkit.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { decompressNatively, faceFor, fontFaces, measureText, type FontFace, type Weight } from '../../src/fonts/fontsource.ts';
import { plainAdvance } from '../../src/fonts/plain-advance.ts';

function open(face: FontFace): fontkit.Font {
  const font = fontkit.create(readFileSync(face.file)) as fontkit.Font;
  decompressNatively(font);
  return font;
}

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Code points the face holds, up to `n`, spread over its ranges. */
function held(face: FontFace, font: fontkit.Font, n: number): number[] {
  const points = face.ranges.flatMap(([a, b]) => Array.from({ length: Math.min(b - a + 1, 2000) }, (_, i) => a + i)).filter((cp) => font.hasGlyphForCodePoint(cp));
  const step = Math.max(1, Math.floor(points.length / n));
  return points.filter((_, i) => i % step === 0);
}

// The chunks chart text uses most: Latin and digits, Han, CJK punctuation and fullwidth forms, both weights.
const TEXT = '中国论文数量（前 5 位）：美国 525,794；“人工智能” AVATAR Type Wave office fi fl 10,000 — 2021–2023 · 《报告》。';
const faces = [...new Set((['400', '700'] as const).flatMap((w) => [...TEXT].map((ch) => faceFor(ch.codePointAt(0)!, Number(w) as Weight)).filter((f): f is FontFace => !!f)))];

describe('a run summed glyph by glyph', () => {
  it('is exactly the width fontkit lays out, in every chunk chart text uses, whenever it is summed', () => {
    expect(faces.length).toBeGreaterThan(3);
    let summed = 0;
    let shaped = 0;
    for (const face of faces) {
      const font = open(face);
      const next = random(face.file.length * 31 + face.weight);
      const pool = [...held(face, font, 300), 0x20, 0x2c, 0x2e, 0x31, 0x41, 0x56, 0x54, 0x6f, 0x66, 0x69, 0x6c, 0xff08, 0xff09, 0x3001, 0x3002].filter((cp) => font.hasGlyphForCodePoint(cp));
      for (let i = 0; i < 400; i++) {
        const length = 1 + Math.floor(next() * 8);
        const run = String.fromCodePoint(...Array.from({ length }, () => pool[Math.floor(next() * pool.length)]!));
        const sum = plainAdvance(font, run);
        if (sum === undefined) shaped++;
        else {
          summed++;
          expect(sum, `${face.file} ${JSON.stringify(run)}`).toBe(font.layout(run).advanceWidth);
        }
      }
    }
    // Both ways are taken: most runs summed, some left to shaping.
    expect(summed).toBeGreaterThan(shaped);
    expect(shaped).toBeGreaterThan(0);
  });

  it('leaves to fontkit a pair the font kerns, and a mark, and shaping changes their width', () => {
    const latin = faces.find((f) => f.weight === 400 && faceFor(0x41, 400) === f)!;
    const font = open(latin);
    const kerned = ['AV', 'Te', 'Wa', 'To', 'Ya', 'LT'].filter((s) => font.layout(s).advanceWidth !== [...s].reduce((a, ch) => a + font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth, 0));
    expect(kerned.length).toBeGreaterThan(0);
    for (const pair of kerned) expect(plainAdvance(font, pair)).toBeUndefined();
    expect(plainAdvance(font, 'e\u0301')).toBeUndefined(); // a combining accent
    expect(plainAdvance(font, '1\u20442')).toBeUndefined(); // a fraction slash (fractional features)
  });

  it('is taken for Han text, and measureText gives the width of its glyphs', () => {
    const face = faceFor(0x4e2d, 400)!;
    const font = open(face);
    const run = String.fromCodePoint(...held(face, font, 400).filter((cp) => /\p{Script=Han}/u.test(String.fromCodePoint(cp))).slice(0, 4));
    expect([...run]).toHaveLength(4);
    expect(plainAdvance(font, run)).toBeDefined();
    expect(plainAdvance(font, run)).toBe(font.layout(run).advanceWidth);
    expect(measureText(run, 10)).toBeCloseTo((font.layout(run).advanceWidth / font.unitsPerEm) * 10, 10);
  });
});

describe('a glyph\'s advance read from the tables', () => {
  it('is the glyph\'s id and advance fontkit gives, for every character of the chunks, and makes no glyph', () => {
    for (const face of faces) {
      const fresh = open(face);
      const pool = held(face, fresh, 2000);
      const run = String.fromCodePoint(...pool.filter((cp) => plainAdvance(fresh, String.fromCodePoint(cp)) !== undefined));
      const sum = plainAdvance(fresh, run);
      // No glyph was made, so a WOFF2 chunk's glyph table was never decoded (what made measuring slow).
      expect(Object.values((fresh as unknown as { _glyphs: object })._glyphs), face.file).toHaveLength(0);
      expect((fresh as unknown as { _transformedGlyphs?: unknown })._transformedGlyphs, face.file).toBeUndefined();
      // The same sum, glyph by glyph, as fontkit's own glyphs give it.
      const other = open(face);
      expect(sum, face.file).toBe([...run].reduce((n, ch) => n + other.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth, 0));
    }
  });
});

describe('fontFaces', () => {
  it('lists the chunks the test draws from', () => {
    expect(fontFaces().length).toBeGreaterThan(faces.length);
  });
});

describe('a run measured again (its ems kept by chunk file and run)', () => {
  // Each run's width is its laid-out advance in ems times the size, summed run by run from 0.
  const expected = (runs: readonly [string, Weight][], size: number) =>
    runs.reduce((width, [run, weight]) => {
      const font = open(faceFor(run.codePointAt(0)!, weight)!);
      return width + (font.layout(run).advanceWidth / font.unitsPerEm) * size;
    }, 0);

  it('gives the same bits at another size, inside another text and in the other weight', () => {
    // Kerned Latin (fontkit lays it out) and Han (summed), each measured first on its own.
    expect(measureText('AVATAR Type ', 11)).toBe(expected([['AVATAR Type ', 400]], 11));
    expect(measureText('中国', 11)).toBe(expected([['中国', 400]], 11));
    expect(measureText('AVATAR Type ', 13)).toBe(expected([['AVATAR Type ', 400]], 13));
    expect(measureText('AVATAR Type 中国', 13)).toBe(expected([['AVATAR Type ', 400], ['中国', 400]], 13));
    // The bold chunk is another file: its runs are its own.
    expect(measureText('AVATAR Type ', 13, 700)).toBe(expected([['AVATAR Type ', 700]], 13));
    expect(measureText('AVATAR Type ', 13, 700)).not.toBe(measureText('AVATAR Type ', 13, 400));
  });
});
