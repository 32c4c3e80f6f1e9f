/**
 * Two countries named as a pair: "中美" where the locale has a short form of both names (countries.json
 * "short", e.g. CN 中, US 美), in that list's order ("中加", not "加中"); else the names joined, in the
 * order given ("中国与印度", "China and the United States"). A pair is symmetric, so order is style.
 * One function for the chapters' `{{pair a b}}` and the figures' `$focus.pair`.
 */
import type { Translator } from './i18n.ts';
import type { CountryNames } from './countries.ts';

export function countryPair(t: Translator, names: CountryNames, a: string, b: string): string {
  const shortNames = t.has('countries:short') ? Object.keys(t.object('countries:short') as object) : [];
  const [x, y] = shortNames.indexOf(b) >= 0 && shortNames.indexOf(b) < shortNames.indexOf(a) ? [b, a] : [a, b];
  const short = (code: string) => (t.has(`countries:short.${code}`) ? t.text(`countries:short.${code}`) : undefined);
  const [sx, sy] = [short(x), short(y)];
  return sx !== undefined && sy !== undefined
    ? t.text('units.country_pair_short', { a: sx, b: sy })
    : t.text('units.country_pair', { a: names.name(a), b: names.name(b) });
}
