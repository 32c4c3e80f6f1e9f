import { describe, expect, it } from 'vitest';
import { distinctCodePoints } from '../../src/fonts/code-points.ts';

describe('distinctCodePoints', () => {
  it('lists each code point once, in order of first appearance, astral ones whole', () => {
    const text = 'b数a数b😀x😀\u{20000}';
    expect(distinctCodePoints(text)).toEqual([...new Set([...text].map((c) => c.codePointAt(0)!))]);
    expect(distinctCodePoints(text).map((cp) => String.fromCodePoint(cp)).join('')).toBe('b数a😀x\u{20000}');
  });

  it('reads a lone surrogate as itself, as codePointAt does', () => {
    expect(distinctCodePoints('a\ud800b\udc00')).toEqual([0x61, 0xd800, 0x62, 0xdc00]);
  });
});
