/**
 * The preview's HTTP side (node:http, loopback only by default): each locale's HTML edition as built on
 * disk, with the reload script added on the way out; and a server-sent event stream telling open pages
 * to reload, or showing them the build error. Nothing else is served: no path reaches the file system.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { EVENTS_PATH, PREVIEW_CSP, placeholderPage, previewPage } from './inject.ts';

export interface PageServer {
  readonly url: string;
  /** Every open page reloads. */
  reload(): void;
  /** Every open page shows the error (and so does any page loaded until the next good build). */
  problem(text: string | null): void;
  close(): Promise<void>;
}

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  /** Folder of the edition's outputs: <dir>/<locale>/index.html. */
  readonly dir: string;
  readonly locales: readonly string[];
  readonly title: string;
}

export async function servePages(options: ServeOptions): Promise<PageServer> {
  const streams = new Set<ServerResponse>();
  let problem: string | null = null;
  const send = (event: string, data: string) => {
    for (const res of streams) res.write(`event: ${event}\ndata: ${data}\n\n`);
  };

  let allowedHosts = new Set<string>();
  const server = createServer((req, res) => {
    // DNS rebinding: a page of another site whose name is made to resolve to 127.0.0.1 sends its own
    // name as Host. Only this machine's names, with our port, are answered.
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) return void res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('misdirected request: this preview answers to localhost only\n');
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    if (path === EVENTS_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': preview\n\n');
      if (problem !== null) res.write(`event: problem\ndata: ${JSON.stringify(problem)}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (path === '/' || path === '/index.html') return void res.writeHead(302, { location: `/${options.locales[0]}/index.html` }).end();
    const locale = /^\/([a-z]{2})\/(?:index\.html)?$/.exec(path)?.[1];
    if (!locale || !options.locales.includes(locale)) return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    readFile(join(options.dir, locale, 'index.html'), 'utf8').then(
      (html) => page(res, previewPage(html, problem)),
      () => page(res, placeholderPage(options.title, problem)),
    );
  });
  // Pages keep their event stream open: without this, close() would wait for them.
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': ping\n\n');
  }, 15_000);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => done());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  allowedHosts = previewHosts(options.host, port);
  return {
    url: `http://${host}:${port}/`,
    reload: () => send('reload', String(Date.now())),
    problem(text) {
      problem = text;
      if (text !== null) send('problem', JSON.stringify(text));
    },
    async close() {
      clearInterval(heartbeat);
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/**
 * The Host header values the preview answers: localhost, 127.0.0.1 and [::1] with its port, and the
 * address it was told to listen on when that is a specific one (not 0.0.0.0 or ::).
 */
export function previewHosts(listen: string, port: number): Set<string> {
  const names = ['localhost', '127.0.0.1', '[::1]'];
  if (!['0.0.0.0', '::', ''].includes(listen)) names.push(listen.includes(':') ? `[${listen.toLowerCase()}]` : listen.toLowerCase());
  return new Set(names.map((n) => `${n}:${port}`));
}

function page(res: ServerResponse, html: string): void {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': PREVIEW_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}
