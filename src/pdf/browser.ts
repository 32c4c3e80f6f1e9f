/**
 * Launching headless Chromium for printing, cut off from every network and tied to this process:
 *
 * - No network. Every host name resolves to nothing (`--host-resolver-rules`), and every connection,
 *   to an IP literal or loopback included, goes through a proxy on a closed local port
 *   (`--proxy-server`, with `<-loopback>` removing the implicit loopback bypass), so it fails.
 *   WebSockets, which request interception does not see, go through the same proxy. The background
 *   services that phone home at start (component updates, sync, field trials …) are switched off.
 * - Over a pipe (`--remote-debugging-pipe`): no debugging port anyone on the machine could connect to,
 *   and Chromium exits by itself when the pipe closes, that is when this process dies, even by SIGKILL.
 * - Its own process group (puppeteer spawns it detached) and its own profile folder
 *   (`<tmp>/report-chromium-<pid>-XXXXXX`). Closing, a failed build, process exit, SIGINT and
 *   SIGTERM kill the whole group and remove the folder; a folder left by a process that was killed
 *   outright (SIGKILL: no handler runs) is removed by the next launch.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { ReportError } from '../errors.ts';
import { isAlive, processesNaming } from '../base/process.ts';

/**
 * A local port nothing listens on: the discard port, never served on a build machine. Should
 * something listen there, it would receive proxy requests, still never reach a real host.
 */
const CLOSED_PROXY = 'http://127.0.0.1:9';

/** Flags that make every name unresolvable and every connection fail. */
export const NETWORK_ARGS = [
  '--host-resolver-rules=MAP * ~NOTFOUND',
  `--proxy-server=${CLOSED_PROXY}`,
  '--proxy-bypass-list=<-loopback>',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-pings',
  '--no-first-run',
  '--no-default-browser-check',
  '--dns-prefetch-disable',
  '--webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--force-webrtc-ip-handling-policy',
];

/** Flags for a headless Chromium on a machine with no GPU, printing with unhinted fonts. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none', '--disable-crash-reporter', '--disable-breakpad', ...NETWORK_ARGS];

/**
 * The browser starts with no window: every print opens its own page (print.ts). Headless Chromium
 * otherwise opens an about:blank tab at launch, whose renderer process starts and then idles for the
 * whole build: measured on 2 cores, the launch took ~0.5 s and ~2 s of CPU with it against ~0.25 s
 * and ~0.5 s without (the renderer ~1 s, the browser's own start ~0.4 s). puppeteer must then not
 * wait for that first page (`waitForInitialPage: false`).
 */
const NO_FIRST_PAGE_ARGS = ['--no-startup-window'];

/**
 * No browser UI made in the background. Chromium 156, headless too, builds its address bar's popup
 * as two WebUI pages (chrome://omnibox-popup.top-chrome and its AI-mode variant) in a renderer of
 * their own, which worked along with every print: ~0.8 s of CPU per page printed, measured on this
 * machine (`Target.getTargets` lists them as `browser_ui`). Disabled, no such renderer starts. A
 * single --disable-features flag: Chromium reads only the last one given.
 */
const NO_BROWSER_UI_ARGS = ['--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'];

/**
 * Chromium's environment: its home and XDG folders inside the profile folder, so that nothing it
 * writes (the crash reporter's database, caches, settings) lands outside the folder that is removed.
 */
export function browserEnvironment(profile: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return { ...out, HOME: profile, XDG_CONFIG_HOME: join(profile, '.config'), XDG_CACHE_HOME: join(profile, '.cache'), XDG_DATA_HOME: join(profile, '.local') };
}

export const PROFILE_PREFIX = 'report-chromium-';

export interface LaunchedBrowser {
  readonly browser: Browser;
  /** Chromium's process id, also its process group's. */
  readonly pid: number;
  readonly profile: string;
  /** Closes the browser politely within `ms`, then kills what is left; the profile folder is removed. */
  close(ms: number): Promise<void>;
  /** Kills the whole process group at once and removes the profile folder (synchronous: safe in an exit handler). */
  kill(): void;
}

export interface LaunchOptions {
  readonly timeoutMs: number;
  /** Where profile folders go (default: the OS temp folder). */
  readonly tmp?: string;
}

/** How many times a killed browser's folder is removed, its processes killed again between tries. */
const KILL_ATTEMPTS = 5;

export async function launchBrowser(executablePath: string, options: LaunchOptions): Promise<LaunchedBrowser> {
  const tmp = options.tmp ?? tmpdir();
  removeStaleProfiles(tmp);
  const profile = mkdtempSync(join(tmp, `${PROFILE_PREFIX}${process.pid}-`));
  // The clean-up is in place before Chromium starts: a signal during the launch kills what has
  // started so far (every process naming the profile) and removes the folder, as it does later.
  let pid = 0;
  let done = false;
  /** Kills every process of the browser, once: true the first time (the profile folder is then the caller's to remove). */
  /** The browser's group, then any helper it started in a group of its own (they name the profile). */
  const killProcesses = () => {
    for (const target of [pid ? -pid : 0, ...processesNaming(profile)]) {
      try {
        if (target) process.kill(target, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  const stop = () => {
    if (done) return false;
    done = true;
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.off('exit', kill);
    killProcesses();
    return true;
  };
  const kill = () => {
    if (!stop()) return;
    // Killed just after its launch, Chromium may still be starting helpers: one forked after the
    // others were listed lives on and writes into the folder (rmdir then fails, ENOTEMPTY). Killed
    // in turn, and the folder removed again. Synchronous throughout: this runs in signal and exit handlers.
    for (let attempt = 1; ; attempt++) {
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
        return;
      } catch (error) {
        if (attempt === KILL_ATTEMPTS) throw error;
        killProcesses();
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      }
    }
  };
  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((signal) => {
    const handler = () => {
      kill();
      // What the signal would have done without a handler: end the process, with the shell's code for it.
      process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal]);
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  process.once('exit', kill);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      userDataDir: profile,
      args: [...CHROMIUM_ARGS, ...NO_FIRST_PAGE_ARGS, ...NO_BROWSER_UI_ARGS],
      waitForInitialPage: false,
      env: browserEnvironment(profile),
      timeout: options.timeoutMs,
      protocolTimeout: options.timeoutMs,
      // Signals are handled here (the profile folder must go too); puppeteer still kills the group on exit.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    kill();
    // puppeteer's text for a timeout names its own settings; the user needs to know it did not answer
    const detail = /timed? ?out/i.test(firstLine(error)) ? `it did not answer within ${options.timeoutMs / 1000} s` : firstLine(error).replace(/\.+$/, '');
    throw ReportError.of('chromium.launch-failed', { executable: executablePath, detail }, error);
  }
  pid = browser.process()?.pid ?? 0;
  return {
    browser,
    pid,
    profile,
    kill,
    async close(ms) {
      if (done) return;
      await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, ms).unref())]);
      // Removed without blocking the thread: a build writes its outputs meanwhile (pipeline.ts), and
      // on a busy disk the profile's ~200 files took up to a second of a synchronous rmSync.
      if (stop()) await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/** Profile folders of processes that no longer run (killed outright, so no handler removed them). */
export function removeStaleProfiles(tmp: string): string[] {
  let names: string[];
  try {
    names = readdirSync(tmp);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(new RegExp(`^${PROFILE_PREFIX}(\\d+)-`).exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    rmSync(join(tmp, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}
