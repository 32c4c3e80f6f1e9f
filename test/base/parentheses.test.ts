import { describe, expect, it } from 'vitest';
import { mergeParentheses } from '../../src/base/parentheses.ts';

describe('two parentheticals in a row', () => {
  it('become one in English, the count after the name’s gloss', () => {
    expect(mergeParentheses('en', 'ahead of UDICE (French research universities) (2,534 researchers).')).toBe('ahead of UDICE (French research universities; 2,534 researchers).');
    expect(mergeParentheses('en', 'Harvard University (50 citations per paper) and MIT (45).')).toBe('Harvard University (50 citations per paper) and MIT (45).');
    // A name's own parentheses arrive escaped for markdown.
    expect(mergeParentheses('en', 'and UDICE &#40;French research universities&#41; (48,217 papers);')).toBe('and UDICE &#40;French research universities; 48,217 papers);');
  });

  it('become one in Chinese, joined by a comma', () => {
    expect(mergeParentheses('zh', '美国加州大学（49,111 篇）和法国研究型大学联盟（UDICE）（48,217 篇）次之')).toBe('美国加州大学（49,111 篇）和法国研究型大学联盟（UDICE，48,217 篇）次之');
    expect(mergeParentheses('zh', '中国科学院（59,487 篇）、哈佛大学（27,400 篇）')).toBe('中国科学院（59,487 篇）、哈佛大学（27,400 篇）');
  });
});
