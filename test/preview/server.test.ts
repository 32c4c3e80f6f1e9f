/**
 * `report preview` on a copy of the project: start on an ephemeral loopback port, change a sentence
 * of a locale, see the new text, break a template and see the error in the page, fix it, stop.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { get, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/main.ts';
import { listenToPreview, type EventStream } from '../../src/preview/events.ts';
import { DOCUMENT_CSP } from '../../src/html/document.ts';
import { EVENTS_PATH, PREVIEW_CSP, previewPage } from '../../src/preview/inject.ts';
import { previewHosts } from '../../src/preview/server.ts';
import { previewOutDir } from '../../src/cli/preview.ts';
import { startPreview, type BuildOutcome, type Preview } from '../../src/preview/preview.ts';

let root: string;
let preview: Preview;
const events: { event: string; data: string; at: number }[] = [];
const lines: string[] = [];
let stream: EventStream;

function fetchText(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: IncomingHttpHeaders }> {
  return new Promise((done, fail) => {
    get(new URL(path, preview.url), { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => done({ status: res.statusCode ?? 0, body, headers: res.headers }));
    }).on('error', fail);
  });
}

/** Waits for the next server-sent event of a kind, after `since`. */
/**
 * Waits until the served page holds `text`: a reload event alone may be an earlier edit's, when the
 * file watcher reports one write twice.
 */
async function servedWith(path: string, text: string, timeoutMs = 20_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    if ((await fetchText(path)).body.includes(text)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${path} did not come to hold "${text}" within ${timeoutMs} ms; log:\n${lines.join('\n')}`);
}

async function nextEvent(kind: string, since: number, timeoutMs = 20_000): Promise<{ at: number }> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    const found = events.find((e) => e.event === kind && e.at > since);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no "${kind}" event within ${timeoutMs} ms; log:\n${lines.join('\n')}`);
}

const builds: BuildOutcome[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'report-preview-'));
  for (const dir of ['templates', 'locales', 'data/2023']) cpSync(join(PROJECT_ROOT, dir), join(root, dir), { recursive: true });
  preview = await startPreview({
    root,
    edition: '2023',
    locales: ['zh', 'en'],
    outDir: join(root, 'out'),
    cacheDir: join(root, '.cache/build'),
    data: 'data/2023',
    host: '127.0.0.1',
    port: 0,
    // Others may be editing src/ of this working tree meanwhile: their edits must not restart this test's builds.
    watchCode: false,
    log: { info: (l) => lines.push(l), warn: (l) => lines.push(l) },
  });
  preview.onBuilt((o) => builds.push(o));
  stream = await listenToPreview(preview.url, (event, data) => events.push({ event, data, at: performance.now() }));
}, 120_000);

afterAll(async () => {
  stream?.close();
  await preview?.close();
});

const documentJson = (locale: string) => join(root, 'locales', 'shared', locale, 'document.json');
function setSentence(locale: string, text: string) {
  const doc = JSON.parse(readFileSync(documentJson(locale), 'utf8')) as Record<string, string>;
  writeFileSync(documentJson(locale), `${JSON.stringify({ ...doc, back_generated: text }, null, 2)}\n`);
}

