/**
 * The print's browser: no network (a local TCP server receives no connection, WebSocket included),
 * page scripts off, every step bounded, and no Chromium process or profile folder left behind, whether
 * the printer is closed, the build gets SIGTERM, or the node process is killed outright.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { launchBrowser, PROFILE_PREFIX, removeStaleProfiles } from '../../src/pdf/browser.ts';
import { bounded, isolate, launchPrinter } from '../../src/pdf/print.ts';
import { until } from '../helpers/waiting.ts';

const chromium = findChromium(nodeEnvironment)!;
const metadata = { title: 't', author: 'a', subject: 's', keywords: [], creator: 'report-compiler', date: '2023-01-01' };

let server: Server;
let port = 0;
let connections = 0;
beforeAll(async () => {
  server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** Every request a page could make to our server, by every means a page has. */
const reaching = () => `<!DOCTYPE html><html><head><link rel="stylesheet" href="http://127.0.0.1:${port}/css"><link rel="prefetch" href="http://localhost:${port}/p"></head>
<body><p>text</p><img src="http://127.0.0.1:${port}/img"><img src="http://printer-test.example/x"><iframe src="http://127.0.0.1:${port}/frame"></iframe>
<script>window.ran = 1; new WebSocket('ws://127.0.0.1:${port}/ws'); fetch('http://127.0.0.1:${port}/fetch').catch(() => {}); new EventSource('http://[::1]:${port}/es'); navigator.sendBeacon('http://127.0.0.1:${port}/b', 'x'); alert('x');</script></body></html>`;

/** Processes whose command line names this profile folder. */
function processesUsing(profile: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) found.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}


describe('the print browser', () => {
  it('reaches no network even with page scripts on: every connection fails, WebSockets too', async () => {
    const launched = await launchBrowser(chromium, { timeoutMs: 30_000 });
    try {
      const page = await launched.browser.newPage();
      await isolate(page, 30_000, { pageScripts: true });
      const blocked: string[] = [];
      page.on('requestfailed', (r) => blocked.push(r.url()));
      await page.setContent(reaching(), { waitUntil: 'load' });
      await new Promise((r) => setTimeout(r, 1500));
      expect(await page.evaluate('window.ran')).toBe(1); // the script ran, and still reached nothing
      expect(connections).toBe(0);
    } finally {
      await launched.close(5000);
    }
  });

  it('loads its document from a file, and nothing else from a file: a picture, a style sheet or a frame naming one fails', async () => {
    const launched = await launchBrowser(chromium, { timeoutMs: 30_000 });
    const dir = mkdtempSync(join(tmpdir(), 'report-isolate-'));
    try {
      // A picture that would load (a valid PNG), a style sheet and a page beside the document.
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
      writeFileSync(join(dir, 'pixel.png'), png);
      writeFileSync(join(dir, 'style.css'), 'p { color: red }');
      writeFileSync(join(dir, 'other.html'), '<p>other</p>');
      const url = pathToFileURL(join(dir, 'document.html')).href;
      writeFileSync(join(dir, 'document.html'), `<!DOCTYPE html><html><head><link rel="stylesheet" href="style.css"></head><body><p>text</p><img id="local" src="pixel.png"><img id="data" src="data:image/png;base64,${png.toString('base64')}"><iframe src="other.html"></iframe><img src="http://127.0.0.1:${port}/img"></body></html>`);
      const page = await launched.browser.newPage();
      await isolate(page, 30_000, { document: url });
      const failed: string[] = [];
      page.on('requestfailed', (r) => failed.push(r.url().replace(pathToFileURL(dir).href, '.')));
      await page.goto(url, { waitUntil: 'load' });
      expect(await page.evaluate(`document.querySelector('p').textContent`)).toBe('text');
      expect(await page.evaluate(`[document.getElementById('local').naturalWidth, document.getElementById('data').naturalWidth]`)).toEqual([0, 1]);
      expect(await page.evaluate(`getComputedStyle(document.querySelector('p')).color`)).toBe('rgb(0, 0, 0)');
      expect(failed.sort()).toEqual(['./other.html', './pixel.png', './style.css', `http://127.0.0.1:${port}/img`]);
      expect(connections).toBe(0);
    } finally {
      await launched.close(5000);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints a document without running its scripts, and refuses one that carries any', async () => {
    const printer = await launchPrinter(chromium, { stepTimeoutMs: 30_000 });
    try {
      const ok = await printer.print('<!DOCTYPE html><html><body><h1 id="a">Plain</h1><nav class="toc"></nav></body></html>', 'en', metadata);
      expect(ok.pages).toBeGreaterThan(0);
      await expect(printer.print(reaching(), 'en', metadata)).rejects.toThrow(/could run as a script \(iframe, script\)/);
      await expect(printer.print('<p>x</p><img src="data:," onerror="window.x=1"><svg><a href="javascript:alert(1)"><text>y</text></a></svg>', 'en', metadata)).rejects.toThrow(
        /could run as a script \(a\[href\], img\[onerror\]\)/,
      );
      expect(connections).toBe(0);
    } finally {
      await printer.close();
    }
  });

  it('starts with no page and makes no browser UI: no renderer runs but the pages\' own', async () => {
    const launched = await launchBrowser(chromium, { timeoutMs: 30_000 });
    try {
      const cmdline = (pid: number) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        } catch {
          return ''; // gone meanwhile
        }
      };
      const renderers = (only = '') => processesUsing(launched.profile).filter((pid) => cmdline(pid).includes(`--type=renderer${only}`)).length;
      expect(await launched.browser.pages()).toHaveLength(0);
      await new Promise((r) => setTimeout(r, 500)); // a first tab's renderer would have started by now
      expect(renderers()).toBe(0);
      const page = await launched.browser.newPage();
      await page.goto('data:text/html,<p>x</p>');
      expect(renderers()).toBeGreaterThan(0);
      // The address bar's popup (WebUI pages in a renderer of their own) is not made.
      const cdp = await launched.browser.target().createCDPSession();
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
      expect(targetInfos.filter((t) => t.type === 'page').map((t) => t.url)).toEqual(['data:text/html,<p>x</p>']);
      expect(targetInfos.filter((t) => t.type === 'browser_ui')).toEqual([]);
      expect(renderers(' --top-chrome-webui')).toBe(0);
      await page.close();
    } finally {
      await launched.close(5000);
    }
  });

  it('bounds every step: a page that never answers fails in seconds with a clear message, and closing kills the browser', async () => {
    const launched = await launchBrowser(chromium, { timeoutMs: 30_000 });
    const page = await launched.browser.newPage();
    const start = Date.now();
    await expect(bounded('pagination', 1500, page.evaluate('for (;;) {}'))).rejects.toThrow('the browser did not finish the step "pagination" within 1.5 s');
    expect(Date.now() - start).toBeLessThan(5000);
    const closing = Date.now();
    await launched.close(2000);
    expect(Date.now() - closing).toBeLessThan(4000);
    expect(await until(() => processesUsing(launched.profile).length === 0, 5000)).toBe(true);
    expect(existsSync(launched.profile)).toBe(false);
  });

  it('says in one line when Chromium hangs at start, within the limit, and leaves nothing running', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-hang-'));
    const fake = join(dir, 'chromium');
    writeFileSync(fake, '#!/bin/sh\nexec sleep 60 # report-hang-marker\n', { mode: 0o755 });
    const start = Date.now();
    const error = (await launchBrowser(fake, { timeoutMs: 2000, tmp: dir }).catch((e: unknown) => e)) as Error;
    expect(Date.now() - start).toBeLessThan(8000);
    expect(error.name).toBe('ReportError');
    expect(error.message).toMatch(/^Chromium \(.+\) could not be started: it did not answer within 2 s\. /);
    expect(await until(() => processesUsing(dir).length === 0, 5000)).toBe(true);
    expect(readdirSync(dir)).toEqual(['chromium']); // its profile folder is gone
    rmSync(dir, { recursive: true, force: true });
  });

  it('says in one line when Chromium cannot start', async () => {
    const error = (await launchBrowser('/bin/false', { timeoutMs: 10_000 }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ReportError');
    expect(error.message).toMatch(/^Chromium \(\/bin\/false\) could not be started: .+PUPPETEER_EXECUTABLE_PATH/);
    expect(error.message).not.toContain('\n');
  });
});

