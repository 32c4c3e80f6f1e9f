import { readdirSync, readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

/**
 * How much bytecode a function runs before V8 considers optimizing it (its `--interrupt-budget`;
 * V8 11.3's default is 67,584). A command is a short batch run: with the default, a cold build had
 * TurboFan compile ~2,200 functions, ~4 s of CPU on the background threads (`perf`: 12 % of the
 * build's CPU), most of them code that runs for a moment (module set-up, one figure's spec, one
 * chapter). With 400,000, ~830 are, the hot loops (vega's dataflow, the fonts' measuring) still
 * among them. Cold build, 2 cores, 7 runs against 4: 14.7 s against 16.5 s (medians), CPU ~20 s
 * against ~24 s.
 */
export const INTERRUPT_BUDGET = 400_000;

/**
 * Tunes V8 for a command that runs once and exits (src/cli/main.ts: tuneForCommand, which bin/report.js
 * calls before the command starts; the benchmark's build child too): fewer functions optimized, see
 * INTERRUPT_BUDGET. Process-wide, worker threads included; functions compiled before it keep the
 * default.
 */
export function tuneForBatchRun(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

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
