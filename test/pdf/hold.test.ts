/** The load hold's place in the document (hold.ts): first in the head, and only where it can hold. */
import { describe, expect, it } from 'vitest';
import { holdLoad, LOAD_HOLD_ID } from '../../src/pdf/hold.ts';

const doc = '<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>T</title></head><body><p>x</p></body></html>';

describe('holdLoad', () => {
  it('puts the rule first in the head, at the viewport height', () => {
    const held = holdLoad(doc, 600, 964)!;
    expect(held).toBe(doc.replace('<head>', `<head><style id="${LOAD_HOLD_ID}">@media (max-height: 600px) { html { display: none !important } }</style>`));
  });

  it('finds a head with attributes, in any case', () => {
    expect(holdLoad(doc.replace('<head>', '<HEAD data-x="1">'), 600, 964)).toContain(`<HEAD data-x="1"><style id="${LOAD_HOLD_ID}">`);
  });

  it('holds nothing when the viewport is not lower than the page area, or unknown, or there is no head', () => {
    expect(holdLoad(doc, 964, 964)).toBeNull();
    expect(holdLoad(doc, 1200, 964)).toBeNull();
    expect(holdLoad(doc, null, 964)).toBeNull();
    expect(holdLoad('<p>x</p>', 600, 964)).toBeNull();
  });
});
