/**
 * The preview's build process. It stays alive between edits, so modules are loaded once and recent
 * cache entries stay in memory: an edit to a sentence costs the chapters and HTML stages of one
 * locale, not a process start. The server restarts it when code changes (modules cannot be reloaded
 * in place). Protocol over the IPC channel: {id, locales} in; {id, ok, ms, message?} out.
 */
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { readEdition, type Edition } from '../base/edition.ts';
import { AnswerMemo } from '../cache/answers.ts';
import { diskCache, memoryCache } from '../cache/store.ts';
import { nodeFileSystem } from '../effects.ts';
import type { Locale } from '../base/yaml.ts';
import type { MetricsDocument } from '../metrics/document.ts';
import { openDuckDb } from '../base/engine.ts';
import { build } from '../pipeline.ts';
import type { FontFace } from '../fonts/fontsource.ts';

export interface WorkerConfig {
  readonly root: string;
  readonly edition: string;
  readonly locales: readonly Locale[];
  readonly outDir: string;
  readonly cacheDir: string | null;
  readonly data?: string;
}

export interface BuildRequest {
  readonly id: number;
  /** The locales to rebuild (those whose inputs changed); all of them when absent. */
  readonly locales?: readonly Locale[];
}

export interface BuildReply {
  readonly id: number;
  readonly ok: boolean;
  readonly ms: number;
  readonly message?: string;
}

const config = JSON.parse(process.env.REPORT_PREVIEW_CONFIG ?? '{}') as WorkerConfig;
const cache = config.cacheDir ? memoryCache(diskCache(nodeFileSystem, config.cacheDir)) : undefined;
const quiet = { info: () => {}, warn: () => {} };
const parsed = new Map<string, MetricsDocument>();
const answers = new AnswerMemo();
// One loader for the worker's life: the document stage keeps the fonts it encoded by loader (html/document.ts).
const fonts = { read: (face: FontFace) => readFileSync(face.file) };

/**
 * The edition read by the last build. The server asks for some locales only when nothing but their
 * folders under locales/ changed, so the edition (every file of it under templates/) is as read
 * then; reading it again (its YAML parsed) cost ~50 ms of every edit. Forgotten before any other build.
 */
let lastEdition: Edition | null = null;
const templates = join(config.root, 'templates');

async function editionFor(request: BuildRequest): Promise<Edition> {
  if (request.locales && lastEdition) return lastEdition;
  lastEdition = null;
  const edition = await readEdition(nodeFileSystem, templates, config.edition);
  // A chapter whose template lies outside templates/ could change with a locale: not kept.
  if (edition.chapters.every((c) => c.file.startsWith(templates + sep))) lastEdition = edition;
  return edition;
}

async function rebuild(request: BuildRequest): Promise<BuildReply> {
  const start = performance.now();
  try {
    const read = await editionFor(request);
    await build(
      { root: config.root, edition: config.edition, read, locales: request.locales ?? config.locales, publishedLocales: config.locales, formats: ['html'], writeMetrics: false, outDir: config.outDir, cacheDir: null, ...(config.data ? { data: config.data } : {}) },
      { fs: nodeFileSystem, log: quiet, clock: { now: () => performance.now() } },
      {
        openEngine: openDuckDb,
        openPrinter: () => Promise.reject(new Error('the preview builds HTML only')),
        fonts,
        parsed,
        answers,
        ...(cache ? { cache } : {}),
      },
    );
    return { id: request.id, ok: true, ms: performance.now() - start };
  } catch (error) {
    // ReportError messages are written for the user; anything else is a bug: keep its stack's top.
    const message = error instanceof Error ? (error.name === 'ReportError' || error.name === 'InputError' ? error.message : (error.stack ?? error.message).split('\n').slice(0, 6).join('\n')) : String(error);
    return { id: request.id, ok: false, ms: performance.now() - start, message };
  }
}

process.on('message', (request: BuildRequest) => {
  void rebuild(request).then((reply) => process.send?.(reply));
});
process.send?.({ id: 0, ok: true, ms: 0, message: 'ready' } satisfies BuildReply);
