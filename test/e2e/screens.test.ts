/**
 * The HTML edition on a desktop (1280 px) and a phone (390 px) screen, in headless Chromium, both
 * locales of the real edition, both outputs (the single file, and the web folder served over HTTP):
 * the page never scrolls sideways, no chart text shows smaller than 11 px, the contents menu opens
 * and leads to its headings on a phone, no paragraph is justified where it should not be, and every
 * CSV download holds its data.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { findChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { quietEffects } from '../helpers/memory-fs.ts';

const single = mkdtempSync(join(tmpdir(), 'report-screens-'));
const web = mkdtempSync(join(tmpdir(), 'report-screens-web-'));
const WIDTHS = [1280, 390] as const;
const LOCALES = ['zh', 'en'] as const;
let browser: Browser;
let server: Server;
let origin = '';

beforeAll(async () => {
  expect(await main(['build', '--out', single, '--format', 'html'], quietEffects(nodeFileSystem))).toBe(0);
  expect(await main(['build', '--out', web, '--format', 'html', '--html', 'web'], quietEffects(nodeFileSystem))).toBe(0);
  // The web folder as a static server would publish it, on the loopback interface only.
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(web, path);
    if (!file.startsWith(web) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': { '.html': 'text/html; charset=utf-8', '.woff2': 'font/woff2' }[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await puppeteer.launch({ executablePath: findChromium(nodeEnvironment)!, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

/** A page that reaches nothing but the test's own server (and data: URLs), collecting CSP reports. */
async function open(url: string, width: number): Promise<{ page: Page; blocked: string[]; fetched: string[]; failed: string[] }> {
  const page = await browser.newPage();
  const blocked: string[] = [];
  const fetched: string[] = [];
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) blocked.push(m.text());
  });
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('file:') || u.startsWith(origin)) {
      fetched.push(u.startsWith('data:') ? u.slice(0, 40) : u);
      void r.continue();
    } else void r.abort();
  });
  await page.setViewport({ width, height: 844 });
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate('document.fonts.ready');
  return { page, blocked, fetched, failed };
}

/** What the tests measure on a page, computed in the browser (a string: no compiled helpers in it). */
const MEASURE = `(() => {
  // A chart's drawings: one SVG, or a timeline's pieces (drawn apart so that the print may break between
  // months) in one container; the modelled-value key's swatch is not a chart.
  const svgs = [...document.querySelectorAll('figure .chart svg')].filter((s) => s.getClientRects().length > 0);
  const charts = [...document.querySelectorAll('figure .chart')].filter((c) => c.getClientRects().length > 0).length;
  let smallest = Infinity, where = '';
  for (const s of svgs) {
    const scale = s.getBoundingClientRect().width / s.width.baseVal.value;
    for (const t of s.querySelectorAll('text')) {
      if (!t.textContent.trim()) continue;
      // to 1/100 px: layout rounds a box to 1/64 px, which makes a 330.6 px drawing 330.59 px wide
      const px = Math.round(parseFloat(getComputedStyle(t).fontSize) * scale * 100) / 100;
      if (px < smallest) { smallest = px; where = s.closest('figure').id + ': ' + t.textContent.slice(0, 30); }
    }
  }
  const visible = (sel) => { const e = document.querySelector(sel); return !!e && e.getClientRects().length > 0; };
  const justified = [...document.querySelectorAll('main p')].filter((p) => p.getClientRects().length && getComputedStyle(p).textAlign === 'justify').length;
  return { pageWidth: document.documentElement.scrollWidth, viewport: innerWidth, figures: document.querySelectorAll('figure').length, charts, smallest, where,
    toc: visible('nav.toc'), menu: visible('details.toc-menu'), justified, paragraphs: document.querySelectorAll('main p').length };
})()`;

interface Measured {
  pageWidth: number;
  viewport: number;
  figures: number;
  charts: number;
  smallest: number;
  where: string;
  toc: boolean;
  menu: boolean;
  justified: number;
  paragraphs: number;
}

