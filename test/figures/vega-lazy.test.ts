/**
 * vega and vega-lite are loaded by the thread that draws, when it first draws (src/figures/vega.ts):
 * a build's main thread, whose figures the figure thread draws, does not spend ~0.5 s loading them
 * before its data load can start. Checked in a child process whose module resolutions are recorded.
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = (file: string) => pathToFileURL(new URL(`../../src/${file}`, import.meta.url).pathname).href;

/** The vega packages' modules resolved after the child imports `modules` and runs `then` (ESM text). */
function chartModulesLoaded(modules: readonly string[], then = ''): string[] {
  const hook = `let port; export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) { const r = await next(specifier, context); port.postMessage(r.url); return r; }`;
  const script = `import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const seen = [];
port1.on('message', (url) => seen.push(url));
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}), { data: { port: port2 }, transferList: [port2] });
const loaded = await Promise.all(${JSON.stringify(modules)}.map((m) => import(m)));
${then}
await new Promise((r) => setTimeout(r, 200));
port1.close();
console.log(JSON.stringify(seen.filter((u) => /node_modules\\/vega(-lite)?\\//.test(u))));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as string[];
}

describe('the chart libraries', () => {
  it('are not loaded with the pipeline, the figure thread or the figures stage', () => {
    expect(chartModulesLoaded([src('pipeline.ts'), src('cache/figure-threads.ts'), src('figures/render.ts'), src('cache/figures.ts')])).toEqual([]);
  }, 60_000);

  it('are loaded when a chart is first drawn', () => {
    const draw = `await loaded[0].renderSvg({ data: { values: [{ k: 'a', v: 1 }] }, mark: 'bar', encoding: { x: { field: 'v', type: 'quantitative' }, y: { field: 'k', type: 'nominal' } } }, { id: 'x', title: 't', description: 'd' });`;
    const seen = chartModulesLoaded([src('figures/vega.ts')], draw);
    expect(seen.some((u) => u.includes('/node_modules/vega/'))).toBe(true);
    expect(seen.some((u) => u.includes('/node_modules/vega-lite/'))).toBe(true);
  }, 60_000);
});
