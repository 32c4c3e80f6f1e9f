/**
 * PDF stage: one HTML document → an A4 PDF, printed by headless Chromium through puppeteer-core.
 * One browser serves every locale of a build; each document gets its own page (tab).
 *
 * Before printing, paginate.ts places the footnotes and computes the contents' page numbers in a
 * layout model. The print is then read back (named destinations of headings and notes): should a
 * number disagree, the numbers read back are written in (fixed-width boxes: no line moves) and the
 * document printed again, until they agree.
 */
import puppeteer, { type Browser, type Page, type PDFOptions } from 'puppeteer-core';
import { ReportError } from '../errors.ts';
import { finishPdf, type PdfMetadata } from './finish.ts';
import { fillContents, paginate, type ShrunkElement } from './paginate.ts';
import { destinationPages, pageOrder, readObjects } from './reader.ts';

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
  /** Contents entries the pagination model put on another page than the first print did (why `passes` > 1). */
  readonly modelMisses: readonly { readonly id: string; readonly model: number; readonly print: number }[];
}

export interface Printer {
  print(html: string, locale: string, metadata: PdfMetadata): Promise<PrintedPdf>;
  close(): Promise<void>;
}

/** Flags for a headless Chromium on a machine with no network and no GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--font-render-hinting=none',
];

/** Upper bound for one step (load, print): a stuck render fails instead of hanging the build. */
export const STEP_TIMEOUT_MS = 120_000;
const MAX_PASSES = 4;

const PDF_OPTIONS: PDFOptions = { printBackground: true, preferCSSPageSize: true, outline: true, tagged: true, timeout: STEP_TIMEOUT_MS };

/**
 * A page for printing a self-contained document: every step bounded by a timeout, and every
 * request but data: URLs blocked, so nothing leaves the machine.
 */
export async function isolate(page: Page): Promise<void> {
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith('data:')) void request.continue();
    else void request.abort('blockedbyclient');
  });
}

export async function launchPrinter(executablePath: string): Promise<Printer> {
  const browser: Browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: STEP_TIMEOUT_MS });
  return {
    async print(html, locale, metadata) {
      const page = await browser.newPage();
      try {
        await isolate(page);
        await page.setContent(html, { waitUntil: 'load', timeout: STEP_TIMEOUT_MS });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const model = await paginate(page);
        let numbers: Record<string, number> = { ...model.headings };
        await fillContents(page, numbers);
        let pdf = await page.pdf(PDF_OPTIONS);
        let pages = destinationPages(readObjects(pdf));
        let passes = 1;
        // The model is checked against the print. Should a heading have moved, print again with the
        // numbers read back from this print, until they agree.
        const targets = await page.$$eval('.toc-page[data-target]', (els) => els.map((e) => (e as HTMLElement).dataset.target!));
        // Where the model and the first print disagree: the first place the model went wrong.
        const modelMisses = targets.filter((id) => pages.get(id) !== numbers[id]).map((id) => ({ id, model: numbers[id] ?? 0, print: pages.get(id) ?? 0 }));
        while (passes < MAX_PASSES && !targets.every((id) => pages.get(id) === numbers[id])) {
          numbers = Object.fromEntries(targets.map((id) => [id, pages.get(id) ?? 0]));
          await fillContents(page, numbers);
          pdf = await page.pdf(PDF_OPTIONS);
          passes++;
          pages = destinationPages(readObjects(pdf));
        }
        const misplaced = Object.keys(model.notes).filter((id) => pages.get(id) !== pages.get(id.replace(/^fn-/, 'fnref-')));
        const bytes = finishPdf(pdf, metadata);
        return { bytes, pages: pageOrder(readObjects(pdf)).length, passes, headingPages: pages, footnotes: model.footnotes, misplacedNotes: misplaced, shrunk: model.shrunk, modelMisses };
      } catch (error) {
        throw ReportError.of('pdf.failed', { locale, detail: error instanceof Error ? error.message : String(error) }, error);
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
