/**
 * PDF stage: one HTML document → an A4 PDF, printed by headless Chromium through puppeteer-core.
 * One browser serves every locale of a build; each document gets its own page (tab).
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import { ReportError } from '../errors.ts';

export interface Printer {
  print(html: string, locale: string): Promise<Uint8Array>;
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

export async function launchPrinter(executablePath: string): Promise<Printer> {
  const browser: Browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  return {
    async print(html, locale) {
      const page = await browser.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, outline: true, tagged: true });
        return new Uint8Array(pdf);
      } catch (error) {
        throw ReportError.of('pdf.failed', { locale, detail: error instanceof Error ? error.message : String(error) }, error);
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
