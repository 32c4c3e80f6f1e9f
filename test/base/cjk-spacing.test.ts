import { describe, expect, it } from 'vitest';
import { spaceCjk } from '../../src/base/cjk-spacing.ts';

describe('spaceCjk', () => {
  it('sets a space where Latin letters meet Han, through markup and isolates', () => {
    expect(spaceCjk('IBM居首')).toBe('IBM 居首');
    expect(spaceCjk('根据AMiner的数据')).toBe('根据 AMiner 的数据');
    expect(spaceCjk('根据<bdi>AMiner</bdi>的数据')).toBe('根据 <bdi>AMiner</bdi> 的数据');
    expect(spaceCjk('可解释的 \u2068AI\u2069领域')).toBe('可解释的 \u2068AI\u2069 领域');
  });

  it('leaves spaced text, digits and tag attributes alone', () => {
    expect(spaceCjk('IBM 居首')).toBe('IBM 居首');
    expect(spaceCjk('共10项')).toBe('共10项');
    expect(spaceCjk('<a href="#fig-x">图 3</a>')).toBe('<a href="#fig-x">图 3</a>');
  });
});