describe('the HTML edition on a desktop and a phone screen', () => {
  for (const locale of LOCALES) {
    for (const width of WIDTHS) {
      it(`${locale} at ${width} px: no sideways scroll, chart text ≥ 11 px, contents as a ${width < 780 ? 'menu' : 'sidebar'}`, async () => {
        const { page, blocked } = await open(`file://${join(single, '2023', locale, 'index.html')}`, width);
        try {
          const m = (await page.evaluate(MEASURE)) as Measured;
          expect(m.pageWidth, 'the page scrolls sideways').toBeLessThanOrEqual(m.viewport);
          expect(m.charts, 'one chart shown per figure').toBe(m.figures);
          expect(m.smallest, `smallest chart text: ${m.where}`).toBeGreaterThanOrEqual(11);
          expect(blocked).toEqual([]);
          if (width < 780) {
            expect([m.toc, m.menu]).toEqual([false, true]);
            expect(m.justified, 'justified paragraphs on a phone').toBe(0);
            // The menu opens, and its links lead to their headings.
            expect(await page.$eval('details.toc-menu nav', (n) => n.checkVisibility())).toBe(false);
            await page.click('details.toc-menu summary');
            expect(await page.$eval('details.toc-menu nav', (n) => n.checkVisibility())).toBe(true);
            const links = await page.$$eval('details.toc-menu nav a', (as) => as.map((a) => a.getAttribute('href')!));
            expect(links.length).toBeGreaterThan(10);
            const target = links[Math.floor(links.length / 2)]!;
            await page.click(`details.toc-menu nav a[href="${target}"]`);
            await page.waitForFunction((h) => location.hash === h, {}, target);
            const top = await page.$eval(target, (h) => h.getBoundingClientRect().top);
            expect(Math.abs(top)).toBeLessThan(5);
            // It closes again.
            await page.click('details.toc-menu summary');
            expect(await page.$eval('details.toc-menu', (d) => (d as HTMLDetailsElement).open)).toBe(false);
          } else {
            expect([m.toc, m.menu]).toEqual([true, false]);
            if (locale === 'en') expect(m.justified, 'justified English on a screen').toBe(0);
          }
        } finally {
          await page.close();
        }
      });
    }

    it(`${locale}: every CSV download holds the data, under headers in the locale's words`, async () => {
      const html = readFileSync(join(single, '2023', locale, 'index.html'), 'utf8');
      const links = [...html.matchAll(/<a download="([^"]+)" href="data:text\/csv;charset=utf-8,([^"]*)"/g)];
      const figures = html.match(/<figure /g)?.length ?? 0;
      const tables = html.match(/<table /g)?.length ?? 0;
      expect(links).toHaveLength(figures + tables);
      for (const [, file, data] of links) {
        const csv = decodeURIComponent(data!);
        const [header, ...rows] = csv.replace(/^\ufeff/, '').trimEnd().split('\r\n');
        expect(rows.length, `${file} has no rows`).toBeGreaterThan(0);
        for (const h of header!.split(',')) expect(h, `${file}: ${header}`).not.toMatch(/^[a-z_]+$/);
        if (locale === 'zh') expect(header, file).toMatch(/[\u4e00-\u9fff]/);
        expect(csv, `${file}: unrounded number`).not.toMatch(/\d\.\d{3,}/);
      }
      // And the browser downloads one as a file.
      const { page } = await open(`file://${join(single, '2023', locale, 'index.html')}`, 1280);
      const dir = mkdtempSync(join(tmpdir(), 'report-csv-'));
      try {
        const session = await page.createCDPSession();
        await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
        await page.$eval('figure p.download a', (a) => (a as HTMLAnchorElement).click());
        const deadline = Date.now() + 10_000;
        while (!readdirSync(dir).some((f) => f.endsWith('.csv')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        const [file] = readdirSync(dir).filter((f) => f.endsWith('.csv'));
        expect(file).toBe('figure-1.csv');
        expect(readFileSync(join(dir, file!), 'utf8').split('\r\n').length).toBeGreaterThan(3);
      } finally {
        await page.close();
      }
    });

    it(`${locale} as a web folder: the same page, fetching only the font chunks its text uses`, async () => {
      const fonts = readdirSync(join(web, '2023', 'fonts'));
      expect(fonts.length).toBeGreaterThan(0);
      for (const width of WIDTHS) {
        const { page, blocked, fetched, failed } = await open(`${origin}/2023/${locale}/index.html`, width);
        try {
          const m = (await page.evaluate(MEASURE)) as Measured;
          expect(m.pageWidth).toBeLessThanOrEqual(m.viewport);
          expect(m.smallest).toBeGreaterThanOrEqual(11);
          expect(blocked).toEqual([]);
          // Each chunk a file of the folder, fetched once, only among those the page declares.
          const chunks = new Set(fetched.filter((u) => u.includes('/2023/fonts/')));
          const declared = (await page.content()).match(/@font-face/g)?.length ?? 0;
          expect(chunks.size).toBeGreaterThan(0);
          expect(chunks.size).toBeLessThanOrEqual(declared);
          expect(failed).toEqual([]);
          expect(await page.evaluate(`document.fonts.check("16px 'Noto Sans SC'", ${JSON.stringify(locale === 'zh' ? '数字' : 'Digital')})`)).toBe(true);
        } finally {
          await page.close();
        }
      }
      expect(statSync(join(web, '2023', locale, 'index.html')).size).toBeLessThan(statSync(join(single, '2023', locale, 'index.html')).size);
    });
  }
});
