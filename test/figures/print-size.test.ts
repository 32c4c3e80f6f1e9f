/**
 * Chart text is never smaller than 7 pt in print: every figure of the 2023 edition, both locales, its
 * smallest font size times the scale it prints at (the page's text width over the SVG's width when
 * wider, else 1:1; styles.ts `max-width: 100%`), in points.
 */
import { describe, expect, it } from 'vitest';
import { countryNames } from '../../src/base/countries.ts';
import { createTranslator } from '../../src/base/i18n.ts';
import { renderFigures } from '../../src/figures/render.ts';
import { editionFigures } from '../../src/figures/definitions.ts';
import { PAGE } from '../../src/html/styles.ts';
import { bundle, edition, figureNumbers, sampleMetrics } from '../chapters/fixtures.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const PT_PER_PX = 0.75;

/** The smallest text of a print SVG, in pt at the size it prints. */
export function smallestPrintedText(svg: string): number {
  const width = Number(/^<svg[^>]*?\swidth="([0-9.]+)"/.exec(svg)?.[1]);
  const sizes = [...svg.matchAll(/font-size="([0-9.]+)px"/g)].map((m) => Number(m[1]));
  return Math.min(...sizes) * Math.min(1, TEXT_WIDTH / width) * PT_PER_PX;
}

describe('chart text in print', () => {
  it('is 7 pt or larger in every figure of both locales', async () => {
    const metrics = await sampleMetrics();
    const FIGURES = editionFigures((await edition()).figures);
    const small: string[] = [];
    for (const locale of ['zh', 'en'] as const) {
      const b = await bundle(locale);
      const figs = await renderFigures(await figureNumbers(FIGURES.map((f, i) => [f.id, i + 1])), metrics, createTranslator(b, DEFINITIONS_2023), countryNames(locale, b.namespaces.countries));
      for (const fig of figs) {
        const pt = smallestPrintedText(fig.svg);
        expect(Number.isFinite(pt), fig.id).toBe(true);
        if (pt < 7) small.push(`${locale} ${fig.id}: ${pt.toFixed(2)} pt`);
      }
    }
    expect(small).toEqual([]);
  });
});
