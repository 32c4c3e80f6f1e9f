import { describe, expect, it } from 'vitest';
import { figureSlot, tableSlot } from '../../src/base/slots.ts';
import type { RenderedFigure } from '../../src/figures/render.ts';
import { figureHtml } from '../../src/html/document.ts';
import { placeOneByOne, placeSlots } from '../../src/html/place-slots.ts';
import type { RenderedTable } from '../../src/tables/types.ts';

const fig = (id: string, caption = 'Papers'): RenderedFigure => ({ id, number: 1, label: 'Figure 1', caption, svg: `<svg><title>${id}</title></svg>`, narrow: { scrollWidth: 400 }, notes: ['Source: AMiner.'], download: { file: 'figure-1.csv', label: 'Download', csv: 'a,b\r\n' } });
const table = (id: string): RenderedTable => ({ id, number: 1, label: 'Table 1', caption: `Rows of ${id}`, columns: [{ label: 'Name', numeric: false }], rows: [['x']], notes: [] });

describe('figures and tables put in their slots', () => {
  const figures = new Map([['a', fig('a')], ['b', fig('b')], ['dollar', fig('dollar', 'US$&amp; $\' costs')]]);
  const tables = { list: [table('t1'), table('t2')], downloadLabel: 'Download' };

  it('in one scan, as the replace per figure and per table did: a figure in its first slot, a table in each of its own', () => {
    const html = ['<h2>x</h2>', figureSlot('b'), '<p>text</p>', tableSlot('t1'), figureSlot('a'), figureSlot('b'), tableSlot('t1'), figureSlot('unknown'), tableSlot('t9'), tableSlot('t2')].join('\n');
    const placed = placeSlots(html, figures, figureHtml, tables);
    expect(placed).toBe(placeOneByOne(html, figures, figureHtml, tables));
    expect(placed.split('<figure ').length - 1).toBe(2); // b once, a once
    expect(placed).toContain(figureSlot('b')); // its second slot kept, as `replace` left it
    expect(placed.split('Rows of t1').length - 1).toBe(2);
    expect(placed).toContain(figureSlot('unknown'));
    expect(placed).toContain(tableSlot('t9'));
  });

  it('a figure whose markup has replace patterns ($&, $\') reads them as replace did', () => {
    const html = `<p>before</p>\n${figureSlot('dollar')}\n<p>after</p>`;
    expect(placeSlots(html, figures, figureHtml, tables)).toBe(placeOneByOne(html, figures, figureHtml, tables));
  });

  it('makes only the figures it places', () => {
    const made: string[] = [];
    placeSlots(figureSlot('a'), figures, (f) => (made.push(f.id), figureHtml(f)), tables);
    expect(made).toEqual(['a']);
  });
});
