import { describe, expect, it } from 'vitest';
import { facesFor, fontFaces, holds, measureText, missingCharacters } from '../../src/fonts/fontsource.ts';

const files = (text: string) => facesFor(text).map((f) => f.file.split('/').pop()!);

describe('the embedded fonts and their emoji fallback', () => {
  it('embeds only Noto Sans SC for text it has, emoji included that it draws itself (⚽)', () => {
    expect(files('清华大学 206 篇，“引号” ⚽').every((f) => f.startsWith('noto-sans-sc-'))).toBe(true);
  });

  it('takes emoji Noto Sans SC lacks from Noto Emoji, even one a Noto Sans SC chunk claims in its range (☕)', () => {
    expect(files('🚀').some((f) => f.startsWith('noto-emoji-'))).toBe(true);
    const sc = fontFaces().find((f) => f.file.endsWith('noto-sans-sc-88-400-normal.woff2'))!;
    expect(sc.ranges.some(([a, b]) => a <= 0x2615 && 0x2615 <= b)).toBe(true);
    expect(holds(sc, 0x2615)).toBe(false);
    expect(files('☕').filter((f) => f.includes('-400-'))).toEqual([expect.stringMatching(/^noto-emoji-/)]);
  });

  it('measures an emoji with the fallback, not as an unknown character', () => {
    expect(measureText('🚀', 10)).toBeGreaterThan(10); // Noto Emoji's advance is 1.27 em; an unknown character would be 0.5 em
  });

  it('names the characters neither font has, once each, in code point order, ignoring invisible marks', () => {
    expect(missingCharacters('清华 🚀 ☕ abc')).toEqual([]);
    expect(missingCharacters('\u200d\ufe0f\u202e\n\t')).toEqual([]);
    expect(missingCharacters('𓀀 名 ሀ 𓀀 ሀ')).toEqual(['ሀ', '𓀀']);
  });
});
