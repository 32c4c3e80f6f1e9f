/**
 * The pagination decisions and the paginated document of the long documents (and of long chapters mixed
 * with tables and figures), hashed: `tsx scripts/bench/decisions.ts [DIR]`, with the browser scripts of DIR
 * (default src/pdf). Run it on an older copy of the scripts (`git show REV:src/pdf/paginate.browser.js`
 * …) and on the new ones: a change meant for speed must print the same lines.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { renderMarkdown } from '../../src/base/markup.ts';
import { buildDocument } from '../../src/html/document.ts';
import { PAGE } from '../../src/html/styles.ts';
import { ensureChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { CHROMIUM_ARGS, isolate } from '../../src/pdf/print.ts';
import { chapterMarkdown } from '../../test/helpers/long-document.ts';
import { blocksChapter } from '../../test/helpers/blocks-document.ts';
const dir = process.argv[2] ?? 'src/pdf';
const expr = (f: string) => readFileSync(`${dir}/${f}`, 'utf8').trim().replace(/;$/, '');
const fonts = { read: (f: { file: string }) => readFileSync(f.file) };
const exe = ensureChromium(nodeEnvironment, { info: () => {}, warn: () => {} });
const b = await puppeteer.launch({ executablePath: exe, headless: true, args: CHROMIUM_ARGS });
const docs: [string, string][] = [];
for (const locale of ['zh', 'en'] as const) {
  const parts = Array.from({ length: 12 }, (_, i) => ({ id: `c${i + 1}`, html: renderMarkdown(chapterMarkdown(locale, i + 1), `c${i + 1}`) }));
  docs.push([`long ${locale}`, buildDocument({ locale, text: { title: 'T', coverLines: [], contents: 'C', backLines: [] }, chapters: parts, figures: [], otherEdition: null }, fonts).html]);
  const mixed = [...parts.slice(0, 4), ...[1, 2, 3, 4].map((n) => ({ id: `b${n}`, html: blocksChapter(locale, n) }))];
  docs.push([`mixed ${locale}`, buildDocument({ locale, text: { title: 'T', coverLines: [], contents: 'C', backLines: [] }, chapters: mixed, figures: [], otherEdition: null }, fonts).html]);
}
for (const [name, html] of docs) {
  const p = await b.newPage();
  await isolate(p);
  await p.emulateMediaType('print');
  await p.setContent(html, { waitUntil: 'load' });
  await p.evaluate(() => document.fonts.ready.then(() => undefined));
  await p.setJavaScriptEnabled(true);
  const r = (await p.evaluate(`(${expr('paginate.browser.js')})(${JSON.stringify({ ...PAGE, firstPage: 2, wholeModel: false })}, ${expr('fill-pages.browser.js')})`)) as Record<string, unknown>;
  const out = await p.evaluate(() => document.documentElement.outerHTML);
  delete r.chaptersAlone;
  delete r.fills;
  const h = (x: string) => createHash('sha256').update(x).digest('hex').slice(0, 16);
  console.log(name, 'decisions', h(JSON.stringify(r)), 'document', h(out), 'footnotes', r.footnotes, 'moved', r.moved, JSON.stringify(r.filled).slice(0, 80));
  await p.close();
}
await b.close();
