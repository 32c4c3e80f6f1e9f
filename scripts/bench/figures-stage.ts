/**
 * `npx tsx scripts/bench/figures-stage.ts METRICS_JSON [OUT_FILE]`: the figures stage alone, both
 * locales, on a metrics.json a build wrote (full data: out/<edition>/metrics.json). Prints wall and
 * CPU time per locale and a digest of every SVG drawn, so that a change meant to keep the output
 * byte for byte can be checked on full data without a whole build; OUT_FILE gets the SVGs.
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
import type { MetricsDocument } from '../../src/metrics/document.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const [metricsFile, outFile] = process.argv.slice(2);
if (!metricsFile) throw new Error('usage: figures-stage.ts METRICS_JSON [OUT_FILE]');
const metrics = JSON.parse(readFileSync(metricsFile, 'utf8')) as MetricsDocument;
const fx = nodeEffects();
const edition = await readEdition(fx.fs, join(ROOT, 'templates'), '2023');
const numbers = numberFigures(edition);
const all: string[] = [];
for (const locale of ['zh', 'en'] as Locale[]) {
  const bundle = await readLocale(fx.fs, join(ROOT, 'locales'), '2023', locale);
  const t = createTranslator(bundle, metrics.provenance.definitions);
  const names = countryNames(locale, bundle.namespaces.countries);
  const [wall, cpu] = [performance.now(), process.cpuUsage()];
  const figures = await renderFigures(numbers, metrics, t, names);
  const used = process.cpuUsage(cpu);
  console.log(`figures ${locale}: ${((performance.now() - wall) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU, ${figures.length} figures`);
  for (const f of figures) all.push(`${locale} ${f.id}\n${f.svg}\n${'svg' in f.narrow ? f.narrow.svg : f.narrow.scrollWidth}\n${f.download.csv}`);
}
const text = all.join('\n');
console.log(`sha256 ${createHash('sha256').update(text).digest('hex')}`);
if (outFile) writeFileSync(outFile, text);
