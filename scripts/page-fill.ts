/**
 * How full each printed page is: the lowest text on the page (pdftotext -bbox: every word's box)
 * against the text area's height (PAGE in src/html/styles.ts), and whether the page is the last of
 * its chapter (the next page starts a chapter: a chapter's h1 id is a named destination of the PDF).
 * A chart's lowest text is its axis labels or its caption, so text alone sees figures too. The
 * verdict: a page of the body under 60% that does not end a chapter is a hole; a chapter's last page
 * with text but under CHAPTER_END_MIN is a short chapter end.
 *
 *   npx tsx scripts/page-fill.ts out/2023/zh/report.pdf [index.html]   # one line per page
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PAGE } from '../src/html/styles.ts';
import { destinationPages, readObjects } from '../src/pdf/reader.ts';

export interface PageFill {
  readonly page: number;
  /** Lowest text's bottom over the text area's height, 0–1 (0: no text in the text area). */
  readonly fill: number;
  /** The page before a chapter's first page, or the document's last page before the back cover. */
  readonly chapterEnd: boolean;
  /** A chapter's opener page, designed to stand mostly empty. */
  readonly opener: boolean;
}

/** px (CSS) → pt (PDF). */
const PT = 0.75;

export function pageFills(pdf: string, html = join(dirname(pdf), 'index.html')): PageFill[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const top = PAGE.top * PT;
  const bottom = (PAGE.height - PAGE.bottom) * PT;
  const fills: number[] = [];
  for (const page of xml.split('<page ').slice(1)) {
    let lowest = top;
    for (const m of page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)) {
      const yMin = Number(m[1]);
      const yMax = Number(m[2]);
      // Inside the text area only: running heads sit above it, the folio below.
      if (yMin >= top - 1 && yMax <= bottom + 2) lowest = Math.max(lowest, yMax);
    }
    fills.push(Math.min(1, (lowest - top) / (bottom - top)));
  }
  // A chapter's h1, alone or inside its opener (a page of its own in print: its label, title and sections).
  const chapters = [...readFileSync(html, 'utf8').matchAll(/<section[^>]*class="chapter[^"]*"[^>]*>\s*(<div class="opener">)?<h1[^>]*id="([^"]+)"/g)].map((m) => ({ id: m[2]!, opener: Boolean(m[1]) }));
  const dests = destinationPages(readObjects(readFileSync(pdf)));
  const pageOf = (id: string) => dests.get(id);
  const starts = new Set(chapters.map((c) => pageOf(c.id)).filter((p): p is number => p !== undefined));
  const openers = new Set(chapters.filter((c) => c.opener).map((c) => pageOf(c.id)).filter((p): p is number => p !== undefined));
  const last = fills.length - 1; // the back cover
  return fills.map((fill, i) => ({ page: i + 1, fill, chapterEnd: starts.has(i + 2) || i + 1 === last, opener: openers.has(i + 1) }));
}

/** Pages of the body (after the contents, before the back cover) under `min` full that do not end a chapter. */
export function holes(fills: readonly PageFill[], firstBodyPage: number, min = 0.6): PageFill[] {
  return fills.filter((f) => f.page >= firstBodyPage && f.page < fills.length && !f.chapterEnd && !f.opener && f.fill < min);
}

/**
 * A chapter's last page carries at least this much (about six lines of English, five of Chinese), not
 * a line or two before the next chapter's page (src/pdf/chapter-ends.browser.js sees to it).
 */
export const CHAPTER_END_MIN = 0.15;

/** Chapters' last pages in the body (the back cover excluded) that carry some text, but under `min`. */
export function shortEnds(fills: readonly PageFill[], firstBodyPage: number, min = CHAPTER_END_MIN): PageFill[] {
  return fills.filter((f) => f.page >= firstBodyPage && f.page < fills.length && f.chapterEnd && !f.opener && f.fill > 0 && f.fill < min);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [pdf, html] = process.argv.slice(2);
  if (!pdf) throw new Error('usage: tsx scripts/page-fill.ts report.pdf [index.html]');
  for (const f of pageFills(pdf, html)) {
    console.log(`${String(f.page).padStart(3)} ${(f.fill * 100).toFixed(0).padStart(3)}%${f.chapterEnd ? ' (chapter end)' : ''}${f.opener ? ' (opener)' : ''}${f.fill < 0.6 && !f.chapterEnd && !f.opener ? '  <-- hole' : ''}${f.chapterEnd && f.fill > 0 && f.fill < CHAPTER_END_MIN ? '  <-- short chapter end' : ''}`);
  }
}
