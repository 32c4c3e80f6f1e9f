/**
 * Chinese text sets a space between Han characters and Latin letters ("IBM 居首", "根据 AMiner"; digits
 * are the messages' own business, checked by report check). Messages write the space where they can see it; where a value meets the message's own
 * text ("{{source}}的数据" with source = "AMiner 科技情报平台" is fine, "根据{{first}}" with "AMiner" is
 * not), this puts it in. Markup and bidi isolates between the two are looked through; nothing inside a
 * tag is touched (a tag's attributes hold no Han).
 */
const SKIP = '((?:<[^>]*>|[\\u2066-\\u2069])*)';
const LATIN_THEN_HAN = new RegExp(`(?<=[A-Za-z])${SKIP}(?=\\p{Script=Han})`, 'gu');
const HAN_THEN_LATIN = new RegExp(`(?<=\\p{Script=Han})${SKIP}(?=[A-Za-z])`, 'gu');

export function spaceCjk(text: string): string {
  return text.replace(LATIN_THEN_HAN, '$1 ').replace(HAN_THEN_LATIN, ' $1');
}
