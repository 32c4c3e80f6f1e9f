/** Display formulas and their symbols in sentences (MathML), placed by {{formula}} and {{symbol}}. */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/base/i18n.ts';
import { formulaHtml, parseFormulas, symbolHtml } from '../../src/base/formulas.ts';
import { parseYaml } from '../../src/base/yaml.ts';
import { ReportError } from '../../src/errors.ts';
import { bundle, edition, render, sampleMetrics } from '../chapters/fixtures.ts';
import { editionOf } from '../helpers/fixtures.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

const formulas = async () => (await edition()).formulas!;
/** An edition with one chapter and the 2023 edition's formulas. */
const withFormulas = async (text: string) => ({ ...editionOf(text), formulas: await formulas() });

describe('formulas', () => {
  it("are MathML with the words in the locale and identifiers the report's font can set", async () => {
    const zh = formulaHtml(await formulas(), 'frontier-index', createTranslator(await bundle('zh'), DEFINITIONS_2023));
    expect(zh).toMatch(/^<div class="formula"><math display="block">.*<\/math><math display="block">.*<\/math><\/div>$/);
    expect(zh).toContain('<mtext>前沿指数</mtext><mo>=</mo><mfrac><mrow><mi mathvariant="normal">R</mi></mrow><mrow><mrow><mi>max</mi><mo>(</mo>');
    // No automatic italics: they would map R to U+1D445, which Noto Sans SC does not have.
    for (const m of zh.matchAll(/<mi( [^>]*)?>([^<]+)<\/mi>/g)) expect(m[2]!.length > 1 || m[1] === ' mathvariant="normal"', m[0]).toBe(true);
    expect(symbolHtml(await formulas(), 'velocity')).toBe('<math class="symbol"><mrow><msub><mi mathvariant="normal">C</mi><mtext>total</mtext></msub><mo>/</mo><mi mathvariant="normal">T</mi></mrow></math>');
  });

  it('name an unknown formula or symbol with the template line that asks for it', async () => {
    const f = await formulas();
    expect(() => symbolHtml(f, 'c-totl')).toThrow(ReportError);
    expect(() => symbolHtml(f, 'c-totl')).toThrow(/unknown symbol "c-totl" \(known: .*c-total/);
    const metrics = await sampleMetrics();
    const error = await render('en', metrics, await withFormulas('# x\n\n{{formula "frontier"}}\n')).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/x\.md\.hbs:3:\d+: .*unknown formula "frontier" \(known: frontier-index/);
    const symbol = await render('en', metrics, await withFormulas('# x\n\ntext\n\n{{symbol "S"}}\n')).catch((e: unknown) => e);
    expect((symbol as Error).message).toMatch(/x\.md\.hbs:5:\d+: .*unknown symbol "S"/);
  });

  it('take the paragraph that introduces them into their block, so a page break cannot part the two', async () => {
    const metrics = await sampleMetrics();
    const { html } = await render('en', metrics, await withFormulas('# x\n\nFirst paragraph.\n\nComputed as follows:\n\n{{formula "frontier-index"}}\n\nAfter.\n'));
    expect(html).toMatch(/<p>First paragraph\.<\/p>\s*<div class="formula"><p>Computed as follows:<\/p><math display="block">/);
    expect(html).toMatch(/<\/math><\/div>\s*<p>After\.<\/p>/);
  });
});

describe('formulas.yaml', () => {
  const parse = (text: string) => parseFormulas(parseYaml('f.yaml', text));
  const err = (text: string) => {
    try {
      parse(text);
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };

  it('turns symbols, operators, text, sub- and superscripts, fractions and rows into MathML', async () => {
    const f = parse('symbols:\n  x: { sub: [x, { text: "<i>" }] }\nformulas:\n  f:\n    - [{ frac: [{ symbol: x }, { sup: [y, "2"] }] }, { op: "&" }, { fn: max }, { message: "trends:method.formula_index" }]\n');
    expect(formulaHtml(f, 'f', createTranslator(await bundle('en'), DEFINITIONS_2023))).toBe(
      '<div class="formula"><math display="block"><mrow><mfrac><mrow><msub><mi mathvariant="normal">x</mi><mtext>&lt;i&gt;</mtext></msub></mrow><mrow><msup><mi mathvariant="normal">y</mi><mi mathvariant="normal">2</mi></msup></mrow></mfrac><mo>&amp;</mo><mi>max</mi><mtext>frontier index</mtext></mrow></math></div>',
    );
  });

  it('names the file, line and column of a term it cannot read', () => {
    expect(err('formulas:\n  f:\n    - [{ frak: [a, b] }]\n')).toMatch(/^f\.yaml:3:\d+: formulas\.f\.0\.0\.frak: expected an identifier, a list of terms, or one of/);
    expect(err('formulas:\n  f:\n    - { frac: [a] }\n')).toMatch(/^f\.yaml:3:\d+: formulas\.f\.0\.frac: expected \[numerator, denominator\]/);
    expect(err('symbols:\n  a: { symbol: b }\nformulas:\n  f: [{ symbol: a }]\n')).toMatch(/^f\.yaml:2:\d+: symbols\.a: expected a symbol of this file \(a\), got "b"/);
    expect(err('symbols:\n  a: [x, { symbol: a }]\nformulas:\n  f: [x]\n')).toMatch(/symbols\.a\.1: expected a symbol that does not contain itself/);
    expect(err('formulas:\n  f: []\n')).toMatch(/^f\.yaml:2:\d+: formulas\.f: expected a list of display lines/);
  });
});
