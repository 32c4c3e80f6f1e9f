/**
 * The benchmark's floor for the PDF stage: the same HTML printed by the same Chromium with the same
 * print options and the same page isolation, but nothing of ours around it (no pagination model, no
 * footnotes moved to their page, no contents numbers, no second pass, no finishing of the file).
 * What our stage costs beyond this is the price of those features.
 */
import type { Browser } from 'puppeteer-core';
import { isolate, pdfOptions, STEP_TIMEOUT_MS } from '../../src/pdf/print.ts';

export async function printPlain(browser: Browser, html: string): Promise<{ bytes: Uint8Array }> {
  const page = await browser.newPage();
  try {
    await isolate(page, STEP_TIMEOUT_MS);
    await page.setContent(html, { waitUntil: 'load', timeout: STEP_TIMEOUT_MS });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return { bytes: await page.pdf(pdfOptions(STEP_TIMEOUT_MS)) };
  } finally {
    await page.close();
  }
}
