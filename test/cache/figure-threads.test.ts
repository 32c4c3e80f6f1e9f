import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countryNames } from '../../src/base/countries.ts';
import { createTranslator } from '../../src/base/i18n.ts';
import { numberFigures } from '../../src/base/slots.ts';
import type { Locale } from '../../src/base/yaml.ts';
import { FigureThreads } from '../../src/cache/figure-threads.ts';
import { cachedSvg, type CacheCounts } from '../../src/cache/figures.ts';
import { diskCache, NO_CACHE } from '../../src/cache/store.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { renderFigures } from '../../src/figures/render.ts';
import { bundle, edition, ROOT, sampleMetrics } from '../chapters/fixtures.ts';
import { until } from '../helpers/waiting.ts';

const LOCALES: readonly Locale[] = ['zh', 'en'];
const scratch = mkdtempSync(join(tmpdir(), 'figure-threads-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the figures drawn on two threads', () => {
  it('are those drawn on one, with the same warnings and drawings counted, each figure drawn once', async () => {
    const metrics = await sampleMetrics();
    const numbers = numberFigures(await edition());
    const bundles = await Promise.all(LOCALES.map(async (locale) => ({ locale, bundle: await bundle(locale) })));
    const readers = (b: (typeof bundles)[number]) => [createTranslator(b.bundle, metrics.provenance.definitions), countryNames(b.locale, b.bundle.namespaces.countries)] as const;

    const alone = [];
    for (const b of bundles) {
      const warnings: string[] = [];
      const counts: CacheCounts = { hits: 0, misses: 0 };
      alone.push({ figures: await renderFigures(numbers, metrics, ...readers(b), cachedSvg(diskCache(nodeFileSystem, join(scratch, 'one')), counts), (l) => warnings.push(l)), warnings, counts });
    }

    const threads = new FigureThreads({ root: ROOT, edition: '2023', cacheDir: join(scratch, 'two') }, true);
    try {
      threads.share(metrics, numbers, bundles, true);
      // The main thread joins once the worker has drawn some of the first locale's figures, so that both draw.
      expect(await until(() => threads.fromWorker >= 3, 120_000)).toBe(true);
      const shared = [];
      for (const b of bundles) {
        const warnings: string[] = [];
        const counts: CacheCounts = { hits: 0, misses: 0 };
        const svg = cachedSvg(diskCache(nodeFileSystem, join(scratch, 'two')), counts);
        const pages = await threads.figures(b.locale, numbers, metrics, ...readers(b), svg, counts, (l) => warnings.push(l));
        expect(pages.some((f) => 'narrow' in f)).toBe(false); // the page's drawings alone: the phone's come after
        shared.push({ figures: await threads.phoneCharts(b.locale, pages, numbers, metrics, ...readers(b), svg, counts), warnings, counts });
      }
      expect(threads.fromWorker).toBeGreaterThanOrEqual(3);
      expect(threads.fromWorker).toBeLessThan(2 * numbers.size); // the main thread drew some too
      expect(shared).toEqual(alone);
      expect(shared.every((s) => s.figures.every(Object.isFrozen))).toBe(true);
    } finally {
      await threads.close();
    }

    // As `report build` runs it: the worker draws every figure, the main thread none.
    const alone2 = new FigureThreads({ root: ROOT, edition: '2023', locales: ['en'], cacheDir: join(scratch, 'three') });
    try {
      const en = bundles[1]!;
      alone2.share(metrics, numbers, [en], true);
      const warnings: string[] = [];
      const counts: CacheCounts = { hits: 0, misses: 0 };
      const pages = await alone2.figures('en', numbers, metrics, ...readers(en), cachedSvg(NO_CACHE, { hits: 0, misses: 0 }), counts, (l) => warnings.push(l));
      const figures = await alone2.phoneCharts('en', pages, numbers, metrics, ...readers(en), cachedSvg(NO_CACHE, { hits: 0, misses: 0 }), counts);
      expect(alone2.fromWorker).toBe(numbers.size);
      expect({ figures, warnings, counts }).toEqual(alone[1]);
    } finally {
      await alone2.close();
    }
  }, 300_000);

  it('are drawn on the main thread when the worker cannot draw them, and a figure that fails fails as it would there', async () => {
    const metrics = await sampleMetrics();
    const all = numberFigures(await edition());
    // Figures other than the edition's: the worker, reading the edition itself, refuses them.
    const numbers = Object.assign(new Map([...all].slice(0, 2)), { focus: all.focus, content: all.content, figures: all.figures, topics: all.topics });
    const b = await bundle('en');
    const t = createTranslator(b, metrics.provenance.definitions);
    const names = countryNames('en', b.namespaces.countries);
    const threads = new FigureThreads({ root: ROOT, edition: '2023', cacheDir: null });
    try {
      threads.share(metrics, numbers, [{ locale: 'en', bundle: b }], true);
      expect(await until(() => threads.failed, 60_000)).toBe(true);
      const counts = { hits: 0, misses: 0 };
      const pages = await threads.figures('en', numbers, metrics, t, names, cachedSvg(NO_CACHE, counts), counts, () => {});
      const drawn = await threads.phoneCharts('en', pages, numbers, metrics, t, names, cachedSvg(NO_CACHE, counts), counts);
      expect(drawn).toEqual(await renderFigures(numbers, metrics, t, names));
      expect(threads.fromWorker).toBe(0);
    } finally {
      await threads.close();
    }
    // A figure without its data: the worker fails on it, the main thread raises the figure's own error.
    const broken = { ...metrics, papers: undefined } as unknown as typeof metrics;
    const failing = new FigureThreads({ root: ROOT, edition: '2023', cacheDir: null });
    try {
      failing.share(broken, all, [{ locale: 'en', bundle: b }], true);
      expect(await until(() => failing.failed, 60_000)).toBe(true);
      const counts = { hits: 0, misses: 0 };
      await expect(failing.figures('en', all, broken, t, names, cachedSvg(NO_CACHE, counts), counts, () => {})).rejects.toMatchObject({ name: 'ReportError' });
    } finally {
      await failing.close();
    }
  }, 120_000);
});
