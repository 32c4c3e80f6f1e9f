/**
 * The pagination model works on one chapter at a time with the rest of the document hidden
 * (paginate.browser.js `alone`), so that each change lays out that chapter's pages and not the whole
 * document's, and does its three steps (holes, notes, holes after the notes) before the next chapter's
 * rather than each step over the whole document in turn. That must change the cost only, never a
 * decision: here both ways run on the same
 * documents (chapters of text and footnotes; chapters of tables and figures at every height, which
 * the hole filling splits, shrinks and moves text before) and must leave the same document, the
 * same page for every heading and note and the same report. Laid out alone, the pages of the
 * headings and notes are read in each chapter as its work ends, not in a last layout of the whole.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mixedDocument, paginatedWays, type Outcome } from '../helpers/paginated.ts';

const LOCALES = ['zh', 'en'] as const;

// Interleaved, so that text chapters follow chapters the hole filling changed.
const documentOf = (locale: 'zh' | 'en') => mixedDocument(locale, ['c1', 't1', 'c2', 't2', 'c3', 't3', 'c4']);

const outcomes: Record<string, Outcome> = {};
beforeAll(async () => void Object.assign(outcomes, await paginatedWays(LOCALES, documentOf, { alone: { wholeModel: false }, whole: { wholeModel: true } })), 240_000);

describe('chapters laid out alone', () => {
  for (const locale of LOCALES) {
    it(`paginate as the whole document does (${locale})`, () => {
      const alone = outcomes[`${locale} alone`]!;
      const whole = outcomes[`${locale} whole`]!;
      // Each of the 7 chapters laid out alone once, for all three steps (holes, notes, holes after them).
      expect(alone.pagination.chaptersAlone).toBe(7);
      expect(whole.pagination.chaptersAlone).toBe(0);
      // Every heading and note read where it was final: the model not laid out whole again at the end.
      expect(alone.pagination.readInPlace).toBe(true);
      expect(whole.pagination.readInPlace).toBe(false);
      // The documents exercise every decision: notes, tables split, text moved before figures.
      expect(whole.pagination.footnotes).toBeGreaterThan(40);
      expect(whole.pagination.filled.split.length).toBeGreaterThan(0);
      expect(whole.pagination.filled.floated.length).toBeGreaterThan(0);
      const { chaptersAlone: _a, fills: _fa, readInPlace: _ra, ...decisions } = alone.pagination;
      const { chaptersAlone: _w, fills: _fw, readInPlace: _rw, ...expected } = whole.pagination;
      expect(decisions).toEqual(expected);
      expect(alone.html).toBe(whole.html);
    });
  }
});
