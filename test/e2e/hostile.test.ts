/**
 * The hostile build: the sample dataset with attacker strings appended to every text field of every
 * table (ids changed alike, so references hold) and in the manifest's title and source, built in both
 * locales, HTML and PDF. Then: in Chromium with scripts on, nothing runs (no console message, no page
 * error, no dialog, the payloads' global stays undefined) and nothing is requested but data: URLs (a
 * TCP server on 127.0.0.1 named in the payloads receives no connection); the SVG, the CSV downloads
 * and the PDF text show the strings as text.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/main.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { launchBrowser } from '../../src/pdf/browser.ts';
import { findChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { quietEffects } from '../helpers/memory-fs.ts';

let server: Server;
let port = 0;
let connections = 0;
const root = mkdtempSync(join(tmpdir(), 'report-hostile-'));
const outDir = join(root, 'out');

/** What an attacker would put in a name. `PORT` is our listening server's. */
const payloads = () => [
  '</style><script>window.__pwned=1</script>',
  `"><img src=x onerror="window.__pwned=2">`,
  `'><svg onload=window.__pwned=3>`,
  'javascript:window.__pwned=4',
  '[click](javascript:window.__pwned=5)',
  `![i](http://127.0.0.1:${port}/md.png)`,
  '{{t "document:title"}}{{#each this}}x{{/each}}',
  '*_`\\ **b** <b>',
  `\\"}body{background:url(http://127.0.0.1:${port}/css)}`,
  `'; } * { background: url(//127.0.0.1:${port}/x) } /*`,
  '=HYPERLINK("http://127.0.0.1/x","y")',
  '+cmd|\' /C calc\'!A0',
  '@SUM(1+1)',
  '-2+3',
  '&lt;b&gt; &amp; &#60;',
  '\u0001\u007f\u200b',
  `<iframe src="http://127.0.0.1:${port}/f"></iframe>`,
];

/** A CSV line split into cells (RFC 4180). */
function cells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      if (ch === '\r') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}
const csvLine = (row: readonly string[]) => row.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');

/** Columns that hold free text (ids and names), per table. Codes stay valid: country, kind, year, and province, city and topic group, and topic ids, which the edition looks up as locale keys (an unknown one stops the build naming the key). */
const TEXT = /^(?:paper_id|patent_id|scholar_id|institution_id|parent_id|assignee_id|name_zh|name_en)$/;

function hostileDataset(dir: string): void {
  const list = payloads();
  let n = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
    const [header, ...rows] = cells(readFileSync(join(dir, file), 'utf8'));
    const text = header!.map((h) => TEXT.test(h));
    const out = rows.map((row) =>
      row.map((value, i) => {
        if (!text[i] || value === '') return value;
        // ids: the same suffix for the same id in every table, so that references still hold
        if (header![i]!.endsWith('_id')) return `${value}${list[hash(value) % list.length]}`;
        return `${value}${list[n++ % list.length]}`;
      }),
    );
    writeFileSync(join(dir, file), `${[header!, ...out].map(csvLine).join('\n')}\n`);
  }
  const manifest = readFileSync(join(dir, 'dataset.yaml'), 'utf8')
    .replace(/^(\s+)zh: "（2023）全球数字科技发展研究报告"/m, `$1zh: ${JSON.stringify('（2023）报告</style><script>window.__pwned=6</script>')}`)
    .replace(/^(\s+)en: "Global Digital Science[^"]*"/m, `$1en: ${JSON.stringify('Report</style><script>window.__pwned=7</script> "q" \\ }')}`)
    .replace(/^(\s+)zh: "AMiner 科技情报平台"/m, `$1zh: ${JSON.stringify(`AMiner"><img src=x onerror=window.__pwned=8>`)}`)
    .replace(/^(\s+)en: "AMiner"/m, `$1en: ${JSON.stringify(`[AMiner](javascript:window.__pwned=9) =HYPERLINK("x")`)}`);
  writeFileSync(join(dir, 'dataset.yaml'), manifest);
}

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

beforeAll(async () => {
  server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as { port: number }).port;
  for (const dir of ['templates', 'locales', 'data/2023']) cpSync(join(PROJECT_ROOT, dir), join(root, dir), { recursive: true });
  hostileDataset(join(root, 'data/2023'));
  const { build } = await import('../../src/pipeline.ts');
  const { openDuckDb } = await import('../../src/base/engine.ts');
  const { launchPrinter } = await import('../../src/pdf/print.ts');
  await build(
    { root, edition: '2023', data: 'data/2023', locales: ['zh', 'en'], formats: ['html', 'pdf'], outDir },
    quietEffects(nodeFileSystem),
    { openEngine: openDuckDb, openPrinter: () => launchPrinter(findChromium(nodeEnvironment)!), fonts: { read: (f) => readFileSync(f.file) } },
  );
}, 600_000);

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(root, { recursive: true, force: true });
});

