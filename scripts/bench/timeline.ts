/**
 * `npx tsx scripts/bench/timeline.ts [--cache off|DIR] [--data DIR]`: one cold build of the edition
 * (both locales, PDF and HTML, as `report build` runs it), then every stage on one time line: when it
 * started and ended after the build began, and the process's CPU time (user + system, Node's threads
 * only: DuckDB's and the figure thread's included, Chromium's not) at each stage's end. To see what is
 * on the critical path and what overlaps, stage by stage, when the wall time alone is too noisy.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDuckDb } from '../../src/base/engine.ts';
import { tuneForBatchRun } from '../../src/base/process.ts';
import { browserIdentity } from '../../src/cache/printer.ts';
import { nodeEffects } from '../../src/effects.ts';
import { ensureChromium, nodeEnvironment } from '../../src/pdf/chromium.ts';
import { launchPrinter } from '../../src/pdf/print.ts';
import { build } from '../../src/pipeline.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { values: v } = parseArgs({ options: { cache: { type: 'string', default: 'off' }, data: { type: 'string' }, out: { type: 'string', default: '/tmp/report-timeline' } } });
const executable = ensureChromium(nodeEnvironment, { info: () => {}, warn: () => {} });
const cpuAt: { label: string; cpu: number; delta: string }[] = [];
const base = nodeEffects();
/** CPU seconds of each thread of this process (Linux /proc), by thread id: main thread, figure thread, DuckDB's, libuv's. */
const threads = (): Map<string, number> => {
  const out = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(`${tid}:${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}`, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch { /* the thread ended */ }
  }
  return out;
};
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const seen = new Map<string, number>();
const fx = { ...base, clock: { now: () => performance.now() }, log: { info: (line: string) => {
  const now = threads();
  const delta = [...now].map(([k, x]) => [k, x - (seen.get(k) ?? 0)] as const).filter(([, d]) => d >= 0.05).map(([k, d]) => `${k} ${d.toFixed(2)}`).join(', ');
  for (const [k, x] of now) seen.set(k, x);
  cpuAt.push({ label: line, cpu: cpu(), delta });
}, warn: () => {} } };
tuneForBatchRun(); // as bin/report.js does
const [t0, c0] = [performance.now(), cpu()];
const result = await build(
  { root: ROOT, edition: '2023', ...(v.data ? { data: resolve(v.data) } : {}), locales: ['zh', 'en'], formats: ['pdf', 'html'], outDir: v.out!, cacheDir: v.cache === 'off' ? null : resolve(v.cache!), figureThread: true },
  fx,
  { openEngine: openDuckDb, openPrinter: () => launchPrinter(executable), printerIdentity: () => browserIdentity(executable), fonts: { read: (face) => readFileSync(face.file) } },
);
const total = (performance.now() - t0) / 1000;
const origin = t0;
for (const s of result.stages) {
  const at = cpuAt.find((c) => c.label.startsWith(s.label));
  console.log(`${s.label.padEnd(14)} ${((s.start - origin) / 1000).toFixed(2).padStart(6)} → ${((s.end - origin) / 1000).toFixed(2).padStart(6)}  ${((s.end - s.start) / 1000).toFixed(2).padStart(5)} s   cpu ${at ? (at.cpu - c0).toFixed(2) : '?'} s   ${at?.delta ?? ''}`);
}
console.log(`total ${total.toFixed(2)} s, Node CPU ${(cpu() - c0).toFixed(2)} s; prints ${result.stages.filter((s) => s.label.startsWith('pdf ')).reduce((n, s) => n + (s.end - s.start) / 1000, 0).toFixed(2)} s`);
process.exit(0);
