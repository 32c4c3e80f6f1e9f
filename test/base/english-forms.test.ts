/** English message formatters: a name's possessive, and a count without its unit the second time. */
import { describe, expect, it } from 'vitest';
import { bareCount } from '../../src/base/bare-count.ts';
import { createTranslator } from '../../src/base/i18n.ts';

const t = createTranslator(
  { locale: 'en', dir: '/nowhere', namespaces: { report: { own: '{{x, possessive}} patents', opens: '{{x, possessive, capitalize}} patents', pair: '{{a}} against {{b, bare}}' } } },
  { top_share: 0.01, high_value_usd: 1000000, high_level_h: 20 },
);

describe('English forms', () => {
  it('make a possessive, with the apostrophe alone after a final s', () => {
    expect(t.text('own', { x: 'China' })).toBe("China's patents");
    expect(t.text('own', { x: 'the United States' })).toBe("the United States' patents");
    expect(t.text('opens', { x: 'the United States' })).toBe("The United States' patents");
  });

  it('print the unit once per comparison', () => {
    expect(t.text('pair', { a: '506,775 papers', b: '525,794 papers' })).toBe('506,775 papers against 525,794');
    expect(bareCount('14.0 citations per paper')).toBe('14.0');
    // a value that is not a count, and a Chinese measure word, are left as they are
    expect(bareCount('25.0%')).toBe('25.0%');
    expect(bareCount('525,794 篇')).toBe('525,794 篇');
  });
});
