/** Display formulas and their symbols in sentences (MathML), placed by {{formula}} and {{symbol}}. */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/chapters/i18n.ts';
import { formulaHtml, symbolHtml } from '../../src/chapters/formulas.ts';
import { ReportError } from '../../src/errors.ts';
import { bundle, render, sampleMetrics } from './fixtures.ts';
import { editionOf } from '../helpers/fixtures.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

describe('formulas', () => {
  it("are MathML with the words in the locale and identifiers the report's font can set", async () => {
    const zh = formulaHtml('frontier-index', createTranslator(await bundle('zh'), DEFINITIONS_2023));
    expect(zh).toMatch(/^<div class="formula"><math display="block">.*<\/math><math display="block">.*<\/math><\/div>$/);
    expect(zh).toContain('<mtext>前沿指数</mtext><mo>=</mo><mfrac><mrow><mi mathvariant="normal">R</mi></mrow><mrow><mrow><mi>max</mi><mo>(</mo>');
    // No automatic italics: they would map R to U+1D445, which Noto Sans SC does not have.
    for (const m of zh.matchAll(/<mi( [^>]*)?>([^<]+)<\/mi>/g)) expect(m[2]!.length > 1 || m[1] === ' mathvariant="normal"', m[0]).toBe(true);
    expect(symbolHtml('velocity')).toBe('<math class="symbol"><mrow><msub><mi mathvariant="normal">C</mi><mtext>total</mtext></msub><mo>/</mo><mi mathvariant="normal">T</mi></mrow></math>');
  });

  it('name an unknown formula or symbol with the template line that asks for it', async () => {
    expect(() => symbolHtml('c-totl')).toThrow(ReportError);
    expect(() => symbolHtml('c-totl')).toThrow(/unknown symbol "c-totl" \(known: .*c-total/);
    const metrics = await sampleMetrics();
    const error = await render('en', metrics, editionOf('# x\n\n{{formula "frontier"}}\n')).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/x\.md\.hbs:3:\d+: .*unknown formula "frontier" \(known: frontier-index/);
    const symbol = await render('en', metrics, editionOf('# x\n\ntext\n\n{{symbol "S"}}\n')).catch((e: unknown) => e);
    expect((symbol as Error).message).toMatch(/x\.md\.hbs:5:\d+: .*unknown symbol "S"/);
  });

  it('take the paragraph that introduces them into their block, so a page break cannot part the two', async () => {
    const metrics = await sampleMetrics();
    const { html } = await render('en', metrics, editionOf('# x\n\nFirst paragraph.\n\nComputed as follows:\n\n{{formula "frontier-index"}}\n\nAfter.\n'));
    expect(html).toMatch(/<p>First paragraph\.<\/p>\s*<div class="formula"><p>Computed as follows:<\/p><math display="block">/);
    expect(html).toMatch(/<\/math><\/div>\s*<p>After\.<\/p>/);
  });
});
