/**
 * The HTML edition audited in headless Chromium with axe-core (WCAG 2 A/AA rules): headings in order,
 * images (SVG figures) with text alternatives, tables with headers, language declared, contrast; on a
 * desktop (1280 px) and a phone (390 px) screen, where charts are drawn narrow and the contents are a menu.
 */
import { readFileSync, existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { findChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { CHROMIUM_ARGS } from '../../src/pdf/print.ts';
import { quietEffects } from '../helpers/memory-fs.ts';

const out = mkdtempSync(join(tmpdir(), 'report-a11y-'));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  expect(await main(['build', '--out', out, '--format', 'html'], quietEffects(nodeFileSystem))).toBe(0);
});

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

describe('accessibility of the HTML edition', () => {
  for (const locale of ['zh', 'en']) {
    for (const width of [1280, 390]) it(`has no WCAG A/AA violations (${locale}, ${width} px)`, async () => {
      const file = join(out, '2023', locale, 'index.html');
      expect(existsSync(file)).toBe(true);
      const browser = await puppeteer.launch({ executablePath: findChromium(nodeEnvironment)!, headless: true, args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage();
        await page.setViewport({ width, height: 900 });
        // axe-core is added as a script, which the edition's CSP (no script at all) would refuse.
        await page.setBypassCSP(true);
        await page.setContent(readFileSync(file, 'utf8'), { waitUntil: 'load' });
        await page.addScriptTag({ content: axeSource });
        // On a phone the contents are a menu: audited open.
        if (width < 780) await page.click('details.toc-menu summary');
        const violations = (await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return result.violations;
        })) as AxeViolation[];
        const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        expect(summary).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  }
});
