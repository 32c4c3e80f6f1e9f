/**
 * Peak memory of a build, per stage: the resident memory of the build's whole process tree (Node with
 * DuckDB inside it, plus Chromium's processes) sampled from /proc at a fixed interval. Shared pages of
 * Chromium's processes are counted in each, so the figure is an upper bound, the way `top` would add up.
 * The same samples give the tree's CPU time: each process's, as last seen.
 */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;

export interface Sample {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly bytes: number;
}

function parentOf(pid: string): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name is in parentheses and may contain spaces: fields start after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? null;
  } catch {
    return null;
  }
}

function rss(pid: string): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'latin1').split(' ')[1]) * PAGE;
  } catch {
    return 0;
  }
}

/**
 * Each process's parent, read once per process: a process keeps its parent (or, orphaned, is no longer
 * in the tree), so a sample reads only the new ones' stat. Reading every process's stat at every
 * sample cost ~5 ms of CPU with a browser running, ~5 % of this 2-core machine at 20 samples a second,
 * taken from the build being measured.
 */
const parents = new Map<string, string | null>();

/** CPU seconds (user + system, all threads) of a process so far; null when it is gone. */
function cpuOf(pid: string): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Resident bytes of `root` and all its descendants; with `cpu`, each one's CPU seconds recorded in it
 * by process id (the largest seen: a process's time only grows).
 */
export function treeRss(root: number, cpu?: Map<string, number>): number {
  const listed = readdirSync('/proc').filter((pid) => /^\d+$/.test(pid));
  const alive = new Set(listed);
  for (const pid of parents.keys()) if (!alive.has(pid)) parents.delete(pid); // gone: its pid may come back as another process
  const children = new Map<string, string[]>();
  for (const pid of listed) {
    if (!parents.has(pid)) parents.set(pid, parentOf(pid));
    const parent = parents.get(pid);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  let total = 0;
  const stack = [String(root)];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss(pid);
    if (cpu) {
      const used = cpuOf(pid);
      if (used !== null) cpu.set(pid, Math.max(used, cpu.get(pid) ?? 0));
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Samples the tree of `pid` every `intervalMs` until stopped. `cpu()`: the CPU seconds of every process
 * of the tree as last sampled, summed: a process that exits between samples loses at most its last
 * interval. (Not the parent's count of its waited-for children: Chromium's renderers are not all
 * waited for by an ancestor, and their time went missing there.)
 */
export function sampleMemory(pid: number, intervalMs = 50): { stop(): Sample[]; cpu(): number } {
  const samples: Sample[] = [];
  const cpu = new Map<string, number>();
  const take = () => samples.push({ at: Date.now(), bytes: treeRss(pid, cpu) });
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return samples;
    },
    cpu: () => [...cpu.values()].reduce((a, b) => a + b, 0),
  };
}

/** The largest sample within [start, end]; for a stage shorter than the interval, the next sample after its start. */
export function peakBetween(samples: readonly Sample[], start: number, end: number): number {
  let peak = 0;
  for (const s of samples) if (s.at >= start && s.at <= end) peak = Math.max(peak, s.bytes);
  if (peak === 0) peak = samples.find((s) => s.at >= start)?.bytes ?? 0;
  return peak;
}
