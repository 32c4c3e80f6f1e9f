/**
 * The comparison printer of the benchmark: the same HTML paginated by Paged.js 0.4.3 in the same
 * Chromium, with the same features as our print: contents page numbers by `target-counter()` and notes
 * at the foot of their page by `float: footnote`. Our HTML carries neither natively, so before Paged.js
 * runs it is rewritten in the page:
 *   - each `.toc-page[data-target]` box gets `data-pagedjs-ref="#id"` (Paged.js resolves the attribute
 *     as a selector) and `::after { content: target-counter(attr(data-pagedjs-ref), page) }`;
 *   - each markdown-it-footnote reference (`sup.footnote-ref > a[href="#fn…"]`) is replaced by a
 *     `span.pagedjs-note` holding its note's text (from `section.footnotes li`), floated as a footnote,
 *     and the endnote sections are removed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { fileUrl, isolate, loadFile, STEP_TIMEOUT_MS } from '../../src/pdf/print.ts';

const require = createRequire(import.meta.url);
// The package exports only its module entry (src/index.js); the polyfill bundle is beside it in dist/.
const POLYFILL = readFileSync(join(dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js'), 'utf8');

// `.toc { break-after: page }` followed by the first chapter's `break-before: page` is one break in
// Chromium but an empty page in Paged.js: the chapter's break is enough.
const PAGEDJS_CSS = `
.toc { break-after: auto !important; }
.toc-page[data-pagedjs-ref]::after { content: target-counter(attr(data-pagedjs-ref), page); }
.pagedjs-note { float: footnote; font-size: 8.5pt; line-height: 1.5; color: #333; text-align: left; text-indent: 0; }
@page { @footnote { float: bottom; border-top: 0.5pt solid #888; padding-top: 0.3rem; } }
`;

export interface PagedResult {
  readonly bytes: Uint8Array;
  readonly pages: number;
  /** Notes Paged.js placed in a page's footnote area, of the notes referenced. */
  readonly notesPlaced: number;
  readonly notes: number;
  /** Contents entries Paged.js resolved to a page, of the entries. */
  readonly tocResolved: number;
  readonly tocEntries: number;
}

/** Rewrites our document for Paged.js (runs in the page). Returns the number of notes and TOC entries. */
function transform(css: string): { notes: number; toc: number } {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
  const toc = document.querySelectorAll<HTMLElement>('.toc-page[data-target]');
  toc.forEach((el) => el.setAttribute('data-pagedjs-ref', `#${CSS.escape(el.dataset.target!)}`));
  let notes = 0;
  for (const sup of Array.from(document.querySelectorAll('sup.footnote-ref'))) {
    const href = sup.querySelector('a')?.getAttribute('href') ?? '';
    const li = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
    if (!li) continue;
    const note = document.createElement('span');
    note.className = 'pagedjs-note';
    const copy = li.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('a.footnote-backref').forEach((a) => a.remove());
    note.innerHTML = Array.from(copy.children).map((c) => c.innerHTML).join(' ').trim() || copy.innerHTML;
    sup.replaceWith(note);
    notes++;
  }
  document.querySelectorAll('section.footnotes, hr.footnotes-sep').forEach((n) => n.remove());
  return { notes, toc: toc.length };
}

/** One print with Paged.js: load, rewrite, paginate, print. */
export async function printWithPagedJs(browser: Browser, html: string): Promise<PagedResult> {
  const page = await browser.newPage();
  // Loaded from a file, as our PDF stage loads it.
  const dir = mkdtempSync(join(tmpdir(), 'report-pagedjs-'));
  const file = join(dir, 'document.html');
  try {
    await isolate(page, STEP_TIMEOUT_MS, { pageScripts: true, document: fileUrl(file) });
    // Paged.js is added as a script: the document's CSP (no script) would refuse it.
    await page.setBypassCSP(true);
    // Laid out in print media, as ours is: the screen rules (grid, max-width) must not apply.
    await page.emulateMediaType('print');
    await loadFile(page, html, file, STEP_TIMEOUT_MS);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const counts = await page.evaluate(transform, PAGEDJS_CSS);
    await page.evaluate('window.PagedConfig = { auto: false };');
    await page.addScriptTag({ content: POLYFILL });
    const pages = (await page.evaluate('window.PagedPolyfill.preview().then((flow) => flow.total)')) as number;
    const placed = await page.evaluate(() => ({
      notes: document.querySelectorAll('.pagedjs_footnote_area .pagedjs-note').length,
      toc: document.querySelectorAll('.toc-page[data-pagedjs-ref]').length,
      resolved: Array.from(document.querySelectorAll('.toc-page[data-pagedjs-ref]')).filter((el) => Array.from(el.attributes).some((a) => a.name.startsWith('data-target-counter-'))).length,
    }));
    const bytes = await page.pdf({ printBackground: true, preferCSSPageSize: true, timeout: STEP_TIMEOUT_MS });
    return { bytes, pages, notesPlaced: placed.notes, notes: counts.notes, tocResolved: placed.resolved, tocEntries: placed.toc };
  } finally {
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
