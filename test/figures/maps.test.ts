import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { countryNames } from '../../src/base/countries.ts';
import { createTranslator } from '../../src/base/i18n.ts';
import { classLabels } from '../../src/figures/presets/choropleth.ts';
import { chinaProvinces, DRAWN_AS_PART_OF_CHINA, worldCountries } from '../../src/figures/geo/shapes.ts';
import { divergingClasses, logBreaks, luminance, sequentialClasses } from '../../src/figures/maps.ts';
import { renderFigures, specRows } from '../../src/figures/render.ts';
import { ALL_COUNTRIES, PROVINCES } from '../../data/2023/generator/entities.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { buildOne, bundle, copy, figureNumbers, render, ROOT, sampleMetrics } from '../chapters/fixtures.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

const regions = JSON.parse(readFileSync(join(ROOT, 'locales/shared/en/regions.json'), 'utf8')) as Record<string, string>;

describe('map geometry', () => {
  it('has a shape for every province the data can name (ISO 3166-2:CN), and the South China Sea islands', async () => {
    const ids = chinaProvinces().ids;
    for (const code of Object.keys(regions)) expect(ids, code).toContain(code);
    for (const p of PROVINCES) expect(ids, p.code).toContain(p.code);
    for (const p of (await sampleMetrics()).talent!.by_province) expect(ids, p.province).toContain(p.province);
    expect(ids).toContain('CN-SCS');
    expect(ids).toHaveLength(Object.keys(regions).length + 1);
  });

  it('has a shape for every country the data can name, except those China\'s standard map draws as part of China', async () => {
    const ids = worldCountries().ids;
    const named = new Set([...ALL_COUNTRIES, ...(await sampleMetrics()).flows!.by_country.map((c) => c.country)]);
    for (const code of named) if (!DRAWN_AS_PART_OF_CHINA.includes(code)) expect(ids, code).toContain(code);
    for (const code of DRAWN_AS_PART_OF_CHINA) expect(ids).not.toContain(code);
    // Every id is a real ISO 3166-1 alpha-2 code, the metrics' country codes.
    for (const id of ids) expect(countries.isValid(id), id).toBe(true);
  });

  it('is what scripts/make-maps.ts makes from the pinned packages, byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'maps-'));
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/make-maps.ts'), out], { cwd: ROOT, stdio: 'pipe' });
      for (const file of ['china-provinces.topo.json', 'world.topo.json']) {
        expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(ROOT, 'src/figures/geo', file), 'utf8'));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('is projected already, in pixels that fit the page', () => {
    for (const shapes of [chinaProvinces(), worldCountries()]) {
      expect(shapes.width).toBeLessThanOrEqual(600);
      expect(shapes.height).toBeGreaterThan(100);
    }
  });
});

describe('map classes', () => {
  it('puts class boundaries at nice numbers spread evenly on a log scale', () => {
    expect(logBreaks([313, 700, 2000, 24049], 4)).toEqual([1000, 2000, 5000, 10000]);
    expect(logBreaks([2, 26, 684, 835], 3)).toEqual([10, 50, 200]);
    expect(logBreaks([5, 5], 3)).toEqual([]);
  });

  it('gives a sequential map one more colour than boundaries, light to dark', () => {
    const c = sequentialClasses([313, 24049]);
    expect(c.range).toHaveLength(c.domain.length + 1);
    for (let i = 1; i < c.range.length; i++) expect(luminance(c.range[i]!)).toBeLessThan(luminance(c.range[i - 1]!));
  });

  it('centres a diverging map on exactly zero, with the same classes for losses and gains', () => {
    const c = divergingClasses([-684, -100, -26, -2, 40, 835]);
    expect(c.domain).toEqual([-199, -49, -9, 0, 1, 10, 50, 200]);
    expect(c.range).toHaveLength(9);
    expect(c.range[4]).toBe('#f7f7f7');
  });

  it('labels classes of whole numbers in the locale, signed when the map diverges', async () => {
    const en = { t: createTranslator(await bundle('en'), DEFINITIONS_2023) } as never;
    expect(classLabels(en, [-199, -49, -9, 0, 1, 10, 50, 200], true, 'talent:map_classes')).toEqual([
      '−200 or less', '−199 to −50', '−49 to −10', '−9 to −1', '0', '+1 to +9', '+10 to +49', '+50 to +199', '+200 or more',
    ]);
    const zh = { t: createTranslator(await bundle('zh'), DEFINITIONS_2023) } as never;
    expect(classLabels(zh, [1000, 2000, 5000, 10000], false, 'talent:map_classes')).toEqual(['不足 1,000', '1,000 至 1,999', '2,000 至 4,999', '5,000 至 9,999', '10,000 及以上']);
  });
});

