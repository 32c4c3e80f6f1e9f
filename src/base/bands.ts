/**
 * Patent value bands ("30k-300k", "20M+", "unknown", as the metrics name them) printed in the
 * locale's words, their bounds formatted from the band's own name: no amount is typed in a message.
 */
import * as fmt from './format.ts';
import type { Translator } from './i18n.ts';

const UNIT: Record<string, number> = { '': 1, k: 1e3, M: 1e6 };

/** The bounds of a band in US dollars: [low, high) with high null for an open band; null for "unknown". */
export function bandBounds(band: string): [number, number | null] | null {
  if (band === 'unknown') return null;
  const amount = (s: string) => {
    const m = /^(\d+(?:\.\d+)?)(k|M)?$/.exec(s);
    if (!m) throw new Error(`not a value band: ${band}`);
    return Number(m[1]) * UNIT[m[2] ?? '']!;
  };
  if (band.endsWith('+')) return [amount(band.slice(0, -1)), null];
  const [low, high] = band.split('-');
  if (low === undefined || high === undefined) throw new Error(`not a value band: ${band}`);
  return [amount(low), amount(high)];
}

/** "1 万–3 万美元" / "USD 10,000–30,000"; "2,000 万美元及以上" / "USD 20 million and above"; "价值未知" / "value unknown". */
export function bandLabel(t: Translator, band: string): string {
  const bounds = bandBounds(band);
  if (!bounds) return t.text('bands.unknown');
  const [low, high] = bounds;
  if (high === null) return t.text('bands.above', { low: fmt.money(t.locale, low) });
  if (low === 0) return t.text('bands.below', { high: fmt.money(t.locale, high) });
  return t.text('bands.range', { low: fmt.moneyBare(t.locale, low), high: fmt.moneyBare(t.locale, high) });
}
