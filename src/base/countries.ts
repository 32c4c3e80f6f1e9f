/**
 * Country names per locale from i18n-iso-countries (maintained ISO data, not a hand-typed table),
 * with the few short forms an editor would print ("United States", not "United States of America")
 * kept in locales/<locale>/countries.json.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import type { Locale } from './yaml.ts';

countries.registerLocale(en);
countries.registerLocale(zh);

export interface CountryNames {
  /** The name as it reads in running text ("the United States"). */
  name(code: string): string;
  /** The name as a label in a chart or table ("United States"). */
  label(code: string): string;
}

export function countryNames(locale: Locale, overrides: Readonly<Record<string, unknown>> = {}): CountryNames {
  const name = (code: string) => {
    const own = overrides[code];
    if (typeof own === 'string') return own;
    const iso = countries.getName(code, locale);
    if (!iso) throw new Error(`unknown country code ${code}`);
    return iso;
  };
  return { name, label: (code) => name(code).replace(/^the /, '') };
}
