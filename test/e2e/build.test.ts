/**
 * End to end: the real CLI builds the real edition (DuckDB, Chromium, fonts), then the outputs are
 * checked with poppler's tools the way a reader's PDF viewer would see them.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, PROJECT_ROOT } from '../../src/cli/main.ts';
import { integer } from '../../src/base/format.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { quietEffects } from '../helpers/memory-fs.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { destinationPages, outline, readObjects } from '../../src/pdf/reader.ts';
import { folioOf } from '../../src/html/folio.ts';
import { textOf } from '../../src/html/outline.ts';
import { bibliographyEntries, formatNote } from '../../src/base/bibliography.ts';
import { readEdition } from '../../src/base/edition.ts';
import { renderMarkdownInline } from '../../src/base/markup.ts';
import type { References } from '../../src/base/references.ts';

const out = mkdtempSync(join(tmpdir(), 'report-e2e-'));
const edition = join(out, '2023');
const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });

beforeAll(async () => {
  // A cache of its own, cold: the outputs checked below are computed, not read back.
  expect(await main(['build', '--out', out, '--cache', join(out, '.cache')], quietEffects(nodeFileSystem))).toBe(0);
});

describe('report build (2023, zh and en, PDF and HTML)', () => {
  it('writes the five outputs', () => {
    for (const f of ['metrics.json', 'zh/report.pdf', 'zh/index.html', 'en/report.pdf', 'en/index.html']) expect(existsSync(join(edition, f)), f).toBe(true);
  });

  it('prints A4 pages with every font embedded and none of Type 3', () => {
    for (const locale of ['zh', 'en']) {
      const pdf = join(edition, locale, 'report.pdf');
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(1);
      expect(info).toMatch(/Page size:\s+594\.\d+ x 841\.\d+ pts \(A4\)/);
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) {
        expect(line).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
        expect(line).not.toMatch(/Type 3/);
      }
      // Exactly the report's own families (fonts/families.ts): the sans for headings, captions,
      // tables and charts, the locale's serif for running text. A glyph they lack would come from
      // whatever system font the machine has (it once took the footnotes' back arrow from DejaVu Sans).
      // fontsource names its chunks after the variable font's default instance (Thin, ExtraLight).
      const families = new Set(fonts.map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '').replace(/-.*$/, '').replace(/(Thin|ExtraLight)$/, '')));
      expect([...families].sort()).toEqual(locale === 'zh' ? ['NotoSansSC', 'NotoSerifSC'] : ['NotoSansSC', 'SourceSerif4']);
    }
  });

  it('prints the computed numbers in both languages', () => {
    const metrics = JSON.parse(readFileSync(join(edition, 'metrics.json'), 'utf8')) as MetricsDocument;
    const [first, second] = metrics.papers.by_country;
    const zh = text(join(edition, 'zh', 'report.pdf'));
    const en = text(join(edition, 'en', 'report.pdf'));
    expect(zh).toContain(`${integer(first!.papers)} 篇`);
    expect(zh).toContain(`${integer(second!.papers)} 篇`);
    expect(zh).toContain('图 1');
    expect(en).toContain(`${integer(first!.papers)} papers`);
    expect(en).toContain(`${integer(metrics.papers.total)} papers in digital science`);
    expect(en).toContain('Figure 1');
  });

  it('prints no ".0" where a whole number is meant (text and tables; the charts are drawn apart)', () => {
    for (const locale of ['zh', 'en']) {
      const html = readFileSync(join(edition, locale, 'index.html'), 'utf8');
      const printed = html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<[^>]+>/g, ' ');
      const zeros = [...printed.matchAll(/.{0,20}(?<![\d.])\d+\.0(?!\d).{0,20}/g)].map((m) => m[0]);
      expect(zeros, locale).toEqual([]);
      // and so in the PDF's running text: "2017.0", "50.0 citations", "116.0 times" are gone
      expect(text(join(edition, locale, 'report.pdf'))).not.toMatch(/\d\.0 (年|次|倍|citations|times)|\b\d{4}\.0\b/);
    }
  });

  it('prints cross-references and footnotes as print does: no back-link, no break inside "图 3", the contents on one page', () => {
    for (const locale of ['zh', 'en']) {
      const pdf = join(edition, locale, 'report.pdf');
      const all = text(pdf);
      expect(all, locale).not.toContain('\u2191'); // the footnotes' "↑" back-link is the web edition's
      expect(all, locale).toMatch(locale === 'zh' ? /图\s3/ : /Figure\s3/);
      // the word of a reference never ends a line with its number on the next one
      expect(all.match(/(图|表|Figure|Table)\n\s*\d/g), locale).toBeNull();
      // the contents end on their first page (page 2): the next page opens the first chapter
      const contentsPage = execFileSync('pdftotext', ['-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' });
      expect(contentsPage, locale).toMatch(locale === 'zh' ? /附录 II/ : /Appendix II/);
    }
    // the HTML edition keeps the links, labelled with a non-breaking space
    expect(readFileSync(join(edition, 'en', 'index.html'), 'utf8')).toMatch(/<a href="#fig-[a-z0-9-]+">Figure\u00a0\d+<\/a>/);
  });

  it('computes the published totals from the calibrated records, and tells published values from modelled ones', () => {
    const metrics = JSON.parse(readFileSync(join(edition, 'metrics.json'), 'utf8')) as MetricsDocument;
    expect([metrics.papers.total, metrics.papers.top1_total, metrics.patents!.total, metrics.talent!.total]).toEqual([2204950, 23138, 669942, 774710]);
    expect(metrics.provenance.manifest.reconstructed).toBe(true);
    const calibration = metrics.provenance.calibration;
    expect(calibration.filter((c) => !c.assumed).length).toBeGreaterThan(200);
    expect(calibration.filter((c) => c.assumed).length).toBeGreaterThan(200);
    expect(calibration).toContainEqual(expect.objectContaining({ path: 'papers.by_country', key: { country: 'US' }, field: 'papers', value: 525794, assumed: false }));
  });

  it('numbers the pages in the footer, except on the covers', () => {
    const pdf = join(edition, 'zh', 'report.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    for (let n = 2; n < pages; n++) {
      const page = execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
      expect(page.trim().split('\n').pop()!.trim(), `page ${n}`).toBe(String(n));
    }
  });

  it('puts the figure into the HTML as inline SVG, with nothing fetched from outside', () => {
    for (const locale of ['zh', 'en']) {
      const html = readFileSync(join(edition, locale, 'index.html'), 'utf8');
      expect(html).toMatch(/<figure id="fig-papers-by-country"[^>]*><div class="chart chart-page"><svg [^]*?<\/svg><\/div><div class="chart chart-narrow"><svg /);
      // Nothing is fetched: no remote images, scripts, stylesheets or fonts (links for the reader to follow are fine).
      expect(html).not.toMatch(/\ssrc="https?:|url\(\s*['"]?https?:|<link[^>]+href="https?:|@import/);
    }
  });
});

describe('print quality', () => {
  it('numbers the contents with the pages where the headings fall, read back from the PDF', () => {
    for (const locale of ['zh', 'en']) {
      const pdf = readFileSync(join(edition, locale, 'report.pdf'));
      const pages = destinationPages(readObjects(pdf));
      const html = readFileSync(join(edition, locale, 'index.html'), 'utf8');
      const entries = [...html.matchAll(/<a href="#([^"]+)"><span class="toc-text">(.*?)<\/span><span class="toc-leader"/g)].map(([, id, inner]) => [id!, textOf(inner!)] as const);
      expect(entries.length).toBeGreaterThan(1);
      // The contents run from page 2 to the page before the first entry's (they take two pages now).
      const tocEnd = pages.get(entries[0]![0])! - 1;
      expect(tocEnd).toBeGreaterThanOrEqual(2);
      const toc = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', String(tocEnd), join(edition, locale, 'report.pdf'), '-'], { encoding: 'utf8' });
      // English numbers its front matter in roman and its body from 1 (src/html/folio.ts); Chinese counts on from the cover.
      const bodyId = /<nav class="toc" data-body-start="([^"]+)"/.exec(html)?.[1];
      expect(Boolean(bodyId), locale).toBe(locale === 'en');
      const bodyStart = bodyId ? pages.get(bodyId) : undefined;
      for (const [id, title] of entries) {
        const page = pages.get(id);
        expect(page, id).toBeGreaterThan(2);
        expect(toc).toMatch(new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/gu, '\\s*')}[ .]*${folioOf(page!, bodyStart)}\\s*$`, 'm'));
      }
      // and the pages print those numbers at their foot
      const foot = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), join(edition, locale, 'report.pdf'), '-'], { encoding: 'utf8' }).trim().split('\n').at(-1)!.trim();
      expect(foot(2), locale).toBe(folioOf(2, bodyStart));
      if (bodyStart) expect([foot(bodyStart - 1), foot(bodyStart), foot(bodyStart + 1)]).toEqual([folioOf(bodyStart - 1, bodyStart), '1', '2']);
      // A viewer's page box shows the same folios: the PDF's page labels (roman front matter, arabic body).
      const labels = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=pagelabels', join(edition, locale, 'report.pdf')], { encoding: 'utf8' })) as { pagelabels: { index: number; label: Record<string, unknown> }[] };
      expect(labels.pagelabels.map((l) => [l.index, l.label['/S']]), locale).toEqual(bodyStart ? [[0, '/r'], [bodyStart - 1, '/D']] : []);
    }
  });

  it('prints each footnote at the foot of the page that cites it', () => {
    for (const locale of ['zh', 'en']) {
      const pages = destinationPages(readObjects(readFileSync(join(edition, locale, 'report.pdf'))));
      const notes = [...pages.keys()].filter((id) => /^fn-[^:]+$/.test(id));
      expect(notes.length, locale).toBeGreaterThanOrEqual(2);
      for (const id of notes) expect(pages.get(id), `${locale} ${id}`).toBe(pages.get(id.replace(/^fn-/, 'fnref-')));
    }
  });

  it('has a bookmark for every chapter, tags, the document language and metadata', () => {
    for (const locale of ['zh', 'en']) {
      const file = join(edition, locale, 'report.pdf');
      const entries = outline(readObjects(readFileSync(file)));
      const html = readFileSync(join(edition, locale, 'index.html'), 'utf8');
      const chapters = [...html.matchAll(/<section class="chapter[^"]*" id="ch-[^"]+">\n(?:<div class="opener">)?<h1 id="[^"]+">(.*?)<\/h1>/g)].map((m) => textOf(m[1]!));
      expect(chapters.length).toBe(9);
      for (const title of chapters) expect(entries.some((e) => e.depth === 0 && e.title === title), title).toBe(true);
      // Chapters and their sections are numbered in the bookmarks as in the headings: 第一章 / Chapter 1, 1. / 1.1, （一） / 1.1.1
      const numbered = { zh: [/^第一章\u3000/, /^1\. /, /^（一）/], en: [/^Chapter 1: /, /^1\.1 /, /^1\.1\.1 /] }[locale as 'zh' | 'en'];
      const first = entries.findIndex((e) => numbered[0]!.test(e.title));
      expect(first, locale).toBeGreaterThan(0);
      expect([entries[first + 1]!.title, entries[first + 2]!.title].map((t, i) => numbered[i + 1]!.test(t)), locale).toEqual([true, true]);
      // five numbered chapters; the preface and the appendices are not numbered as chapters
      expect(entries.filter((e) => e.depth === 0 && /^(第[一二三四五六七八九十]+章\u3000|Chapter \d+: )/.test(e.title)).length, locale).toBe(5);
      // Every bookmark once: Chromium writes some headings' text twice ("AB" as "ABAB"); the finish step mends them.
      const doubled = entries.filter((e) => e.title.length > 0 && e.title.length % 2 === 0 && e.title.slice(0, e.title.length / 2) === e.title.slice(e.title.length / 2));
      expect(doubled.map((e) => e.title), locale).toEqual([]);
      // and each bookmark is the text of a heading of the document
      const headings = new Set([...html.matchAll(/<h[1-4][^>]*>(.*?)<\/h[1-4]>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim()));
      expect(entries.filter((e) => !headings.has(e.title)).map((e) => e.title), locale).toEqual([]);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(info).toMatch(/Author:\s+AMiner/);
      expect(info).toMatch(/Keywords:\s+\S/);
      expect(readFileSync(file).toString('latin1')).toContain(`/Lang (${locale === 'zh' ? 'zh-Hans' : 'en'})`);
    }
  });

  it('prints the appendices last, labelled I, II and III (not as chapters), each under its own title', () => {
    const titles = {
      zh: ['附录 I：研究范围与方法', '附录 II：各研究方向关键词', '附录 III：参考文献'],
      en: ['Appendix I: Scope and method', 'Appendix II: Keywords by direction', 'Appendix III: References'],
    } as const;
    for (const locale of ['zh', 'en'] as const) {
      const file = join(edition, locale, 'report.pdf');
      const chapters = outline(readObjects(readFileSync(file))).filter((e) => e.depth === 0).map((e) => e.title);
      expect(chapters.slice(-3), locale).toEqual([...titles[locale]]);
      const pages = destinationPages(readObjects(readFileSync(file)));
      for (const [i, id] of (['appendix-method', 'appendix-keywords', 'appendix-references'] as const).entries()) {
        const page = execFileSync('pdftotext', ['-layout', '-f', String(pages.get(id)), '-l', String(pages.get(id)), file, '-'], { encoding: 'utf8' });
        expect(page, `${locale} ${id}`).toContain(titles[locale][i]!);
      }
    }
  });

  it('prints the cited works as footnotes and lists every one in the bibliography (Appendix III), in both languages', async () => {
    const refs = (await readEdition(nodeFileSystem, join(PROJECT_ROOT, 'templates'), '2023')).content!.references as References;
    // What a reader sees of a formatted entry, compared without spaces and hyphens (line breaks differ).
    const seen = (markdown: string) => renderMarkdownInline(markdown).replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
    const squeeze = (s: string) => s.replace(/[\s\u00ad-]+/g, '');
    for (const locale of ['zh', 'en'] as const) {
      const file = join(edition, locale, 'report.pdf');
      const pages = destinationPages(readObjects(readFileSync(file)));
      const notes = [...pages.keys()].filter((id) => /^fn-[^:]+$/.test(id));
      expect(notes.length, locale).toBeGreaterThanOrEqual(13);
      const first = pages.get('appendix-references')!;
      const body = squeeze(execFileSync('pdftotext', ['-l', String(first - 1), file, '-'], { encoding: 'utf8' }));
      const appendix = squeeze(execFileSync('pdftotext', ['-f', String(first), file, '-'], { encoding: 'utf8' }));
      for (const r of Object.values(refs)) expect(body, `${locale} note ${r.id}`).toContain(squeeze(seen(formatNote(locale, r))));
      const entries = bibliographyEntries(locale, refs);
      expect(entries.length).toBe(Object.keys(refs).length);
      for (const entry of entries) expect(appendix, `${locale} bibliography`).toContain(squeeze(seen(entry)));
    }
    // The trend reports are footnotes now, not a line of running text.
    expect(text(join(edition, 'zh', 'report.pdf'))).not.toContain('趋势报告：');
  });

  it('heads each page of the text with one line that fits: the report title on left pages, the chapter\'s numbered short title on right ones, nothing on openers', () => {
    const css = (s: string) => s.replace(/\\([0-9a-f]{1,6}) ?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));
    const loose = (s: string) => s.replace(/[\s\u2066-\u2069]/gu, '');
    for (const locale of ['zh', 'en'] as const) {
      const file = join(edition, locale, 'report.pdf');
      const html = readFileSync(join(edition, locale, 'index.html'), 'utf8');
      const report = textOf(/<title>(.*?)<\/title>/.exec(html)![1]!);
      const ids = [...html.matchAll(/<section class="chapter chapter-(\d+)" id="ch-([^"]+)">/g)].map((m) => [Number(m[1]), m[2]!] as const);
      const heads = new Map([...html.matchAll(/@page chapter-(\d+):right \{ @top-right \{ content: "((?:[^"\\]|\\.)*)";/g)].map((m) => [Number(m[1]), css(m[2]!)]));
      const pages = destinationPages(readObjects(readFileSync(file)));
      const starts = ids.map(([n, id]) => ({ page: pages.get(id)!, head: heads.get(n)!, opener: html.includes(`<section class="chapter chapter-${n}" id="ch-${id}">\n<div class="opener">`) }));
      expect(starts.filter((s) => s.opener).length, locale).toBe(5);
      const last = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]) - 1; // the back cover has none
      for (let p = starts[0]!.page; p <= last; p++) {
        const chapter = starts.filter((s) => s.page <= p).pop()!;
        const band = execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), '-x', '0', '-y', '0', '-W', '595', '-H', '58', file, '-'], { encoding: 'utf8' });
        const lines = band.split('\n').filter((l) => l.trim() !== '');
        const want = chapter.opener && p === chapter.page ? '' : p % 2 === 0 ? report : chapter.head;
        expect(lines.length, `${locale} p. ${p}`).toBe(want ? 1 : 0);
        expect(loose(lines.join('')), `${locale} p. ${p}`).toBe(loose(want));
      }
      // the chapter whose title is too long for the head declares a short one
      expect([...heads.values()], locale).toContain(locale === 'zh' ? '第三章\u3000数字科技人才' : 'Chapter 3: Digital-technology talent');
    }
  });

  it('prints a cover with title, subtitle, edition, source and a picture drawn from the data, and a colophon on the back', () => {
    const words = {
      zh: { cover: ['（2023）全球数字科技', '全球数字科技论文、专利、人才与前沿技术的数据分析', '2023 年度报告', 'AMiner 科技情报平台', '2022-06-30'], back: ['AMiner 科技情报平台', '数据截至 2022-06-30', '均由记录级数据计算生成', '封面图：2012—2021 年', 'www.aminer.cn'] },
      en: { cover: ['Global Digital Science and', 'A data analysis of papers, patents', '2023 edition', 'Data: AMiner', '2022-06-30'], back: ['AMiner', 'records as of 2022-06-30', 'computed from record-level data', 'Cover: digital-technology papers per year, 2012–2021', 'www.aminer.cn'] },
    } as const;
    for (const locale of ['zh', 'en'] as const) {
      const file = join(edition, locale, 'report.pdf');
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
      // whitespace aside: the title breaks where its lines do
      const page = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      for (const w of words[locale].cover) expect(page(1), `${locale} cover`).toContain(w.replace(/\s+/g, ''));
      for (const w of words[locale].back) expect(page(pages), `${locale} back cover`).toContain(w.replace(/\s+/g, ''));
      // the picture: one layer per leading country, from the metrics, in both editions
      const html = readFileSync(join(edition, locale, 'index.html'), 'utf8');
      expect(html.match(/<path class="cover-layer-(home|rival|other)[^"]*" d="M[^"]+Z"\/>/g)?.length, locale).toBe(12);
      expect(html).toContain('<path class="cover-layer-home"');
    }
  });

  it('is deterministic: a second build gives byte-identical HTML, SVG and PDF', async () => {
    const again = mkdtempSync(join(tmpdir(), 'report-e2e-again-'));
    expect(await main(['build', '--out', again, '--cache', 'off'], quietEffects(nodeFileSystem))).toBe(0);
    for (const f of ['metrics.json', 'zh/report.pdf', 'zh/index.html', 'en/report.pdf', 'en/index.html']) {
      const a = createHash('sha256').update(readFileSync(join(edition, f))).digest('hex');
      const b = createHash('sha256').update(readFileSync(join(again, '2023', f))).digest('hex');
      expect(b, f).toBe(a);
    }
  });
});

describe('regenerating after a data change', () => {
  it('changes the paragraph, the figure and the PDF, with no other edit', async () => {
    const root = mkdtempSync(join(tmpdir(), 'report-root-'));
    for (const dir of ['templates', 'locales', 'data/2023']) cpSync(join(PROJECT_ROOT, dir), join(root, dir), { recursive: true });
    // On the small sample (data/2023/*.csv): 3,000 new Indian papers move India to first place.
    const papers = ['', ...Array.from({ length: 3000 }, (_, i) => `X${i},2020,article,5`)].join('\n');
    const affiliations = ['', ...Array.from({ length: 3000 }, (_, i) => `X${i},I-IN-1,IN`)].join('\n');
    appendFileSync(join(root, 'data/2023/papers.csv'), papers.slice(1) + '\n');
    appendFileSync(join(root, 'data/2023/paper_affiliations.csv'), affiliations.slice(1) + '\n');

    const { build } = await import('../../src/pipeline.ts');
    const { openDuckDb } = await import('../../src/base/engine.ts');
    const { launchPrinter } = await import('../../src/pdf/print.ts');
    const { findChromium, nodeEnvironment } = await import('../../src/pdf/chromium.ts');
    const outDir = join(root, 'out');
    const result = await build(
      { root, edition: '2023', data: 'data/2023', locales: ['en'], formats: ['html', 'pdf'], outDir },
      quietEffects(nodeFileSystem),
      { openEngine: openDuckDb, openPrinter: () => launchPrinter(findChromium(nodeEnvironment)!), fonts: { read: (f) => readFileSync(f.file) } },
    );
    const india = result.metrics.papers.by_country[0]!;
    expect(india.country).toBe('IN');
    const html = readFileSync(join(outDir, '2023/en/index.html'), 'utf8');
    expect(html).toContain(`India published the most: ${integer(india.papers)} papers.`);
    expect(html).toContain(`aria-label="Papers: ${integer(india.papers)}; country: India"`);
    expect(text(join(outDir, '2023/en/report.pdf'))).toContain(`India published the most: ${integer(india.papers)}`);
  });
});
