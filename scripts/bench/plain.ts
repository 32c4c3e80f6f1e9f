/**
 * The benchmark's floor for the PDF stage: the same HTML printed by the same Chromium with the same
 * print options and the same page isolation, but nothing of ours around it (no pagination model, no
 * footnotes moved to their page, no contents numbers, no second pass, no finishing of the file).
 * What our stage costs beyond this is the price of those features.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { fileUrl, isolate, loadFile, pdfOptions, STEP_TIMEOUT_MS } from '../../src/pdf/print.ts';

export async function printPlain(browser: Browser, html: string): Promise<{ bytes: Uint8Array }> {
  const page = await browser.newPage();
  // Loaded from a file, as our PDF stage loads it.
  const dir = mkdtempSync(join(tmpdir(), 'report-plain-'));
  const file = join(dir, 'document.html');
  try {
    await isolate(page, STEP_TIMEOUT_MS, { document: fileUrl(file) });
    await loadFile(page, html, file, STEP_TIMEOUT_MS);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return { bytes: await page.pdf(pdfOptions(STEP_TIMEOUT_MS)) };
  } finally {
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
