import { describe, expect, it } from 'vitest';
import { warnMissingGlyphs } from '../../src/html/glyphs.ts';
import type { RenderedFigure } from '../../src/figures/render.ts';
import type { RenderedTable } from '../../src/tables/types.ts';

const text = { title: '报告', coverLines: ['第一版'], contents: '目录', backLines: [] };

describe('characters the fonts lack are named with where they are', () => {
  it('one warning per chapter or figure, naming each character and its code point', () => {
    const warnings: string[] = [];
    const figure = { id: 'papers', number: 2, caption: 'Papers', svg: '<svg><text>Lab &#4608;</text></svg>', notes: [] } as unknown as RenderedFigure;
    warnMissingGlyphs('en', { text, chapters: [{ id: 'talent', html: '<p>𓀀 and 🚀</p>' }, { id: 'fine', html: '<p>清华</p>' }], figures: [figure] }, (l) => warnings.push(l));
    expect(warnings).toEqual([
      'en chapter talent: the embedded fonts have no glyph for "𓀀" (U+13000): printed as empty boxes or in a system font',
      'en figure 2 (papers): the embedded fonts have no glyph for "ሀ" (U+1200): printed as empty boxes or in a system font',
    ]);
  });

  it('reads the tables too: a name in a cell that no font has is named with its table', () => {
    const warnings: string[] = [];
    const table = { id: 'teams', number: 4, caption: 'Teams', columns: [{ label: 'Team', numeric: false }], rows: [['ཀ lab']], notes: [] } as unknown as RenderedTable;
    warnMissingGlyphs('en', { text, chapters: [], figures: [], tables: [table] }, (l) => warnings.push(l));
    expect(warnings).toEqual(['en table 4 (teams): the embedded fonts have no glyph for "ཀ" (U+0F40): printed as empty boxes or in a system font']);
  });

  it('says nothing when every character is there', () => {
    const warnings: string[] = [];
    warnMissingGlyphs('zh', { text, chapters: [{ id: 'c', html: '<p>清华大学 &#60;b&#62; 206 篇 🚀</p>' }], figures: [] }, (l) => warnings.push(l));
    expect(warnings).toEqual([]);
  });
});
