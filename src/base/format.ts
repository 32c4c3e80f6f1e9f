/**
 * Locale formatting of numbers: `506,775 篇` / `506,775 papers`, `12.8 万` / `128 thousand`,
 * `2.9 倍` / `2.9 times`, ordinals and percentages. Pure functions of (locale, value).
 */
import type { Locale } from './yaml.ts';

const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function integer(value: number): string {
  return grouping.format(Math.round(value));
}

export function decimal(value: number, digits: number): string {
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/**
 * A figure in running text drops a fraction that is all zeros: "2 倍", "25%", "50 次/篇", "2017",
 * beside "2.9 倍", "12.8%". The published edition prints them so; "8.0 times" reads as a measurement
 * more precise than the sentence means. (Tables keep their column's digits: cells.ts.)
 */
export function withoutZeroFraction(formatted: string): string {
  return formatted.replace(/(\d)\.0+(?!\d)/g, '$1');
}

/** `decimal` for running text: at most `digits` decimals, none when they would all be zero. */
export function proseDecimal(value: number, digits: number): string {
  return withoutZeroFraction(decimal(value, digits));
}

/** Large counts in the locale's customary magnitude: 12.8 万 (zh) or 128 thousand / 1.3 million (en). */
export function magnitude(locale: Locale, value: number): string {
  if (locale === 'zh') {
    if (value >= 1e8) return `${decimal(value / 1e8, 1)} 亿`;
    if (value >= 1e4) return `${decimal(value / 1e4, 1)} 万`;
    return integer(value);
  }
  if (value >= 1e9) return `${decimal(value / 1e9, 1)} billion`;
  // From 100 million a decimal says nothing the whole millions do not: "140 million", not "140.0 million".
  if (value >= 1e8) return `${integer(value / 1e6)} million`;
  if (value >= 1e6) return `${decimal(value / 1e6, 1)} million`;
  if (value >= 1e5) return `${integer(value / 1e3)} thousand`;
  // Below 100,000 the exact count reads better than "12.8 thousand".
  return integer(value);
}

export function percent(value: number, digits = 1): string {
  return `${decimal(value * 100, digits)}%`;
}

/**
 * A percentage as a chart or its description prints it: a positive share that rounds to zero is
 * "<0.1%", not "0.0%" (it is not nothing).
 */
export function percentShown(value: number, digits = 1): string {
  const least = 10 ** -digits;
  return value > 0 && value * 100 < least / 2 ? `<${decimal(least, digits)}%` : percent(value, digits);
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

/** An amount of US dollars in the locale's words: "100 万美元" / "USD 1 million", "30 万美元" / "USD 300,000". */
export function money(locale: Locale, usd: number): string {
  if (locale === 'zh') {
    if (usd >= 1e8) return `${trim(usd / 1e8)} 亿美元`;
    if (usd >= 1e4) return `${trim(usd / 1e4)} 万美元`;
    return `${integer(usd)} 美元`;
  }
  if (usd >= 1e9) return `USD ${trim(usd / 1e9)} billion`;
  if (usd >= 1e6) return `USD ${trim(usd / 1e6)} million`;
  return `USD ${integer(usd)}`;
}

/** Up to one decimal, without a trailing ".0": 1, 2.5, 30. */
function trim(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(value);
}

/** A share as a percentage whose digits adapt to its size: 0.42%, 9.2%, 17%. */
export function share(value: number): string {
  const pct = value * 100;
  return percent(value, pct !== 0 && Math.abs(pct) < 1 ? 2 : 1);
}

/** The lower end of a range of dollars, its currency left to the upper end: "1 万" / "10,000". */
export function moneyBare(locale: Locale, usd: number): string {
  if (locale === 'zh') return usd >= 1e4 ? `${trim(usd / 1e4)} 万` : integer(usd);
  if (usd >= 1e6) return `${trim(usd / 1e6)} million`;
  return integer(usd);
}

const EN_CARDINALS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** A count in running text: English spells out zero to ten (house style); Chinese uses digits. */
export function cardinal(locale: Locale, n: number): string {
  if (locale === 'en' && Number.isInteger(n) && n >= 0 && n <= 10) return EN_CARDINALS[n]!;
  return integer(n);
}

/** A count before a measure word: 两家 / 五所 (zh, past ten in digits) / two, five (en, past ten in digits). */
export function countWord(locale: Locale, n: number): string {
  if (locale === 'zh' && Number.isInteger(n) && n >= 1 && n <= 10) return n === 2 ? '两' : ZH_DIGITS[n]!;
  return cardinal(locale, n);
}

/** A number in a heading's sequence: 一 … 十 (zh, past ten in digits) / 1, 2 … (en). */
export function numeral(locale: Locale, n: number): string {
  if (locale === 'zh' && Number.isInteger(n) && n >= 1 && n <= 10) return ZH_DIGITS[n]!;
  return integer(n);
}

const ROMAN: readonly [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

/** A Roman numeral (appendices are I, II … in both languages): 1 → I, 4 → IV, 12 → XII. */
export function roman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n >= 4000) throw new Error(`expected a whole number from 1 to 3999 for a Roman numeral, got ${n}`);
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthIndex(m: number): number {
  if (!Number.isInteger(m) || m < 1 || m > 12) throw new Error(`expected a month 1 … 12, got ${m}`);
  return m - 1;
}

/** A month in running text: "2 月" / "February". */
export function month(locale: Locale, m: number): string {
  return locale === 'zh' ? `${monthIndex(m) + 1} 月` : EN_MONTHS[monthIndex(m)]!;
}

/** A month of a year: "2022 年 2 月" / "February 2022". */
export function yearMonth(locale: Locale, year: number, m: number): string {
  return locale === 'zh' ? `${year} 年 ${month(locale, m)}` : `${month(locale, m)} ${year}`;
}

/** A month as a time axis labels it: "2月" / "Feb". */
export function monthShort(locale: Locale, m: number): string {
  return locale === 'zh' ? `${monthIndex(m) + 1}月` : EN_MONTHS[monthIndex(m)]!.slice(0, 3);
}