async function maps(locale: 'zh' | 'en', metrics?: MetricsDocument) {
  const b = await bundle(locale);
  const numbers = await figureNumbers([['ch3-talent-provinces-map', 7], ['ch3-flows-countries-map', 8]]);
  return renderFigures(numbers, metrics ?? (await sampleMetrics()), createTranslator(b, DEFINITIONS_2023), countryNames(locale, b.namespaces.countries));
}

describe('the map figures', () => {
  it('draw every area once, with a legend of the classes and of "no data", in both locales', async () => {
    for (const locale of ['zh', 'en'] as const) {
      const [provinces, world] = await maps(locale);
      expect(provinces!.svg.match(/aria-roledescription="geoshape"/g)).toHaveLength(chinaProvinces().ids.length);
      expect(world!.svg.match(/aria-roledescription="geoshape"/g)!.length).toBeGreaterThan(200);
      expect(provinces!.svg).toContain(locale === 'zh' ? '无数据' : 'No data');
      expect(world!.svg).toContain(locale === 'zh' ? '无流动记录' : 'No recorded moves');
      expect(world!.svg).toContain(locale === 'zh' ? '及以上' : 'or more');
      expect(provinces!.label).toBe(locale === 'zh' ? '图 7' : 'Figure 7');
      expect(provinces!.caption).not.toBe('');
    }
  });

  it('stay small: each SVG under 300 KB', async () => {
    for (const fig of await maps('zh')) expect(fig.svg.length, fig.id).toBeLessThan(300_000);
  });

  it('offer the data as CSV, not the geometry: one row per province or country', async () => {
    const metrics = await sampleMetrics();
    const [provinces, world] = await maps('en', metrics);
    expect(provinces!.download.csv.trim().split('\n')).toHaveLength(metrics.talent!.by_province.length + 1);
    expect(provinces!.download.csv.split('\n')[0]).toMatch(/^\uFEFF?(代码,名称,人才数量（人）,高层次人才（人）|Code,Name,Researchers,High-level researchers)/);
    expect(world!.download.csv.trim().split('\n')).toHaveLength(metrics.flows!.by_country.length + 1);
    expect(world!.download.csv).not.toContain('arcs');
  });

  it('describe every area with its value for screen readers', async () => {
    const metrics = await sampleMetrics();
    const [provinces] = await maps('en', metrics);
    for (const p of metrics.talent!.by_province) expect(provinces!.svg).toContain(regions[p.province]!);
  });

  it('colour the areas from the data: a province with more researchers is never lighter', async () => {
    const metrics = await sampleMetrics();
    const { built } = await buildOne('ch3-talent-provinces-map', 'en', metrics);
    const spec = built.spec as { layer: { encoding?: { color?: { scale?: { domain: string[]; range: string[] } } } }[] };
    const rows = specRows(built.spec as never);
    expect(rows.map((r) => r.id)).toEqual([...metrics.talent!.by_province].sort((a, b) => b.scholars - a.scholars || a.province.localeCompare(b.province)).map((p) => p.province));
    const scale = spec.layer[0]!.encoding!.color!.scale!;
    expect(scale.domain.at(-1)).toBe('No data');
    expect(scale.range.at(-1)).toBe('#d9d9d9');
  });

  it('are the same SVG every time', async () => {
    const [a] = await maps('zh');
    const [b] = await maps('zh');
    expect(a!.svg).toBe(b!.svg);
  });
});

describe('the sentences that introduce the maps', () => {
  it('say how many countries lost researchers: all, some or none of them, in both locales', async () => {
    const withNet = async (net: (i: number) => number) => {
      const m = copy(await sampleMetrics());
      m.flows!.by_country.forEach((c, i) => Object.assign(c, { net: net(i) }));
      return m;
    };
    const cases = [
      [await withNet(() => -3), 'every one of them lost researchers on balance', '这些国家全部出现人才净流失'],
      [await withNet((i) => (i % 2 ? -3 : 3)), 'of them lost researchers on balance', '个国家出现人才净流失'],
      [await withNet(() => 3), 'none of them lost researchers on balance', '没有一个国家出现人才净流失'],
    ] as const;
    for (const [metrics, en, zh] of cases) {
      expect((await render('en', metrics)).text).toContain(en);
      expect((await render('zh', metrics)).text).toContain(zh);
    }
  });

  it('name the region with the fewest researchers and the share of the five with the most', async () => {
    const metrics = await sampleMetrics();
    const { text } = await render('en', metrics);
    const p = metrics.talent!.by_province;
    expect(text).toContain(`shows every provincial-level region with recorded researchers`);
    expect(text).toContain(`at the other end, ${regions[p.at(-1)!.province]} has`);
  });
});
