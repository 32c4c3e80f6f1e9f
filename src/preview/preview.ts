/**
 * `report preview`: builds the HTML edition (no PDF), serves it, and rebuilds on every change of
 * templates, locales, data or code, telling open pages to reload. A failed build shows its error in
 * the page and the terminal; the server keeps running and the next good build clears it.
 *
 *   edits ─watch─▶ queue ─▶ worker process (build, HTML only) ─▶ out/<edition>/<locale>/index.html
 *                                                │ ok / error
 *   browser ◀── GET page (+ reload script) ◀── server ◀──┘  (server-sent events: reload | problem)
 *
 * An edit inside locales/shared/<locale>/ or locales/<edition>/<locale>/ rebuilds that locale only. A code edit (src/) restarts the worker,
 * since modules cannot be reloaded in a running process.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SRC } from '../cache/digest.ts';
import type { Logger } from '../effects.ts';
import type { Locale } from '../base/yaml.ts';
import { message } from '../messages.ts';
import { servePages, type PageServer } from './server.ts';
import { watchTrees, type Watcher } from './watch.ts';
import type { BuildReply, BuildRequest, WorkerConfig } from './worker.ts';

export interface PreviewOptions extends WorkerConfig {
  readonly host: string;
  readonly port: number;
  readonly log: Logger;
  /** Dataset folder to watch besides data/ (the edition's, when elsewhere), relative to root. */
  readonly watchData?: string;
  /** Restart the build process when code under src/ changes (default); tests on a shared tree turn it off. */
  readonly watchCode?: boolean;
}

export interface BuildOutcome {
  readonly ok: boolean;
  /** The build alone, in the worker. */
  readonly buildMs: number;
  /** From the first change noticed to the pages told to reload (or shown the error). */
  readonly latencyMs: number;
  readonly locales: readonly Locale[];
  readonly message?: string;
}

export interface Preview {
  readonly url: string;
  /** Called after each build, for tests and the benchmark. */
  onBuilt(listener: (outcome: BuildOutcome) => void): void;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);
const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const listeners: ((o: BuildOutcome) => void)[] = [];
  const root = resolve(options.root);
  const { edition, locales, outDir, cacheDir, data } = options;
  const workerConfig: WorkerConfig = { root, edition, locales, outDir, cacheDir, ...(data ? { data } : {}) };
  let closing = false;
  let nextId = 1;
  type Reply = BuildReply & { superseded?: boolean };
  /** The build process, its start-up, and the builds it has not answered yet. */
  interface Worker {
    readonly child: ChildProcess;
    readonly ready: Promise<void>;
    readonly waiting: Map<number, (reply: Reply) => void>;
  }
  let worker: Worker | null = null;

  const startWorker = (): Worker => {
    const child = fork(WORKER, [], {
      execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
      env: { ...process.env, REPORT_PREVIEW_CONFIG: JSON.stringify(workerConfig) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const waiting = new Map<number, (reply: Reply) => void>();
    const ready = new Promise<void>((done) => {
      child.on('message', (reply: BuildReply) => {
        if (reply.id === 0) return done();
        waiting.get(reply.id)?.(reply);
        waiting.delete(reply.id);
      });
      child.on('exit', (code) => {
        done();
        // Stopped on purpose (code changed): its pending build is superseded by the one queued after.
        // Crashed: the pending build fails with the exit code; the next change starts a new worker.
        const superseded = worker?.child !== child;
        if (!superseded) worker = null;
        for (const [id, answer] of waiting) answer({ id, ok: false, ms: 0, superseded, message: message('preview.worker-exit', { code: code ?? -1 }) });
        waiting.clear();
      });
    });
    return (worker = { child, ready, waiting });
  };

  const stopWorker = () => {
    const child = worker?.child;
    worker = null;
    if (child && child.exitCode === null) child.kill();
  };

  const runBuild = async (locales?: readonly Locale[]): Promise<Reply> => {
    const w = worker ?? startWorker();
    await w.ready;
    const id = nextId++;
    if (w.child.exitCode !== null || !w.child.connected) return { id, ok: false, ms: 0, message: message('preview.worker-exit', { code: w.child.exitCode ?? -1 }) };
    const reply = new Promise<Reply>((done) => w.waiting.set(id, done));
    w.child.send({ id, ...(locales ? { locales } : {}) } satisfies BuildRequest);
    return reply;
  };

  startWorker();
  const first = await runBuild();
  const server: PageServer = await servePages({ host: options.host, port: options.port, dir: join(options.outDir, options.edition), locales: options.locales, title: `report preview ${options.edition}` });
  server.problem(first.ok ? null : first.message!);
  if (!first.ok) options.log.warn(message('preview.failed', { detail: first.message! }));

  // One build at a time; changes arriving meanwhile are merged into the next one.
  let running = false;
  let queued: { locales: Set<Locale> | 'all'; since: number } | null = null;
  const pump = async () => {
    if (running || !queued || closing) return;
    running = true;
    const { locales, since } = queued;
    queued = null;
    const list = locales === 'all' ? undefined : [...locales];
    const reply = await runBuild(list);
    if (closing) return;
    if (reply.superseded) {
      running = false;
      return void pump();
    }
    const outcome: BuildOutcome = { ok: reply.ok, buildMs: reply.ms, latencyMs: performance.now() - since, locales: list ?? options.locales, ...(reply.message ? { message: reply.message } : {}) };
    if (reply.ok) {
      server.problem(null);
      server.reload();
      options.log.info(message('preview.rebuilt', { locales: outcome.locales, buildMs: reply.ms, latencyMs: outcome.latencyMs }));
    } else {
      server.problem(reply.message!);
      options.log.warn(message('preview.failed', { detail: reply.message! }));
    }
    for (const l of listeners) l(outcome);
    running = false;
    void pump();
  };
  const request = (locales: Set<Locale> | 'all', since: number) => {
    if (!queued) queued = { locales, since };
    else if (locales === 'all' || queued.locales === 'all') queued.locales = 'all';
    else for (const l of locales) queued.locales.add(l);
    void pump();
  };

  /** The locales an edit concerns: a locale's folder (locales/shared/<locale>/ or locales/<edition>/<locale>/) → that locale; anything else → all. */
  const localesOf = (paths: readonly string[]): Set<Locale> | 'all' => {
    const found = new Set<Locale>();
    for (const p of paths) {
      const [top, , locale] = relative(root, p).split(sep);
      if (top !== 'locales' || !options.locales.includes(locale as Locale)) return 'all';
      found.add(locale as Locale);
    }
    return found;
  };

  const inputs = ['templates', 'locales', 'data', ...(options.watchData ? [options.watchData] : [])].map((d) => resolve(root, d));
  const watchers: Watcher[] = [
    watchTrees(inputs, (paths, firstAt) => request(localesOf(paths), firstAt)),
    watchTrees(options.watchCode === false ? [] : [SRC], (paths, firstAt) => {
      if (!paths.some((p) => /\.(ts|js|sql)$/.test(p))) return;
      options.log.info(message('preview.restarting', { file: relative(root, paths[0]!) }));
      stopWorker();
      request('all', firstAt);
    }),
  ];
  options.log.info(message('preview.listening', { url: `${server.url}${options.locales[0]}/index.html` }));

  return {
    url: server.url,
    onBuilt: (listener) => void listeners.push(listener),
    async close() {
      closing = true;
      for (const w of watchers) w.close();
      stopWorker();
      await server.close();
    },
  };
}
