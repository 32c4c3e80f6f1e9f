import { describe, expect, it } from 'vitest';
import { backCoverHtml, coverArtSvg, coverHtml, coverSeries } from '../../src/html/cover.ts';
import { coverCss } from '../../src/html/cover-styles.ts';

const rows = [
  { year: 2013, key: 'B', value: 100 },
  { year: 2012, key: 'B', value: 10 },
  { year: 2012, key: 'A', value: 1000 },
  { year: 2013, key: 'A', value: 1000 },
  { year: 2013, key: 'C', value: 1 },
];

describe('the cover', () => {
  it('takes the leading countries\' yearly values, missing years at nought, the biggest in the middle', () => {
    const art = coverSeries(rows, 'B', 'A')!;
    expect(art).toEqual({
      from: '2012',
      to: '2013',
      series: [
        { key: 'B', values: [10, 100], role: 'home' },
        { key: 'A', values: [1000, 1000], role: 'rival' },
        { key: 'C', values: [0, 1], role: 'other' },
      ],
    });
    expect(coverSeries(rows, 'B', 'A', 2)!.series.map((s) => s.key)).toEqual(['B', 'A']);
    expect(coverSeries(rows.filter((r) => r.year === 2012), 'B', 'A')).toBeNull();
  });

  it('stacks the series as a stream centred on the picture, each year\'s total to scale', () => {
    const svg = coverArtSvg({ from: '2012', to: '2013', series: [{ key: 'A', values: [10, 30], role: 'rival' }, { key: 'B', values: [30, 30], role: 'home' }] });
    const paths = [...svg.matchAll(/<path class="cover-layer-(\w+)" d="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]);
    // the bigger year (60) fills the plot's 240 units around the middle (144), the other (40) two thirds of it
    expect(paths).toEqual([
      ['rival', 'M16 64 C300 64 300 24 584 24 L584 144 C300 144 300 104 16 104 Z'],
      ['home', 'M16 104 C300 104 300 144 584 144 L584 264 C300 264 300 224 16 224 Z'],
    ]);
    expect(svg).toContain('<text x="16" y="296">2012</text><text x="584" y="296" text-anchor="end">2013</text>');
    expect(svg).toMatch(/^<svg class="cover-art" viewBox="0 0 600 300" aria-hidden="true"/);
  });

  it('sets title, subtitle and the edition lines, escaped, with the picture in the band', () => {
    const html = coverHtml({ title: 'R <2023>', subtitle: 'Papers & patents', lines: ['2023 edition', 'Data: AMiner'] }, '<svg class="cover-art"></svg>', null);
    expect(html).toBe(
      '<header class="cover"><div class="cover-band"><svg class="cover-art"></svg><div class="cover-titles"><p class="cover-title">R &lt;2023&gt;</p><p class="cover-subtitle">Papers &amp; patents</p></div></div>' +
        '<div class="cover-foot"><p class="cover-line">2023 edition</p><p class="cover-line">Data: AMiner</p></div></header>',
    );
  });

  it('sets the colophon on the back cover, the publisher first', () => {
    expect(backCoverHtml(['AMiner', 'Data as of 2022-06-30'])).toBe('<footer class="back-cover"><div class="colophon"><p class="colophon-publisher">AMiner</p><p>Data as of 2022-06-30</p></div></footer>');
  });

  it('prints the covers full-page: the band two thirds of the page, the picture along its foot', () => {
    const css = coverCss();
    expect(css).toMatch(/@media print \{[\s\S]*\.cover-band \{ position: absolute; top: 0; left: 0; right: 0; height: 200mm;/);
    expect(css).toMatch(/\.cover-art \{ position: absolute; left: 0; bottom: 0; width: 210mm; height: 105mm;/);
  });
});
