import { describe, expect, it } from 'vitest';
import { diffText, side, tokens } from '../../src/diff/words.ts';

const show = (a: string, b: string, locale: 'en' | 'zh') =>
  diffText(a, b, locale).map((s) => (s.kind === 'same' ? s.text : s.kind === 'removed' ? `[-${s.text}-]` : `{+${s.text}+}`)).join('');

describe('word diff', () => {
  it('keeps English numbers and words whole', () => {
    expect(tokens('China: 2,204,950 papers (12.5%).', 'en')).toEqual(['China', ':', ' ', '2,204,950', ' ', 'papers', ' ', '(', '12.5%', ')', '.']);
    expect(show('Germany ranks sixth with 12.5% of papers, ahead of France.', 'Germany ranks fourth with 13.1% of papers, behind France.', 'en')).toBe(
      'Germany ranks [-sixth-]{+fourth+} with [-12.5%-]{+13.1%+} of papers, [-ahead of-]{+behind+} France.',
    );
  });

  it('compares Chinese character by character', () => {
    expect(tokens('美国以 5', 'zh')).toEqual(['美', '国', '以', ' ', '5']);
    // Numbers and Latin words inside Chinese stay whole.
    expect(tokens('2012—2021 年 AMiner 的 96.3%', 'zh')).toEqual(['2012', '—', '2021', ' ', '年', ' ', 'AMiner', ' ', '的', ' ', '96.3%']);
    expect(show('按 2012—2021 年累计', '按 2013—2022 年累计', 'zh')).toBe('按 [-2012-]{+2013+}—[-2021-]{+2022+} 年累计');
    expect(show('其中德国最高', '其中英国最高', 'zh')).toBe('其中[-德-]{+英+}国最高');
  });

  it('gives back each side exactly', () => {
    const cases: [string, string][] = [['a b c', 'a x y c'], ['', 'new'], ['old', ''], ['The United Kingdom leads.', 'Germany, the United Kingdom lead.']];
    for (const [a, b] of cases) {
      const segments = diffText(a, b, 'en');
      expect(side(segments, 'old').map((s) => s.text).join('')).toBe(a);
      expect(side(segments, 'new').map((s) => s.text).join('')).toBe(b);
    }
    expect(diffText('same', 'same', 'en')).toEqual([{ kind: 'same', text: 'same' }]);
  });
});
