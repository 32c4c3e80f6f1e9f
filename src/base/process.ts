import { readdirSync, readFileSync } from 'node:fs';

/**
 * Whether a process id still names a running process: the test behind every clean-up of
 * temporaries, staging folders and browser profiles that a build left when it was killed.
 * `kill(pid, 0)` sends nothing; EPERM means the process exists but belongs to someone else,
 * so it is alive and its files are not ours to remove.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The processes whose command line names `text` (a browser's profile folder, say), found through
 * /proc; none where there is no /proc. Chromium starts helpers, such as its crash reporter, in
 * process groups of their own: killing the browser's group does not reach them, their arguments do.
 */
export function processesNaming(text: string): number[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text)) found.push(Number(pid));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}
