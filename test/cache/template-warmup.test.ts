/**
 * Asked while the data loads (the metrics not cached), the figure thread compiles the chapters'
 * templates and the main thread adopts them: the first locale's chapters then do not pay for
 * compiling. What is adopted renders as what is compiled here.
 */
import { describe, expect, it } from 'vitest';
import { adoptTemplates, hasProgram, renderChapters, templateSources } from '../../src/chapters/render.ts';
import { createTranslator } from '../../src/base/i18n.ts';
import { countryNames } from '../../src/base/countries.ts';
import { numberFigures } from '../../src/base/slots.ts';
import { FigureThreads } from '../../src/cache/figure-threads.ts';
import { bundle, edition, ROOT, sampleMetrics } from '../chapters/fixtures.ts';
import { until } from '../helpers/waiting.ts';

describe("the chapters' templates compiled on the figure thread", () => {
  it('are adopted by the main thread when asked for, before any figure is', async () => {
    const ed = await edition();
    const texts = [...ed.chapters.map((c) => c.text), ...Object.values(ed.partials ?? {})];
    expect(texts.some(hasProgram)).toBe(false); // nothing rendered in this file yet
    const threads = new FigureThreads({ root: ROOT, edition: '2023', cacheDir: null });
    try {
      threads.compileTemplates();
      expect(await until(() => texts.every(hasProgram), 120_000)).toBe(true);
    } finally {
      await threads.close();
    }
  }, 150_000);

  it('render as the templates compiled where they are rendered', async () => {
    const ed = await edition();
    const metrics = await sampleMetrics();
    const b = await bundle('en');
    const render = (e: typeof ed) => renderChapters(e, metrics, createTranslator(b, metrics.provenance.definitions), countryNames('en', b.namespaces.countries), numberFigures(e));
    // The same edition with every template one newline longer: not adopted, compiled here on first use.
    const fresh = { ...ed, chapters: ed.chapters.map((c) => ({ ...c, text: `${c.text}\n` })), partials: Object.fromEntries(Object.entries(ed.partials ?? {}).map(([k, v]) => [k, `${v}\n`])) };
    adoptTemplates(templateSources(ed));
    expect(render(ed)).toEqual(render(fresh));
  }, 150_000);
});
