/**
 * The print queue hands back its PDFs before the browser closes (the build writes its outputs while
 * the browser exits), and closes the browser itself when a print failed.
 */
import { describe, expect, it } from 'vitest';
import { Stages } from '../../src/base/stages.ts';
import { NO_CACHE } from '../../src/cache/store.ts';
import { PrintQueue } from '../../src/pdf/queue.ts';
import type { Printer } from '../../src/pdf/print.ts';
import { quietEffects } from '../helpers/memory-fs.ts';

function fakeBrowser(fail?: string) {
  const state = { closed: 0 };
  const printer: Printer = {
    async print(html, locale) {
      if (locale === fail) throw new Error(`no ink for ${locale}`);
      return { bytes: Buffer.from(`%PDF ${html}`), pages: 1, passes: 1, headingPages: new Map(), footnotes: 0, misplacedNotes: [], shrunk: [], modelMisses: [] };
    },
    close: async () => void state.closed++,
  };
  return { state, resources: { openPrinter: async () => printer } };
}

const job = (locale: 'zh' | 'en') => ({ locale, html: `<p>${locale}</p>`, metadata: { title: locale, author: '', subject: '', keywords: [], language: locale, bookmarks: [] } as never });

describe('the print queue', () => {
  it('gives its PDFs with the browser still open, and closes it when asked', async () => {
    const { state, resources } = fakeBrowser();
    const queue = new PrintQueue(new Stages(quietEffects()), NO_CACHE, resources);
    queue.add(job('zh'));
    queue.add(job('en'));
    const printed = await queue.printed();
    expect(printed.map((p) => Buffer.from(p.bytes).toString())).toEqual(['%PDF <p>zh</p>', '%PDF <p>en</p>']);
    expect(state.closed).toBe(0);
    await queue.close();
    expect(state.closed).toBe(1);
  });

  it('closes the browser before a failed print surfaces', async () => {
    const { state, resources } = fakeBrowser('en');
    const queue = new PrintQueue(new Stages(quietEffects()), NO_CACHE, resources);
    queue.add(job('zh'));
    queue.add(job('en'));
    await expect(queue.printed()).rejects.toThrow('no ink for en');
    expect(state.closed).toBe(1);
  });

  it('finish() still closes the browser and gives the PDFs', async () => {
    const { state, resources } = fakeBrowser();
    const queue = new PrintQueue(new Stages(quietEffects()), NO_CACHE, resources);
    queue.add(job('zh'));
    expect((await queue.finish()).length).toBe(1);
    expect(state.closed).toBe(1);
  });
});
