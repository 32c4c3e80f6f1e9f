/**
 * The figures stage's second thread (started by figure-threads.ts). It loads vega, vega-lite and the
 * fonts while the main thread loads the data and computes the metrics, then draws figures of every
 * locale, taking each next one from counters it shares with the main thread (which draws the rest
 * when it reaches a locale's figures stage). Each figure is posted back as soon as it is drawn.
 *
 * Protocol: workerData is a FigureWorkerConfig; then one FigureWorkerJobs message in; FigureWorkerReply
 * messages out (one per figure drawn here, or one error). Asked (FigureWorkerTemplates, sent while the
 * data loads), it also posts the chapters' templates compiled.
 */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { countryNames } from '../base/countries.ts';
import { readEdition } from '../base/edition.ts';
import { createTranslator, readLocale, type LocaleBundle } from '../base/i18n.ts';
import { distinctCodePoints } from '../fonts/code-points.ts';
import { numberFigures } from '../base/slots.ts';
import type { Locale } from '../base/yaml.ts';
import { nodeFileSystem } from '../effects.ts';
import { measureText } from '../fonts/fontsource.ts';
import { renderPageFigure, renderPhoneChart, type PageFigure, type RenderedFigure } from '../figures/render.ts';
import { templateSources } from '../chapters/render.ts';
import type { MetricsDocument } from '../metrics/document.ts';
import { cachedSvg, type CacheCounts } from './figures.ts';
import { diskCache, NO_CACHE } from './store.ts';
import { figureInputsOf } from './figure-threads.ts';

export interface FigureWorkerConfig {
  readonly root: string;
  readonly edition: string;
  /** The locales to be drawn: their font chunks are decoded while the data loads. */
  readonly locales?: readonly Locale[];
  /** The build cache's folder, read and written here as the main thread does; null: no cache. */
  readonly cacheDir: string | null;
}

export interface FigureWorkerJobs {
  readonly metrics: MetricsDocument;
  /**
   * Two counters per locale, the index of the next figure of that locale not yet taken by either
   * thread: first the page's drawings (one counter per locale, in order), then the phone's.
   */
  readonly next: Int32Array;
  /** Whether the phone's drawings are wanted (the HTML edition is built): drawn after every locale's page drawings. */
  readonly phone: boolean;
  readonly locales: readonly { readonly locale: Locale; readonly bundle: LocaleBundle; readonly figures: readonly (readonly [string, number])[] }[];
  /** What the main thread's figures depend on of the edition (figure-inputs.ts): this thread's edition must give the same. */
  readonly inputs: string;
}

/** Asks for the chapters' templates compiled: sent only when the main thread has the data to load meanwhile. */
export interface FigureWorkerTemplates {
  readonly templates: true;
}

export type FigureWorkerReply =
  | { readonly locale: Locale; readonly index: number; readonly figure: PageFigure; readonly warnings: readonly string[]; readonly counts: CacheCounts }
  | { readonly locale: Locale; readonly index: number; readonly narrow: RenderedFigure['narrow']; readonly counts: CacheCounts }
  /** The edition's templates compiled (chapters/render.ts: templateSources), posted when asked (FigureWorkerTemplates). */
  | { readonly templates: readonly (readonly [string, string])[] }
  | { readonly error: string };

const config = workerData as FigureWorkerConfig;
const port = parentPort!;

// Loaded now, while the main thread waits for the data: the edition, the chart libraries, the font
// chunks the locales' text needs (measuring a character decodes its chunk), and one small chart drawn
// so that the first figure does not wait for the JIT. None of it changes what is drawn.
const edition = readEdition(nodeFileSystem, join(config.root, 'templates'), config.edition);
const ready = (async () => {
  const read = await edition;
  const texts: string[] = [];
  const collect = (v: unknown): void => void (typeof v === 'string' ? texts.push(v) : v && typeof v === 'object' && Object.values(v).forEach(collect));
  for (const locale of config.locales ?? []) collect((await readLocale(nodeFileSystem, join(config.root, 'locales'), config.edition, locale)).namespaces);
  const characters = String.fromCodePoint(...distinctCodePoints(`中A0${texts.join('')}`));
  for (const weight of [400, 700] as const) measureText(characters, 11, weight);
  const { renderSvg } = await import('../figures/vega.ts');
  await renderSvg({ data: { values: [{ k: 'a', v: 1 }, { k: 'b', v: 2 }] }, mark: 'bar', encoding: { y: { field: 'k', type: 'nominal' }, x: { field: 'v', type: 'quantitative' } } }, { id: 'warm', title: '', description: '' });
  return numberFigures(read);
})();
ready.catch(() => {}); // reported with the jobs

// Listening keeps the thread alive until the build stops it (figure-threads.ts: close).
port.on('message', (request: FigureWorkerJobs | FigureWorkerTemplates) => {
  const work = 'templates' in request ? compileTemplates() : draw(request);
  void work.catch((error: unknown) => port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FigureWorkerReply));
});

/**
 * The chapters' templates compiled for the main thread, which renders them once the metrics are known.
 * Only when asked: with the metrics from the cache there is no load to hide the compiling behind, and
 * the main thread (compiling them itself) and the figures would both wait for it.
 */
async function compileTemplates(): Promise<void> {
  port.postMessage({ templates: templateSources(await edition) } satisfies FigureWorkerReply);
}

/**
 * Every locale's page drawings first (what the prints wait for), then, when wanted, their phone
 * drawings (only the HTML edition waits for those: they are drawn while the prints run).
 */
async function draw({ metrics, next, phone, locales, inputs }: FigureWorkerJobs): Promise<void> {
  const numbers = await ready;
  if (figureInputsOf(numbers) !== inputs) throw new Error('the figure thread read another edition than the build');
  const cache = config.cacheDir ? diskCache(nodeFileSystem, config.cacheDir) : NO_CACHE;
  const readers = locales.map(({ locale, bundle }) => {
    const t = createTranslator(bundle, metrics.provenance.definitions);
    return { t, names: countryNames(locale, bundle.namespaces.countries) };
  });
  const pages = new Map<string, PageFigure>();
  for (const [slot, { locale, figures }] of locales.entries()) {
    const { t, names } = readers[slot]!;
    for (let index = Atomics.add(next, slot, 1); index < figures.length; index = Atomics.add(next, slot, 1)) {
      const [id, number] = figures[index]!;
      const warnings: string[] = [];
      const counts: CacheCounts = { hits: 0, misses: 0 };
      const figure = await renderPageFigure(id, number, numbers, metrics, t, names, cachedSvg(cache, counts), (line) => warnings.push(line));
      pages.set(`${slot} ${index}`, figure);
      port.postMessage({ locale, index, figure, warnings, counts } satisfies FigureWorkerReply);
    }
  }
  if (!phone) return;
  for (const [slot, { locale, figures }] of locales.entries()) {
    const { t, names } = readers[slot]!;
    const counter = locales.length + slot;
    for (let index = Atomics.add(next, counter, 1); index < figures.length; index = Atomics.add(next, counter, 1)) {
      const [id, number] = figures[index]!;
      const counts: CacheCounts = { hits: 0, misses: 0 };
      // A page drawing the main thread made (it helps only when asked) is made here again, from the cache.
      const page = pages.get(`${slot} ${index}`) ?? (await renderPageFigure(id, number, numbers, metrics, t, names, cachedSvg(cache, { hits: 0, misses: 0 }), () => {}));
      const narrow = await renderPhoneChart(page, numbers, metrics, t, names, cachedSvg(cache, counts));
      port.postMessage({ locale, index, narrow, counts } satisfies FigureWorkerReply);
    }
  }
}
