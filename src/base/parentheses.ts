/**
 * Two parentheticals in a row read as a stutter: a name that carries its own ("UDICE (French research
 * universities)", "法国研究型大学联盟（UDICE）") followed by a message's count in parentheses. They are
 * merged into one, the count after the name's gloss: "UDICE (French research universities; 48,217
 * papers)", "法国研究型大学联盟（UDICE，48,217 篇）". Only a first parenthetical without nested
 * parentheses is merged, so nothing else in a sentence moves.
 */
import type { Locale } from './yaml.ts';

// A value's own parentheses reach the message escaped for markdown ("&#40;", "&#41;": src/base/markup.ts).
const OPEN = String.raw`(?:\(|&#40;)`;
const CLOSE = String.raw`(?:\)|&#41;)`;
const LATIN = new RegExp(String.raw`(${OPEN}(?:(?!${OPEN}|${CLOSE}).)*)${CLOSE} ${OPEN}`, 'g');

export function mergeParentheses(locale: Locale, text: string): string {
  return locale === 'zh' ? text.replace(/(（[^（）()]*)）\s*（/g, '$1，') : text.replace(LATIN, '$1; ');
}
