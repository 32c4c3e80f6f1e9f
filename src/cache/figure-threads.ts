/**
 * The figures stage on two threads. Drawing the figures (vega-lite compile, vega layout, text
 * measuring: 37 figures, 97 drawings a locale) was most of the time before the first print could
 * start, on one core while the other waited. Here a worker thread (figure-worker.ts) starts with the
 * build, loads the chart libraries and fonts while the data loads, and from the moment the metrics
 * are known draws figures of every locale, first to last; the main thread renders the chapters
 * meanwhile, and at a locale's figures stage draws that locale's figures not yet taken by the worker.
 * Both take the next figure from one shared counter per locale, so no figure is drawn twice and
 * neither thread waits for the other's messages to find work.
 *
 * A figure depends on nothing drawn before it (render.ts: renderFigure), so the result, its cache
 * entries and the warnings (given in the figures' order) are those of renderFigures on one thread.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CountryNames } from '../base/countries.ts';
import type { LocaleBundle, Translator } from '../base/i18n.ts';
import type { FigureNumbers } from '../base/slots.ts';
import type { Locale } from '../base/yaml.ts';
import { figureOrder, renderPageFigure, renderPhoneChart, withPhoneChart, type PageFigure, type RenderedFigure } from '../figures/render.ts';
import { adoptTemplates } from '../chapters/render.ts';
import type { renderSvg } from '../figures/vega.ts';
import type { MetricsDocument } from '../metrics/document.ts';
import type { CacheCounts } from './figures.ts';
import type { FigureWorkerConfig, FigureWorkerJobs, FigureWorkerReply, FigureWorkerTemplates } from './figure-worker.ts';

/** What the figures of a locale depend on of the edition, besides the metrics and the locale. */
export function figureInputsOf(numbers: FigureNumbers): string {
  return JSON.stringify({ numbers: [...numbers], focus: numbers.focus, content: numbers.content, figures: numbers.figures, topics: numbers.topics });
}

const WORKER_SOURCE = fileURLToPath(new URL('./figure-worker.ts', import.meta.url));

/**
 * The worker, from the compiled bundle when the command runs it (bin/report.js lists the compiled
 * modules), else its TypeScript source through tsx (tests, scripts): a worker thread does not
 * inherit the parent's --import hooks, so it registers tsx itself before importing the source.
 */
