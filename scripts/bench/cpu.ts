/**
 * CPU time of a browser, for the benchmark: on this shared 2-core machine a print's wall time swings
 * by ±20 % with what else runs, its CPU time much less.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const stats = () =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(join('/proc', pid, 'stat'), 'utf8');
        return [{ pid, fields: stat.slice(stat.lastIndexOf(')') + 2).split(' ') }];
      } catch {
        return []; // gone
      }
    });

/**
 * CPU seconds of a process group so far, its reaped children included (utime, stime, cutime, cstime):
 * the renderer of a closed page still counts, through its parent.
 */
export function groupCpu(pgid: number): number {
  let ticks = 0;
  for (const { fields } of stats()) if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  return ticks / 100;
}

/** How many processes the group has now. */
export const groupSize = (pgid: number): number => stats().filter(({ fields }) => Number(fields[2]) === pgid).length;

/**
 * Waits until the group is down to `size` processes (a closed page's renderer has exited and been
 * reaped, so its CPU time is counted in its parent's), or `ms` passed.
 */
export async function settled(pgid: number, size: number, ms = 3000): Promise<void> {
  const until = performance.now() + ms;
  while (groupSize(pgid) > size && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
}

/**
 * The process group of the browser this process launched through browser.ts (its profile folder names
 * this process), other than `except`: launchPrinter does not tell its browser's pid.
 */
export function launchedGroup(except: readonly number[] = []): number {
  for (const { pid, fields } of stats()) {
    const group = Number(fields[2]);
    // The browser leads its group; a helper it starts in a group of its own names the profile too.
    if (Number(pid) !== group || except.includes(group)) continue;
    try {
      if (readFileSync(join('/proc', pid, 'cmdline'), 'utf8').includes(`report-chromium-${process.pid}-`)) return group;
    } catch {
      /* gone */
    }
  }
  throw new Error('the browser launched by this process was not found');
}
