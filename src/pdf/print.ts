/**
 * PDF stage: one HTML document → an A4 PDF, printed by headless Chromium through puppeteer-core.
 * One browser serves every locale of a build; each document gets its own page (tab).
 *
 * Before printing, paginate.ts places the footnotes and computes the contents' page numbers in a
 * layout model. The print is then read back (named destinations of headings and notes): should a
 * number disagree, the numbers read back are written in (fixed-width boxes: no line moves) and the
 * document printed again, until they agree.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page, PDFOptions } from 'puppeteer-core';
import { ReportError } from '../errors.ts';
import { launchBrowser } from './browser.ts';
import { finishPdf, type PdfMetadata } from './finish.ts';
import { holdLoad, LOAD_FONTS } from './hold.ts';
import { fillContents, PAGE_AREA_HEIGHT, paginate, type Pagination, type ShrunkElement } from './paginate.ts';
import { destinationPages, pageOrder, readObjects } from './reader.ts';

/** The launch flags live with the launch (browser.ts); re-exported for the tests and the benchmark that launch their own. */
export { CHROMIUM_ARGS } from './browser.ts';

export interface PrintedPdf {
  readonly bytes: Uint8Array;
  readonly pages: number;
  /** How many times the document was printed: 1 when the pagination model matched the print. */
  readonly passes: number;
  /** Heading id → the page it fell on. */
  readonly headingPages: ReadonlyMap<string, number>;
  /** Footnotes placed at the foot of their page, and any whose note did not print on its reference's page. */
  readonly footnotes: number;
  readonly misplacedNotes: readonly string[];
  /** Elements wider than the page, printed smaller to fit it: the content should be made narrower. */
  readonly shrunk: readonly ShrunkElement[];
  /** What the pagination did against holes (paginate.ts `filled`). */
  readonly filled?: Pagination['filled'];
  /** Contents entries the pagination model put on another page than the first print did (why `passes` > 1). */
  readonly modelMisses: readonly { readonly id: string; readonly model: number; readonly print: number }[];
}

export interface Printer {
  print(html: string, locale: string, metadata: PdfMetadata): Promise<PrintedPdf>;
  close(): Promise<void>;
}

/** Upper bound for one browser step (launch, load, pagination, print, close): a stuck step fails the print instead of hanging the build. */
export const STEP_TIMEOUT_MS = 60_000;
const MAX_PASSES = 4;
/** How long closing may take before the browser's process group is killed. */
const CLOSE_MS = 5_000;

// Exported for the benchmark, whose plain print of the same HTML must print exactly as ours does.
export const pdfOptions = (timeout: number): PDFOptions => ({ printBackground: true, preferCSSPageSize: true, outline: true, tagged: true, timeout });

/**
 * Resolves as `work` does, or fails with a clear message naming the step after `ms`. Every browser call
 * goes through this: puppeteer's own timeouts do not cover `evaluate`, and a renderer that never
 * answers would otherwise hang the build until the protocol timeout.
 */
