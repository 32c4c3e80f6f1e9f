/**
 * The covers. Front: the report's title and subtitle, edition, source and date of the data, over a
 * picture drawn from the report's own numbers: the papers of the leading countries year by year,
 * stacked as a stream, the home country and its rival in their own colours. Back: the colophon (publisher,
 * data source and snapshot, how the figures are made, licence and contact, what the cover shows).
 * Every word comes from the locale files (html/text.ts); the picture from the metrics (pipeline).
 */
import { htmlAttr, htmlText, urlAttr } from '../base/escape.ts';

/** One line of the cover's picture: a country's yearly values, oldest first. */
export interface CoverSeries {
  readonly key: string;
  readonly values: readonly number[];
  /** 'home' and 'rival' have their own colours; the others alternate two pale tints. */
  readonly role: 'home' | 'rival' | 'other';
}

export interface CoverArt {
  readonly series: readonly CoverSeries[];
  /** The first and last year, printed at the foot of the picture. */
  readonly from: string;
  readonly to: string;
}

/**
 * Yearly rows (year, key, value) as the picture's series: the `top` keys by their total, one series
 * each with every year in order (a year without a row at 0), the biggest in the middle.
 */
export function coverSeries(rows: readonly { year: number; key: string; value: number }[], home: string, rival: string, top = 12): CoverArt | null {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  if (years.length < 2) return null;
  const byKey = new Map<string, number[]>();
  for (const r of rows) {
    const values = byKey.get(r.key) ?? years.map(() => 0);
    values[years.indexOf(r.year)]! += r.value;
    byKey.set(r.key, values);
  }
  const total = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const ranked = [...byKey]
    .sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([key, values]): CoverSeries => ({ key, values, role: key === home ? 'home' : key === rival ? 'rival' : 'other' }));
  // Biggest in the middle, the others alternately above and below it.
  const series: CoverSeries[] = [];
  ranked.forEach((s, i) => (i % 2 === 0 ? series.push(s) : series.unshift(s)));
  return { series, from: String(years[0]), to: String(years[years.length - 1]) };
}

const W = 600;
const H = 300;
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The picture: the series stacked as a stream around the middle of the picture (each year's total
 * centred), each layer's edges smooth curves through the yearly values.
 */
export function coverArtSvg(art: CoverArt): string {
  const years = art.series[0]?.values.length ?? 0;
  const totals = Array.from({ length: years }, (_, i) => art.series.reduce((sum, s) => sum + s.values[i]!, 0));
  const max = Math.max(0, ...totals);
  if (years < 2 || max === 0) return '';
  const scale = (H - 60) / max;
  const x = (i: number) => round(16 + (i / (years - 1)) * (W - 32));
  const mid = (H - 24) / 2 + 6;
  // Layer edges: edge[k][i] is the top of layer k in year i (edge[n] the bottom of the last).
  const edges: number[][] = [totals.map((t) => mid - (t * scale) / 2)];
  for (const s of art.series) edges.push(edges[edges.length - 1]!.map((y, i) => y + s.values[i]! * scale));
  const curve = (ys: readonly number[], reverse: boolean) => {
    const points = ys.map((y, i) => [x(i), round(y)] as const);
    if (reverse) points.reverse();
    return points.map(([px, py], i) => {
      if (i === 0) return `${px} ${py}`;
      const [qx, qy] = points[i - 1]!;
      const cx = round((qx + px) / 2);
      return `C${cx} ${qy} ${cx} ${py} ${px} ${py}`;
    });
  };
  const layers = art.series
    .map((s, k) => {
      const top = curve(edges[k]!, false);
      const bottom = curve(edges[k + 1]!, true);
      return `<path class="cover-layer-${s.role}${s.role === 'other' ? ` cover-layer-${k % 2 ? 'odd' : 'even'}` : ''}" d="M${top.join(' ')} L${bottom.join(' ')} Z"/>`;
    })
    .join('');
  const labels = `<text x="16" y="${H - 4}">${htmlText(art.from)}</text><text x="${W - 16}" y="${H - 4}" text-anchor="end">${htmlText(art.to)}</text>`;
  return `<svg class="cover-art" viewBox="0 0 ${W} ${H}" aria-hidden="true" focusable="false">${layers}${labels}</svg>`;
}

export interface CoverText {
  readonly title: string;
  readonly subtitle?: string;
  /** Lines under the title (edition, data source, date of the data). */
  readonly lines: readonly string[];
}

export function coverHtml(text: CoverText, art: string, other: { readonly label: string; readonly href: string; readonly lang: string } | null): string {
  const lines = text.lines.map((l) => `<p class="cover-line">${htmlText(l)}</p>`).join('');
  const subtitle = text.subtitle ? `<p class="cover-subtitle">${htmlText(text.subtitle)}</p>` : '';
  const link = other ? `<p class="edition-links"><a href="${urlAttr(other.href)}" hreflang="${htmlAttr(other.lang)}" lang="${htmlAttr(other.lang)}">${htmlText(other.label)}</a></p>` : '';
  return `<header class="cover"><div class="cover-band">${art}<div class="cover-titles"><p class="cover-title">${htmlText(text.title)}</p>${subtitle}</div></div><div class="cover-foot">${lines}</div>${link}</header>`;
}

/** The back cover: the colophon, one paragraph a line, the first (the publisher) set apart. */
export function backCoverHtml(lines: readonly string[]): string {
  const [first, ...rest] = lines;
  const colophon = [first === undefined ? '' : `<p class="colophon-publisher">${htmlText(first)}</p>`, ...rest.map((l) => `<p>${htmlText(l)}</p>`)].join('');
  return `<footer class="back-cover"><div class="colophon">${colophon}</div></footer>`;
}
