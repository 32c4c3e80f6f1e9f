/**
 * The type scale and grid are written down once, as custom properties, and the sizes use them: a
 * size changed in one place changes everywhere it is meant to.
 */
import { describe, expect, it } from 'vitest';
import { stylesheet } from '../../src/html/styles.ts';

const css = stylesheet();

describe('type scale and grid', () => {
  it('declares body size, leading, the baseline unit and the heading sizes', () => {
    for (const name of ['--body-size', '--leading', '--line', '--h1-size', '--h2-size', '--h3-size', '--caption-size', '--table-size', '--note-size']) expect(css).toContain(`${name}:`);
    expect(css).toContain('line-height: var(--leading)');
  });

  it('sets no font size in points outside the scale, except the margin boxes (custom properties do not reach them), the cover and the screen contents', () => {
    const outside = [...css.matchAll(/([^{}\n]+)\{[^}]*font-size: \d+(\.\d+)?pt/g)].map((m) => m[1]!.trim()).filter((sel) => !/^(:root|@page|@top|@bottom|\.cover|\.formula|\.toc)/.test(sel));
    expect(outside).toEqual([]);
  });

  it('keeps CJK lines justified between characters and inline math inside the leading', () => {
    expect(css).toContain(':lang(zh) main p { text-justify: inter-character; }');
    expect(css).toMatch(/math\.symbol \{ margin-block: -/);
  });
});