export async function bounded<T>(step: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(ReportError.of('pdf.timeout', { step, seconds: ms / 1000 })), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A page for printing a self-contained document. The document loads with JavaScript off, so none of
 * its own scripts or handlers can run; dialogs are dismissed; every step is bounded; every request but
 * data: URLs is blocked (the launch flags and the document's CSP stop the rest, WebSockets included:
 * see browser.ts), save `document`: the file the page is to load (loadFile), as its own navigation,
 * and nothing else it names. The engine's own steps run through the DevTools protocol (see `ourScripts`).
 */
export async function isolate(page: Page, stepMs = STEP_TIMEOUT_MS, options: { readonly pageScripts?: boolean; readonly document?: string } = {}): Promise<void> {
  page.setDefaultTimeout(stepMs);
  page.on('dialog', (dialog) => void dialog.dismiss().catch(() => {}));
  // pageScripts: only for the benchmark's Paged.js baseline, which is a page script.
  await bounded('javascript off', stepMs, page.setJavaScriptEnabled(options.pageScripts ?? false));
  await bounded('request interception', stepMs, page.setRequestInterception(true));
  page.on('request', (request) => {
    if (request.url().startsWith('data:') || (options.document !== undefined && request.url() === options.document && request.isNavigationRequest() && request.frame() === page.mainFrame())) void request.continue().catch(() => {});
    else void request.abort('blockedbyclient').catch(() => {});
  });
}

/** The URL of a document file, as `isolate` is told it and `loadFile` loads it. */
export const fileUrl = (file: string) => pathToFileURL(file).href;

/**
 * Loads `html` into a page isolated with `{ document: fileUrl(file) }`, from `file`, which it writes:
 * not sent through the DevTools protocol (setContent), which carried the Chinese edition's 6.6 MB
 * (its fonts are data: URLs) in ~0.45 s more than loading it from a file takes. The caller removes
 * the file.
 */
export async function loadFile(page: Page, html: string, file: string, stepMs: number): Promise<void> {
  writeFileSync(file, html);
  await page.goto(fileUrl(file), { waitUntil: 'load', timeout: stepMs });
}

/**
 * Elements and attributes that could run something: the engine's documents have none (no script is
 * shipped, data is escaped), so finding one means some data got through as markup. They are removed
 * before JavaScript is switched on for the engine's own steps, and the print fails naming them.
 */
const ACTIVE_CONTENT = `(() => {
  const found = [];
  for (const el of document.querySelectorAll('script, iframe, frame, object, embed, base, meta[http-equiv="refresh" i]')) { found.push(el.localName); el.remove(); }
  // Names, not Attr objects, and only where there are any (long document, 2,100 elements: ~7 -> 2-5 ms).
  for (const el of document.querySelectorAll('*')) {
    if (!el.hasAttributes()) continue;
    for (const name of el.getAttributeNames())
      if (/^on/i.test(name) || (/(^|:)href$|^src$|^action$|^formaction$/i.test(name) && /^\\s*(javascript|vbscript):/i.test(el.getAttribute(name)))) { found.push(el.localName + '[' + name + ']'); el.removeAttribute(name); }
  }
  return found;
})()`;

/**
 * Runs the engine's own steps (pagination, contents numbers) with JavaScript on: Chromium refuses to
 * call back into a page whose scripts are off (a TreeWalker filter, for one). The document's scripts
 * and handlers were removed before, the CSP refuses any left, and scripts are off again after.
 */
async function ourScripts<T>(page: Page, stepMs: number, work: () => Promise<T>): Promise<T> {
  await bounded('javascript on', stepMs, page.setJavaScriptEnabled(true));
  try {
    return await work();
  } finally {
    await bounded('javascript off', stepMs, page.setJavaScriptEnabled(false));
  }
}

export interface PrinterOptions {
  /** The limit of every browser step (default STEP_TIMEOUT_MS). */
  readonly stepTimeoutMs?: number;
}

export async function launchPrinter(executablePath: string, options: PrinterOptions = {}): Promise<Printer> {
  const stepMs = options.stepTimeoutMs ?? STEP_TIMEOUT_MS;
  const launched = await launchBrowser(executablePath, { timeoutMs: stepMs });
  const { browser } = launched;
  const step = <T>(name: string, work: Promise<T>) => bounded(name, stepMs, work);
  let documents = 0;
  /** One print on a fresh page; null when the document was held while loading and the pagination found fonts late. */
  async function printOnce(html: string, locale: string, metadata: PdfMetadata, hold: boolean): Promise<PrintedPdf | null> {
    let page: Page | null = null;
    // The document is loaded from a file in the browser's profile folder (loadFile).
    const file = join(launched.profile, `document-${++documents}.html`);
    try {
      page = await step('new page', browser.newPage());
      const p = page;
      await isolate(p, stepMs, { document: fileUrl(file) });
      // Print media from the start: a screen paint before the switch (there or not, as the machine's
      // load has it) numbers the nodes it paints first, and the tagged PDF's node ids then differ
      // from one print of the same document to the next.
      await step('media', p.emulateMediaType('print'));
      const held = hold ? holdLoad(html, p.viewport()?.height, PAGE_AREA_HEIGHT) : null;
      await step('load', loadFile(p, held ?? html, file, stepMs));
      const active = (await step('disarm', p.evaluate(ACTIVE_CONTENT))) as string[];
      if (active.length) throw ReportError.of('pdf.active-content', { found: [...new Set(active)].sort() });
      // Held, nothing was laid out and so no font asked for: the faces the text needs are loaded first
      // (in the pagination's own call: one round trip less).
      const first = held ? LOAD_FONTS : 'document.fonts.ready';
      const model = await ourScripts(p, stepMs, () => step('fonts and pagination', paginate(p, { holdScreen: true, first, inPrintMedia: true })));
      if (held && model.fontsLate) return null;
      // The contents hold the model's numbers (written by paginate).
      let numbers: Record<string, number> = { ...model.headings };
      let pdf = await step('print', p.pdf(pdfOptions(stepMs)));
      let objects = readObjects(pdf);
      let pages = destinationPages(objects);
      let passes = 1;
      // The model is checked against the print. Should a heading have moved, print again with the
      // numbers read back from this print, until they agree.
      const targets = model.contentsTargets;
      // Where the model and the first print disagree: the first place the model went wrong.
      const modelMisses = targets.filter((id) => pages.get(id) !== numbers[id]).map((id) => ({ id, model: numbers[id] ?? 0, print: pages.get(id) ?? 0 }));
      while (passes < MAX_PASSES && !targets.every((id) => pages.get(id) === numbers[id])) {
        numbers = Object.fromEntries(targets.map((id) => [id, pages.get(id) ?? 0]));
        await ourScripts(p, stepMs, () => step('contents', fillContents(p, numbers)));
        pdf = await step('print', p.pdf(pdfOptions(stepMs)));
        passes++;
        objects = readObjects(pdf);
        pages = destinationPages(objects);
      }
      const misplaced = Object.keys(model.notes).filter((id) => pages.get(id) !== pages.get(id.replace(/^fn-/, 'fnref-')));
      const bytes = finishPdf(pdf, metadata, model.bodyStart === null ? undefined : pages.get(model.bodyStart), objects);
      return { bytes, pages: pageOrder(objects).length, passes, headingPages: pages, footnotes: model.footnotes, misplacedNotes: misplaced, shrunk: model.shrunk, filled: model.filled, modelMisses };
    } catch (error) {
      throw ReportError.of('pdf.failed', { locale, detail: error instanceof Error ? error.message.split('\n')[0]! : String(error) }, error);
    } finally {
      // A page stuck in a step may never close: the browser is killed with the build then.
      await bounded('close page', CLOSE_MS, page?.close() ?? Promise.resolve()).catch(() => {});
      rmSync(file, { force: true });
    }
  }

  return {
    async print(html, locale, metadata) {
      // Held from the screen while it loads (hold.ts), unless the pagination then found fonts late:
      // printed again as it is.
      for (const hold of [true, false]) {
        const printed = await printOnce(html, locale, metadata, hold);
        if (printed) return printed;
      }
      throw ReportError.of('pdf.failed', { locale, detail: 'fonts loaded late' });
    },
    close: () => launched.close(CLOSE_MS),
  };
}
