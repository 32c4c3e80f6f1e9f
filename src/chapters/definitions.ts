/**
 * The report's definitions, stated once. The metrics SQL applies the same thresholds
 * (src/metrics/sql/papers.sql, patents.sql, talent.sql; a test keeps the two in step); every sentence,
 * note and caption that mentions one prints it from here through the locale's default variables
 * `{{top_share}}`, `{{high_value}}` and `{{high_level_h}}`, so no message can state another value.
 */
import type { Locale } from '../load/yaml.ts';
import * as fmt from './format.ts';

export const DEFINITIONS = {
  /** A paper is "top 1%" when it is among the most cited 1% of its publication year's papers. */
  top_share: 0.01,
  /** A patent is high-value when its market value is at least this many US dollars. */
  high_value_usd: 1_000_000,
  /** A researcher is high-level when their h-index is at least this. */
  high_level_h: 20,
} as const;

/** The definitions as the locale prints them: "1%", "100 万美元" / "USD 1 million", "20". */
export function definitionVariables(locale: Locale): Record<string, string> {
  return {
    top_share: fmt.percent(DEFINITIONS.top_share, 0),
    high_value: fmt.money(locale, DEFINITIONS.high_value_usd),
    high_level_h: fmt.integer(DEFINITIONS.high_level_h),
  };
}
