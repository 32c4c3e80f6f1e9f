/**
 * Finding Chromium, and installing Debian's package when it is missing and we are root (the README's
 * first command must work on a fresh machine). No browser is ever downloaded: that fails here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Logger } from '../effects.ts';
import { ReportError } from '../errors.ts';
import { message } from '../messages.ts';

export const CANDIDATES = ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
export const INSTALL_COMMAND = 'apt-get update && apt-get install -y --no-install-recommends chromium';

export interface Environment {
  readonly env: Readonly<Record<string, string | undefined>>;
  exists(path: string): boolean;
  isRoot(): boolean;
  /** Runs a shell command with inherited output; true when it succeeded. */
  sh(command: string): boolean;
}

export const nodeEnvironment: Environment = {
  env: process.env,
  exists: existsSync,
  isRoot: () => process.getuid?.() === 0,
  sh: (command) => spawnSync('sh', ['-c', command], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0,
};

/** The Chromium binary to use: PUPPETEER_EXECUTABLE_PATH if set, else the first Debian location found. */
export function findChromium(e: Environment): string | null {
  const configured = e.env.PUPPETEER_EXECUTABLE_PATH;
  if (configured) return e.exists(configured) ? configured : null;
  return CANDIDATES.find((p) => e.exists(p)) ?? null;
}

/** Finds Chromium, installing it with apt-get when missing and running as root; otherwise says how. */
export function ensureChromium(e: Environment, log: Logger): string {
  const found = findChromium(e);
  if (found) return found;
  const tried = e.env.PUPPETEER_EXECUTABLE_PATH ? [e.env.PUPPETEER_EXECUTABLE_PATH] : CANDIDATES;
  if (!e.env.PUPPETEER_EXECUTABLE_PATH && e.isRoot() && e.exists('/usr/bin/apt-get')) {
    log.info(message('chromium.installing', { command: INSTALL_COMMAND }));
    if (!e.sh(INSTALL_COMMAND)) throw ReportError.of('chromium.install-failed', { command: INSTALL_COMMAND });
    const installed = findChromium(e);
    if (installed) return installed;
  }
  const install = e.isRoot() ? INSTALL_COMMAND : `sudo sh -c '${INSTALL_COMMAND}'`;
  throw ReportError.of('chromium.missing', { tried, install });
}
