import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/html/document.ts';
import type { RenderedFigure } from '../../src/figures/render.ts';
import { figureSlot } from '../../src/chapters/render.ts';
import { fontFaces } from '../../src/fonts/fontsource.ts';

const figure: RenderedFigure = { id: 'f', number: 1, label: '图 1', caption: '论文 &#42;数量&#42;', svg: '<svg><title>t</title></svg>', notes: ['数据来源：AMiner。'] };
const fonts = { read: () => new Uint8Array([1, 2, 3]) };

function doc(locale: 'zh' | 'en', text: string, figures = [figure]) {
  const slot = figures.length ? figureSlot('f') : '';
  return buildDocument({ locale, title: locale === 'zh' ? '报告' : 'Report', chapters: [{ id: 'c', html: `<h1>${text}</h1>\n${slot}\n` }], figures, otherEdition: null }, fonts);
}

describe('HTML document', () => {
  it('puts each figure where its chapter placed it, with number, caption and notes', () => {
    const html = doc('zh', '标题');
    expect(html).toContain('<section class="chapter" id="ch-c">\n<h1>标题</h1>\n<figure id="fig-f" data-number="1"><div class="chart"><svg>');
    expect(html).toContain('<figcaption><span class="label">图 1</span>论文 *数量*</figcaption><p class="note">数据来源：AMiner。</p></figure>');
    expect(html).not.toContain('@@figure');
  });

  it('declares the language and embeds only the font chunks the text uses', () => {
    const zh = doc('zh', '标题');
    const en = doc('en', 'Title', []);
    expect(zh).toMatch(/^<!DOCTYPE html>\n<html lang="zh-Hans">/);
    expect(en).toContain('<html lang="en">');
    const count = (html: string) => html.match(/@font-face/g)?.length ?? 0;
    expect(count(en)).toBeGreaterThan(0);
    expect(count(zh)).toBeGreaterThan(count(en));
    expect(count(zh)).toBeLessThan(fontFaces().length / 4);
    expect(zh).not.toMatch(/url\((?!data:)/); // nothing is fetched: the file is self-contained
  });
});
