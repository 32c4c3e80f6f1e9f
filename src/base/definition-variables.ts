/**
 * The edition's definitions as the text prints them. The values are the edition's (`definitions:` in
 * edition.yaml, see base/definitions.ts) as recorded in the metrics document's provenance: every
 * sentence, note and caption that mentions one prints it through the locale's default variables
 * `{{top_share}}`, `{{high_value}}` and `{{high_level_h}}`, so no message can state another value than
 * the one the SQL applied.
 */
import type { Locale } from './yaml.ts';
import type { Definitions } from './definitions.ts';
import * as fmt from './format.ts';

/** The definitions as the locale prints them: "1%", "100 万美元" / "USD 1 million", "20". */
export function definitionVariables(locale: Locale, definitions: Definitions): Record<string, string> {
  return {
    // Whole percents print without decimals (1%), a share such as 0.005 with one (0.5%).
    top_share: fmt.percent(definitions.top_share, Math.round(definitions.top_share * 1000) % 10 === 0 ? 0 : 1),
    high_value: fmt.money(locale, definitions.high_value_usd),
    high_level_h: fmt.integer(definitions.high_level_h),
  };
}
