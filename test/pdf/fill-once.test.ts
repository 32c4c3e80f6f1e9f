/**
 * A note block is filled to its page's foot (paginate.browser.js `fill`) in one layout where it can:
 * its height is tried from where a block put in the same kind of place started before, and kept
 * when the layout agrees; otherwise its top is measured first, as it always was (two layouts). That
 * must change the cost only, never a decision: both ways run here on the same documents (chapters of
 * text and footnotes, chapters of tables and figures) and must leave the same document, the same page
 * for every heading and note and the same report; and most blocks must have taken one layout.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mixedDocument, paginatedWays, type Outcome } from '../helpers/paginated.ts';

const LOCALES = ['zh', 'en'] as const;

const documentOf = (locale: 'zh' | 'en') => mixedDocument(locale, ['t1', 'c1', 't2', 't3', 'c2', 't4']);

const outcomes: Record<string, Outcome> = {};
beforeAll(async () => void Object.assign(outcomes, await paginatedWays(LOCALES, documentOf, { tried: { measuredFills: false }, measured: { measuredFills: true } })), 240_000);

describe('note blocks filled in one layout', () => {
  for (const locale of LOCALES) {
    it(`paginate as measuring every block does (${locale})`, () => {
      const tried = outcomes[`${locale} tried`]!;
      const measured = outcomes[`${locale} measured`]!;
      expect(measured.pagination.fills.once + measured.pagination.fills.twice).toBe(0);
      const blocks = measured.pagination.fills.measured;
      expect(measured.pagination.footnotes).toBeGreaterThan(40);
      // The same number of blocks filled; most of them in one layout.
      const { once, twice, measured: rest } = tried.pagination.fills;
      expect(once + twice + rest).toBe(blocks);
      expect(once).toBeGreaterThan(blocks / 2);
      const { fills: _t, ...decisions } = tried.pagination;
      const { fills: _m, ...expected } = measured.pagination;
      expect(decisions).toEqual(expected);
      expect(tried.html).toBe(measured.html);
    });
  }
});
