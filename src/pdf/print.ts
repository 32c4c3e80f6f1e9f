/**
 * PDF stage: one HTML document → an A4 PDF, printed by headless Chromium through puppeteer-core.
 * One browser serves every locale of a build; each document gets its own page (tab).
 *
 * TOC page numbers: Chromium cannot print target-counter(). The document is printed once, the page of
 * every heading is read back from the PDF's named destinations, the numbers are written into their
 * fixed-width boxes (no line moves), and it is printed again; the second print is read back too, and
 * another round follows only if a number disagrees.
 */
import puppeteer, { type Browser, type PDFOptions } from 'puppeteer-core';
import { ReportError } from '../errors.ts';
import { finishPdf, type PdfMetadata } from './finish.ts';
import { destinationPages, pageOrder, readObjects } from './reader.ts';

export interface PrintedPdf {
  readonly bytes: Uint8Array;
  readonly pages: number;
  /** How many times the document was printed (1 without a TOC, usually 2 with one). */
  readonly passes: number;
  /** Heading id → the page it fell on. */
  readonly headingPages: ReadonlyMap<string, number>;
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

export async function launchPrinter(executablePath: string): Promise<Printer> {
  const browser: Browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: STEP_TIMEOUT_MS });
  return {
    async print(html, locale, metadata) {
      const page = await browser.newPage();
      try {
        page.setDefaultTimeout(STEP_TIMEOUT_MS);
        // The document is self-contained: any request it makes is blocked, so nothing leaves the machine.
        await page.setRequestInterception(true);
        page.on('request', (request) => {
          if (request.url().startsWith('data:')) void request.continue();
          else void request.abort('blockedbyclient');
        });
        await page.setContent(html, { waitUntil: 'load', timeout: STEP_TIMEOUT_MS });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const targets = await page.$$eval('.toc-page[data-target]', (els) => els.map((e) => (e as HTMLElement).dataset.target!));
        let pdf = await page.pdf(PDF_OPTIONS);
        let pages = destinationPages(readObjects(pdf));
        let passes = 1;
        while (targets.length > 0 && passes < MAX_PASSES) {
          await page.evaluate((numbers: Record<string, number>) => {
            document.querySelectorAll<HTMLElement>('.toc-page[data-target]').forEach((el) => { el.textContent = String(numbers[el.dataset.target!] ?? ''); });
          }, Object.fromEntries(pages));
          pdf = await page.pdf(PDF_OPTIONS);
          passes++;
          const printed = destinationPages(readObjects(pdf));
          const agree = targets.every((t) => printed.get(t) === pages.get(t));
          pages = printed;
          if (agree) break;
        }
        const bytes = finishPdf(pdf, metadata);
        return { bytes, pages: pageOrder(readObjects(pdf)).length, passes, headingPages: pages };
      } catch (error) {
        throw ReportError.of('pdf.failed', { locale, detail: error instanceof Error ? error.message : String(error) }, error);
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