/** A node process that launches the browser, says where its profile is, and waits to be killed. */
function childWithBrowser(tmp: string): Promise<{ child: ReturnType<typeof spawn>; pid: number; profile: string }> {
  const code = `const { launchBrowser } = await import(${JSON.stringify(new URL('../../src/pdf/browser.ts', import.meta.url).pathname)});
const b = await launchBrowser(${JSON.stringify(chromium)}, { timeoutMs: 30000, tmp: ${JSON.stringify(tmp)} });
process.stdout.write(JSON.stringify({ pid: b.pid, profile: b.profile }) + '\\n');
setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done, fail) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) done({ child, ...(JSON.parse(out) as { pid: number; profile: string }) });
    });
    child.once('exit', (code) => fail(new Error(`child exited (${code}) before launching: ${out}`)));
  });
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

describe('no browser outlives its build', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'report-isolation-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('SIGTERM: the whole browser group is killed and the profile folder removed', async () => {
    const { child, pid, profile } = await childWithBrowser(tmp);
    expect(alive(pid)).toBe(true);
    const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(143);
    expect(await until(() => processesUsing(profile).length === 0, 5000)).toBe(true);
    expect(existsSync(profile)).toBe(false);
  });

  it('SIGINT (Ctrl-C) as SIGTERM: exit 130, every process of the browser gone, its crash reporter too, and the folder removed', async () => {
    const { child, pid, profile } = await childWithBrowser(tmp);
    // Chromium's home is its profile folder: what it writes (the crash reporter's database …) goes there.
    expect(readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')).toContain(`HOME=${profile}`);
    const before = processesUsing(profile);
    expect(before.length).toBeGreaterThan(1);
    const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGINT');
    expect(await exit).toBe(130);
    expect(await until(() => processesUsing(profile).length === 0, 5000)).toBe(true);
    expect(existsSync(profile)).toBe(false);
  });

  it('SIGKILL: Chromium exits by itself when its pipe closes; the next launch removes the left profile', async () => {
    const { child, pid, profile } = await childWithBrowser(tmp);
    child.kill('SIGKILL');
    expect(await until(() => processesUsing(profile).length === 0 && !alive(pid), 10_000)).toBe(true);
    expect(existsSync(profile)).toBe(true); // no handler runs on SIGKILL
    mkdirSync(join(tmp, `${PROFILE_PREFIX}${process.pid}-mine`)); // a live process's folder is kept
    expect(removeStaleProfiles(tmp)).toEqual([profile.slice(tmp.length + 1)]);
    expect(existsSync(profile)).toBe(false);
    expect(existsSync(join(tmp, `${PROFILE_PREFIX}${process.pid}-mine`))).toBe(true);
  });
});
