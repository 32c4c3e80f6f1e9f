/**
 * A count without its unit word ("525,794 papers" → "525,794"): the second of two counts of one unit
 * is printed bare in English (a unit word in Latin letters; Chinese measure words are never dropped) ("506,775 papers against 525,794"), through the `bare` formatter of the
 * messages (i18n.ts); `report check` reads such a value as shown (check/render.ts).
 */
export function bareCount(text: string): string {
  const m = /^(\S*\d)\s+\p{Script=Latin}/u.exec(text);
  return m ? m[1]! : text;
}