describe('a build from hostile data', () => {
  for (const locale of ['zh', 'en'] as const) {
    it(`runs nothing and requests nothing in the ${locale} HTML, and shows the strings as text`, async () => {
      const html = readFileSync(join(outDir, '2023', locale, 'index.html'), 'utf8');
      const launched = await launchBrowser(findChromium(nodeEnvironment)!, { timeoutMs: 60_000 });
      try {
        const page = await launched.browser.newPage();
        const seen: string[] = [];
        page.on('console', (m) => seen.push(`console: ${m.text()}`));
        page.on('pageerror', (e) => seen.push(`pageerror: ${String(e)}`));
        page.on('dialog', (d) => (seen.push(`dialog: ${d.message()}`), void d.dismiss()));
        page.on('request', (r) => {
          if (!r.url().startsWith('data:')) seen.push(`request: ${r.url()}`);
        });
        // Scripts on, as a reader's browser has them: escaping and the CSP must hold on their own.
        await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
        await page.hover('body');
        await new Promise((r) => setTimeout(r, 1000));
        const state = (await page.evaluate(`({
          pwned: window.__pwned,
          scripts: document.querySelectorAll('script, iframe, object, embed').length,
          handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
          jsLinks: [...document.querySelectorAll('[href], [src]')].filter((e) => /^\\s*javascript:/i.test(e.getAttribute('href') ?? e.getAttribute('src'))).length,
          text: document.body.innerText,
          svgText: [...document.querySelectorAll('svg')].map((s) => s.textContent).join('\\n'),
          title: document.title,
          csv: [...document.querySelectorAll('a[download]')].map((a) => decodeURIComponent(a.getAttribute('href').replace(/^data:text\\/csv;charset=utf-8,/, ''))),
        })`)) as { pwned: unknown; scripts: number; handlers: number; jsLinks: number; text: string; svgText: string; title: string; csv: string[] };
        expect(seen).toEqual([]);
        expect(state.pwned).toBeUndefined();
        expect([state.scripts, state.handlers, state.jsLinks]).toEqual([0, 0, 0]);
        expect(connections).toBe(0);
        // shown as text: in the page, in the charts, in the title
        expect(state.title).toContain('</style><script>window.__pwned=');
        // (English prose gets curly quotes, html/typography.ts: read them back as typed)
        const shown = state.text.replace(/[\u201c\u201d]/g, '"').replace(/[\u2018\u2019]/g, "'");
        expect(shown).toContain('</style><script>window.__pwned=1</script>');
        expect(shown).toContain('"><img src=x onerror="window.__pwned=2">');
        expect(state.svgText).toMatch(/<\/style><script>window\.__pwned=1<\/script>|"><img src=x onerror="window\.__pwned=2">|'><svg onload=window\.__pwned=3>/);
        // CSV: a formula never starts a cell; the neutralised text is there
        expect(state.csv.length).toBeGreaterThan(0);
        const all = state.csv.flatMap((c) => cells(c.replace(/^\ufeff/, '')).flat());
        expect(all.filter((c) => /^[=+@\t\r]/.test(c) || (/^-/.test(c) && !/^-[\d.,]+%?$/.test(c)))).toEqual([]);
        expect(all.some((c) => c.startsWith("'=HYPERLINK(") || c.includes('=HYPERLINK('))).toBe(true);
      } finally {
        await launched.close(5000);
      }
    });

    it(`prints the strings as text in the ${locale} PDF`, () => {
      const text = execFileSync('pdftotext', [join(outDir, '2023', locale, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('</style><script>window.__pwned=');
      expect(text).toMatch(/onerror=|onload=/);
      expect(text).toContain('=HYPERLINK(');
    });
  }
});

describe('the Content-Security-Policy of both editions', () => {
  for (const locale of ['zh', 'en'] as const) {
    it(`holds on its own in the ${locale} HTML: a script and an outside image slipped into the page neither run nor load`, async () => {
      const built = readFileSync(join(outDir, '2023', locale, 'index.html'), 'utf8');
      expect(built).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;none&#39;;/);
      // What escaping would have to let through for the policy to matter.
      const html = built.replace('</body>', `<script>window.__csp = 1</script><img src="http://127.0.0.1:${port}/csp.png"></body>`);
      const before = connections;
      const launched = await launchBrowser(findChromium(nodeEnvironment)!, { timeoutMs: 60_000 });
      try {
        const page = await launched.browser.newPage();
        const blocked: string[] = [];
        page.on('console', (m) => blocked.push(m.text()));
        await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
        await new Promise((r) => setTimeout(r, 500));
        expect(await page.evaluate('window.__csp')).toBeUndefined();
        expect(connections).toBe(before);
        expect(blocked.some((m) => /Content Security Policy/.test(m))).toBe(true);
      } finally {
        await launched.close(5000);
      }
    });
  }
});
