/**
 * Locale formatting of numbers: `506,775 篇` / `506,775 papers`, `12.8 万` / `128 thousand`,
 * `2.9 倍` / `2.9 times`, ordinals and percentages. Pure functions of (locale, value).
 */
import type { Locale } from '../load/yaml.ts';

const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function integer(value: number): string {
  return grouping.format(Math.round(value));
}

export function decimal(value: number, digits: number): string {
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** Large counts in the locale's customary magnitude: 12.8 万 (zh) or 128 thousand / 1.3 million (en). */
export function magnitude(locale: Locale, value: number): string {
  if (locale === 'zh') {
    if (value >= 1e8) return `${decimal(value / 1e8, 1)} 亿`;
    if (value >= 1e4) return `${decimal(value / 1e4, 1)} 万`;
    return integer(value);
  }
  if (value >= 1e9) return `${decimal(value / 1e9, 1)} billion`;
  if (value >= 1e6) return `${decimal(value / 1e6, 1)} million`;
  if (value >= 1e3) return `${integer(value / 1e3)} thousand`;
  return integer(value);
}

export function percent(value: number, digits = 1): string {
  return `${decimal(value * 100, digits)}%`;
}

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const EN_ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** Rank as a word: 第三 / third; past ten, 第 11 / 11th. */
export function ordinal(locale: Locale, rank: number): string {
  if (locale === 'zh') return rank <= 10 ? `第${ZH_DIGITS[rank]}` : `第 ${rank}`;
  if (rank <= 10) return EN_ORDINALS[rank]!;
  const tens = rank % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th';
  return `${rank}${suffix}`;
}
