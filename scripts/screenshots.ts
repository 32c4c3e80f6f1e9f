/**
 * Screenshots of the HTML edition at 1280 and 390 px, both locales, into docs/screens/ (JPEG, small):
 *   npx tsx scripts/screenshots.ts [out/2023]
 * Places: the top of the page and a table; on a phone also the contents menu open, a chart and a map.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChromium, nodeEnvironment } from '../src/pdf/chromium.ts';

const dir = resolve(process.argv[2] ?? 'out/2023');
const target = resolve('docs/screens');
mkdirSync(target, { recursive: true });
const PLACES = ['top', 'menu', 'fig-flows-countries', 'tab-research-teams', 'fig-ch3-flows-countries-map'] as const;

const browser = await puppeteer.launch({ executablePath: findChromium(nodeEnvironment)!, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const locale of ['zh', 'en']) {
    for (const width of [1280, 390]) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: width > 700 ? 800 : 844 });
      await page.goto(`file://${join(dir, locale, 'index.html')}`, { waitUntil: 'load' });
      for (const place of PLACES) {
        // On a desktop: the top and a table; on a phone every place.
        if (width > 700 && (place === 'menu' || place.startsWith('fig-'))) continue;
        if (place === 'menu') await page.click('details.toc-menu summary');
        await page.evaluate(`(() => { const p = ${JSON.stringify(place)}; if (p === 'top' || p === 'menu') scrollTo(0, 0); else { document.getElementById(p).scrollIntoView(); scrollBy(0, -16); } })()`);
        const file = join(target, `${locale}-${width}-${place.replace(/^(fig|tab)-/, '')}.jpg`);
        await page.screenshot({ path: file, type: 'jpeg', quality: 60 });
        if (place === 'menu') await page.click('details.toc-menu summary');
        console.log(file);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
}
