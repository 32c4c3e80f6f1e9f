/**
 * `npx tsx scripts/bench/figures-stage.ts METRICS_JSON [OUT_FILE] [--threads]`: the figures stage
 * alone, both locales, on a metrics.json a build wrote (full data: out/<edition>/metrics.json). Prints
 * wall and CPU time per locale and a digest of every SVG drawn, so that a change meant to keep the
 * output byte for byte can be checked on full data without a whole build; OUT_FILE gets the SVGs.
 * With --threads, as `report build` draws them: the figure thread (src/cache/figure-threads.ts) started
 * first and given both locales (CPU time is the process's, both threads); --threads=help: the main
 * thread drawing too, at each locale, what the worker has not taken.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countryNames } from '../../src/base/countries.ts';
import { readEdition } from '../../src/base/edition.ts';
import { createTranslator, readLocale } from '../../src/base/i18n.ts';
import { numberFigures } from '../../src/base/slots.ts';
import type { Locale } from '../../src/base/yaml.ts';
import { nodeEffects } from '../../src/effects.ts';
import { renderFigures } from '../../src/figures/render.ts';
import { renderSvg } from '../../src/figures/vega.ts';
import { FigureThreads } from '../../src/cache/figure-threads.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const threaded = process.argv.includes('--threads') || process.argv.includes('--threads=help');
const [metricsFile, outFile] = process.argv.slice(2).filter((a) => !a.startsWith('--threads'));
if (!metricsFile) throw new Error('usage: figures-stage.ts METRICS_JSON [OUT_FILE]');
const metrics = JSON.parse(readFileSync(metricsFile, 'utf8')) as MetricsDocument;
const fx = nodeEffects();
const edition = await readEdition(fx.fs, join(ROOT, 'templates'), '2023');
const numbers = numberFigures(edition);
const all: string[] = [];
const locales: Locale[] = ['zh', 'en'];
const bundles = await Promise.all(locales.map((locale) => readLocale(fx.fs, join(ROOT, 'locales'), '2023', locale)));
const threads = threaded ? new FigureThreads({ root: ROOT, edition: '2023', locales, cacheDir: null }, process.argv.includes('--threads=help')) : null;
// In a build the thread loads its modules while the data loads (5 s and more on full data): so here
// it is given 4 s before the clock starts, and its figures then.
if (threads) await new Promise((r) => setTimeout(r, 4000));
threads?.share(metrics, numbers, locales.map((locale, i) => ({ locale, bundle: bundles[i]! })), true);
const [started, startCpu] = [performance.now(), process.cpuUsage()];
for (const [i, locale] of locales.entries()) {
  const bundle = bundles[i]!;
  const t = createTranslator(bundle, metrics.provenance.definitions);
  const names = countryNames(locale, bundle.namespaces.countries);
  const [wall, cpu] = [performance.now(), process.cpuUsage()];
  const counts = { hits: 0, misses: 0 };
  const figures = threads ? await threads.phoneCharts(locale, await threads.figures(locale, numbers, metrics, t, names, renderSvg, counts, () => {}), numbers, metrics, t, names, renderSvg, counts) : await renderFigures(numbers, metrics, t, names);
  const used = process.cpuUsage(cpu);
  console.log(`figures ${locale}: ${((performance.now() - wall) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU, ${figures.length} figures`);
  for (const f of figures) all.push(`${locale} ${f.id}\n${f.svg}\n${'svg' in f.narrow ? f.narrow.svg : f.narrow.scrollWidth}\n${f.download.csv}`);
}
const used = process.cpuUsage(startCpu);
console.log(`both locales${threads ? ` (${threads.fromWorker} figures by the figure thread)` : ''}: ${((performance.now() - started) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU`);
await threads?.close();
const text = all.join('\n');
console.log(`sha256 ${createHash('sha256').update(text).digest('hex')}`);
if (outFile) writeFileSync(outFile, text);