describe('report preview', () => {
  it('serves each locale on the loopback address, with the reload script added to the page only', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetchText('/en/index.html');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script data-preview>');
    expect(page.body).toContain(JSON.parse(readFileSync(documentJson('en'), 'utf8')).back_generated);
    expect(readFileSync(join(root, 'out/2023/en/index.html'), 'utf8')).not.toContain('data-preview');
    expect((await fetchText('/zh/')).status).toBe(200);
    expect((await fetchText('/../../etc/passwd')).status).toBe(404);
    expect((await fetchText('/fr/index.html')).status).toBe(404);
  });

  it('answers only to localhost names with its port (no DNS rebinding), with a CSP that allows its one script', async () => {
    const port = new URL(preview.url).port;
    for (const host of [`evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `localhost:${Number(port) + 1}`, 'localhost', `[::2]:${port}`])
      expect((await fetchText('/en/index.html', { host })).status, host).toBe(421);
    expect((await fetchText(EVENTS_PATH, { host: `evil.example:${port}` })).status).toBe(421);
    for (const host of [`localhost:${port}`, `LOCALHOST:${port}`, `127.0.0.1:${port}`]) expect((await fetchText('/en/index.html', { host })).status, host).toBe(200);
    const page = await fetchText('/en/index.html');
    expect(page.headers['content-security-policy']).toBe(PREVIEW_CSP);
    // the document's own policy (no script) is replaced by the preview's, and the script's hash matches
    expect(page.body).not.toContain(`content="${DOCUMENT_CSP.replaceAll("'", '&#39;')}"`);
    const script = /<script data-preview>([\s\S]*?)<\/script>/.exec(page.body)![1]!;
    expect(PREVIEW_CSP).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    expect(readFileSync(join(root, 'out/2023/en/index.html'), 'utf8')).toContain(`content="${DOCUMENT_CSP.replaceAll("'", '&#39;')}"`);
  });

  it('shows an edited sentence after a reload event, rebuilding only that locale', async () => {
    const zhBefore = readFileSync(join(root, 'out/2023/zh/index.html'), 'utf8');
    const start = performance.now();
    setSentence('en', 'PREVIEW-EDIT-ONE: every number is computed.');
    const reload = await nextEvent('reload', start);
    const page = await fetchText('/en/index.html');
    expect(page.body).toContain('PREVIEW-EDIT-ONE: every number is computed.');
    expect(readFileSync(join(root, 'out/2023/en/index.html'), 'utf8')).toContain('PREVIEW-EDIT-ONE');
    expect(readFileSync(join(root, 'out/2023/zh/index.html'), 'utf8')).toBe(zhBefore);
    expect(builds.at(-1)!.locales).toEqual(['en']);
    // How fast is the benchmark's to say (`npm run bench`, its preview target): a timed bound here
    // failed on a busy machine (6.6 s under a load of 12 on 2 cores, 2.4 s alone).
    expect(reload.at).toBeGreaterThan(start);
  });

  it('sees a template edit, and keeps it through the locale-only rebuilds after it (the worker keeps the edition read last)', async () => {
    const chapterFile = /template:\s*(\S+)/.exec(readFileSync(join(root, 'templates/2023/edition.yaml'), 'utf8'))![1]!;
    const chapter = join(root, 'templates/2023', chapterFile);
    const good = readFileSync(chapter, 'utf8');
    try {
      let start = performance.now();
      writeFileSync(chapter, `${good}\n\nTEMPLATE-MARK-ONE\n`);
      await nextEvent('reload', start);
      expect((await fetchText('/en/index.html')).body).toContain('TEMPLATE-MARK-ONE');
      start = performance.now();
      setSentence('en', 'PREVIEW-EDIT-TWO: after the template.');
      await nextEvent('reload', start);
      expect(builds.at(-1)!.locales).toEqual(['en']);
      const page = (await fetchText('/en/index.html')).body;
      expect(page).toContain('PREVIEW-EDIT-TWO');
      expect(page).toContain('TEMPLATE-MARK-ONE');
    } finally {
      const start = performance.now();
      writeFileSync(chapter, good);
      await nextEvent('reload', start);
      setSentence('en', 'PREVIEW-EDIT-ONE: every number is computed.');
      await servedWith('/en/index.html', 'PREVIEW-EDIT-ONE'); // the state the next test starts from
    }
  });

  it('shows a build error in the page and keeps serving, then recovers', async () => {
    const chapterFile = /template:\s*(\S+)/.exec(readFileSync(join(root, 'templates/2023/edition.yaml'), 'utf8'))![1]!;
    const chapter = join(root, 'templates/2023', chapterFile);
    const good = readFileSync(chapter, 'utf8');
    let start = performance.now();
    writeFileSync(chapter, `${good}\n\n{{count papers.no_such_metric "papers"}}\n`);
    await nextEvent('problem', start);
    const broken = await fetchText('/en/index.html');
    expect(broken.status).toBe(200);
    expect(broken.body).toContain('id="preview-initial-problem"');
    expect(broken.body).toMatch(/no_such_metric/);
    expect(broken.body).toContain('PREVIEW-EDIT-ONE'); // the last good build is still there
    expect(lines.some((l) => l.includes('the build failed') && l.includes('no_such_metric'))).toBe(true);

    start = performance.now();
    writeFileSync(chapter, good);
    await nextEvent('reload', start);
    const fixed = await fetchText('/en/index.html');
    expect(fixed.body).not.toContain('id="preview-initial-problem"');
  });

  it('stops: the port no longer answers', async () => {
    const url = preview.url;
    stream.close();
    await preview.close();
    await expect(new Promise((done, fail) => get(url, done).on('error', fail))).rejects.toThrow();
    preview = undefined as unknown as Preview;
  });
});

describe('the preview\'s folder', () => {
  it('is its own, never the out/ of report build', () => {
    expect(previewOutDir('/p', undefined)).toBe('/p/.cache/preview');
    expect(previewOutDir('/p', '/tmp/x')).toBe('/tmp/x');
    expect(() => previewOutDir('/p', '/p/out')).toThrow(/the folder of `report build`/);
  });
});

describe('preview hosts', () => {
  it('are the loopback names with the port, and a specific listening address', () => {
    expect([...previewHosts('127.0.0.1', 4173)]).toEqual(['localhost:4173', '127.0.0.1:4173', '[::1]:4173']);
    expect(previewHosts('::1', 80).has('[::1]:80')).toBe(true);
    expect(previewHosts('192.168.1.5', 80).has('192.168.1.5:80')).toBe(true);
    expect(previewHosts('0.0.0.0', 80).has('0.0.0.0:80')).toBe(false);
  });
});

describe('preview page', () => {
  it('puts the script before </body>, and the error escaped', () => {
    const page = previewPage('<html><body><p>x</p></body></html>', '<b>bad</b> & wrong');
    expect(page).toMatch(/<p>x<\/p><div hidden id="preview-initial-problem">[^<>]*bad[^<>]*wrong<\/div><script data-preview>[\s\S]*<\/script><\/body><\/html>$/);
    expect(page).not.toContain('<b>bad');
  });
});