function startWorker(config: FigureWorkerConfig): Worker {
  const compiled = (globalThis as { [key: symbol]: Map<string, string> | undefined })[Symbol.for('report.compiled-modules')]?.get(WORKER_SOURCE);
  if (compiled) return new Worker(new URL(compiled), { workerData: config });
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json').replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
  const source = pathToFileURL(WORKER_SOURCE).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => api.register()).then(() => import(${JSON.stringify(source)}))`, { eval: true, workerData: config });
}

type PageReply = Extract<FigureWorkerReply, { figure: unknown }>;
type PhoneReply = Extract<FigureWorkerReply, { narrow: unknown }>;

interface Slot {
  readonly locale: Locale;
  readonly figures: readonly (readonly [string, number])[];
  readonly drawn: (PageReply | undefined)[];
  readonly phones: (PhoneReply | undefined)[];
  /** Called when the worker posts a drawing of this locale. */
  arrived?: () => void;
}

export class FigureThreads {
  private readonly worker: Worker;
  private failure: Error | null = null;
  private readonly slots: Slot[] = [];
  private next: Int32Array | null = null;
  /** How many figures the worker has drawn so far (all locales; page drawings). */
  fromWorker = 0;

  /**
   * `help`: the main thread also draws, at a locale's figures stage, the figures the worker has not
   * taken. Off by default: each thread warms up on its own (the chart code compiled by the JIT, the
   * font chunks decoded), ~2 s of CPU measured, so on 2 cores the main thread's time is better spent
   * on the chapters, the documents and the prints while the worker, warmed during the data load,
   * draws every figure. On only when the worker has failed (then the main thread draws what it left).
   */
  constructor(config: FigureWorkerConfig, private readonly help = false) {
    this.worker = startWorker(config);
    this.worker.on('message', (reply: FigureWorkerReply) => {
      if ('error' in reply) return this.fail(new Error(`figure thread: ${reply.error}`));
      if ('templates' in reply) return adoptTemplates(reply.templates);
      const slot = this.slots.find((s) => s.locale === reply.locale)!;
      if ('narrow' in reply) slot.phones[reply.index] = reply;
      else {
        slot.drawn[reply.index] = reply;
        this.fromWorker++;
      }
      slot.arrived?.();
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`figure thread: exited (${code}) before drawing its figures`)));
  }

  /** True once the worker has failed: figures() then draws what it did not deliver. */
  get failed(): boolean {
    return this.failure !== null;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const slot of this.slots) slot.arrived?.();
  }

  /** Asks the worker for the chapters' templates compiled (adopted here when they come): while the data loads. */
  compileTemplates(): void {
    this.worker.postMessage({ templates: true } satisfies FigureWorkerTemplates);
  }

  /**
   * Gives the worker every locale's figures to draw, in this order, as soon as it is ready: every
   * locale's page drawings, then (`phone`: the HTML edition is built) their phone drawings.
   */
  share(metrics: MetricsDocument, numbers: FigureNumbers, locales: readonly { locale: Locale; bundle: LocaleBundle }[], phone: boolean): void {
    const figures = figureOrder(numbers);
    this.next = new Int32Array(new SharedArrayBuffer(4 * 2 * locales.length));
    for (const { locale } of locales) this.slots.push({ locale, figures, drawn: new Array(figures.length).fill(undefined), phones: new Array(figures.length).fill(undefined) });
    this.worker.postMessage({ metrics, next: this.next, phone, locales: locales.map(({ locale, bundle }) => ({ locale, bundle, figures })), inputs: figureInputsOf(numbers) } satisfies FigureWorkerJobs);
  }

  /** Waits until `done` or the worker fails; woken at each drawing of the slot's locale. */
  private async until(slot: Slot, done: () => boolean): Promise<void> {
    while (!done() && !this.failure) await new Promise<void>((arrived) => (slot.arrived = arrived));
    slot.arrived = undefined;
  }

  /**
   * A locale's figures as printed, as renderFigures would give them but for the phone's drawings:
   * those the worker has not taken are drawn here, then the worker's awaited. `warn` gets the
   * cut-label lines in the figures' order.
   */
  async figures(locale: Locale, numbers: FigureNumbers, metrics: MetricsDocument, t: Translator, names: CountryNames, svg: typeof renderSvg, counts: CacheCounts, warn: (line: string) => void): Promise<PageFigure[]> {
    const at = this.slots.findIndex((s) => s.locale === locale);
    const slot = this.slots[at]!;
    const here = new Map<number, { figure: PageFigure; warnings: string[] }>();
    const drawHere = async (index: number) => {
      const [id, number] = slot.figures[index]!;
      const warnings: string[] = [];
      here.set(index, { figure: await renderPageFigure(id, number, numbers, metrics, t, names, svg, (line) => warnings.push(line)), warnings });
    };
    for (let index = this.help ? Atomics.add(this.next!, at, 1) : slot.figures.length; index < slot.figures.length; index = Atomics.add(this.next!, at, 1)) await drawHere(index);
    await this.until(slot, () => slot.figures.every((_, i) => here.has(i) || slot.drawn[i]));
    // The worker stopped (a figure failed there, or the thread itself): what it did not deliver is
    // drawn here, so that a figure's error is raised here as in a build on one thread (a ReportError
    // naming the figure, for the user), and a thread that could not start only costs time.
    for (const index of slot.figures.keys()) if (!here.has(index) && !slot.drawn[index]) await drawHere(index);
    return slot.figures.map((_, i) => {
      const mine = here.get(i);
      if (mine) {
        mine.warnings.forEach(warn);
        return mine.figure;
      }
      const theirs = slot.drawn[i]!;
      theirs.warnings.forEach(warn);
      counts.hits += theirs.counts.hits;
      counts.misses += theirs.counts.misses;
      return Object.freeze({ ...theirs.figure, notes: Object.freeze([...theirs.figure.notes]) });
    });
  }

  /**
   * The locale's figures whole: `pages` (what figures() gave) with their phone drawings, the
   * worker's (asked for in share), or drawn here for those it did not deliver.
   */
  async phoneCharts(locale: Locale, pages: readonly PageFigure[], numbers: FigureNumbers, metrics: MetricsDocument, t: Translator, names: CountryNames, svg: typeof renderSvg, counts: CacheCounts): Promise<RenderedFigure[]> {
    const at = this.slots.findIndex((s) => s.locale === locale);
    const slot = this.slots[at]!;
    const here = new Map<number, RenderedFigure['narrow']>();
    const counter = this.slots.length + at;
    for (let index = this.help ? Atomics.add(this.next!, counter, 1) : slot.figures.length; index < slot.figures.length; index = Atomics.add(this.next!, counter, 1)) here.set(index, await renderPhoneChart(pages[index]!, numbers, metrics, t, names, svg));
    await this.until(slot, () => slot.figures.every((_, i) => here.has(i) || slot.phones[i]));
    for (const index of slot.figures.keys()) if (!here.has(index) && !slot.phones[index]) here.set(index, await renderPhoneChart(pages[index]!, numbers, metrics, t, names, svg));
    return pages.map((page, i) => {
      const theirs = slot.phones[i];
      if (!here.has(i) && theirs) {
        counts.hits += theirs.counts.hits;
        counts.misses += theirs.counts.misses;
      }
      return withPhoneChart(page, here.get(i) ?? theirs!.narrow);
    });
  }

  /** Stops the worker (at the end of the build, or when it fails). */
  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
