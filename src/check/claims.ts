/**
 * `report check`'s claims: the edition rendered on rank-changing variants of the metrics (variants.ts),
 * in every locale, where any false claim (`claim.false`) or render error is a problem naming the
 * variant; and the sentences rendered without a claim whose wording compares (the locale's word list,
 * `claims:comparative_words` in locales/shared/<locale>/claims.json), each a problem: a sentence that
 * compares declares what it asserts (a predicate, or a declaration such as `(definition)`). The
 * locale's defined terms (`claims:defined_terms`: "top papers", "高价值专利" …) name a thing, not a
 * comparison, and are left out before the words are looked for.
 */
import { countryNames } from '../base/countries.ts';
import type { Edition } from '../base/edition.ts';
import { createTranslator, type LocaleBundle } from '../base/i18n.ts';
import { renderChapters } from '../chapters/render.ts';
import { numberFigures } from '../base/slots.ts';
import { Trace } from '../base/trace.ts';
import type { SentenceLog } from '../base/trace.ts';
import type { MetricsDocument } from '../metrics/document.ts';
import type { Problem } from './lint.ts';
import { variants } from './variants.ts';
import { DECLARATIONS } from '../base/predicates.ts';

export interface ClaimsSummary {
  readonly problems: readonly Problem[];
  /** Variants rendered (each in every locale). */
  readonly variants: number;
  /** Distinct messages (key and context) rendered with a claim, on the dataset. */
  readonly claimed: number;
  /** Messages rendered without a claim whose wording compares: `locale key[ (context)]: "word"`. */
  readonly unclaimed: readonly string[];
  /** Messages rendered with a declaration instead of a comparison (`(definition)`, `(editorial)` …), by kind. */
  readonly declared: Readonly<Record<string, number>>;
}

/** Renders the chapters (no figures, no tables: sentences carry the claims) and returns the sentences rendered. */
export function renderSentences(edition: Edition, metrics: MetricsDocument, bundle: LocaleBundle): { sentences: SentenceLog[]; html: string } {
  const trace = new Trace();
  const t = createTranslator(bundle, metrics.provenance.definitions);
  const chapters = renderChapters(edition, metrics, t, countryNames(bundle.locale, bundle.namespaces.countries), numberFigures(edition), { trace });
  return { sentences: trace.sentences ?? [], html: chapters.map((c) => c.html).join('\n') };
}

/**
 * Names a dataset gives to what it does not name (a generator's placeholder institutions, "Unnamed
 * university …"): the locale's `claims:placeholder_names`, comma-separated. Printed, they are problems.
 */
export function placeholderProblems(bundle: LocaleBundle, text: string, where: string): Problem[] {
  const raw = (bundle.namespaces.claims as Record<string, unknown> | undefined)?.placeholder_names;
  const markers = typeof raw === 'string' ? raw.split(/[,，]/).map((w) => w.trim()).filter(Boolean) : [];
  const found = new Set<string>();
  for (const m of markers) for (const hit of text.matchAll(new RegExp(`[^\\s<>]{0,12}${m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^<>。.;；]{0,40}`, 'g'))) found.add(hit[0]);
  return [...found].map((name) => ({ check: 'placeholder-name', where, message: `"${name}" is a placeholder name of the dataset, printed as if it named an institution: leave it out of named lists or give the data its name` }));
}

export function checkClaims(edition: Edition, metrics: MetricsDocument, bundles: readonly LocaleBundle[], sentences: ReadonlyMap<string, readonly SentenceLog[]>, texts: ReadonlyMap<string, string> = new Map()): ClaimsSummary {
  const problems: Problem[] = [];
  for (const bundle of bundles) problems.push(...placeholderProblems(bundle, texts.get(bundle.locale) ?? '', `dataset ${bundle.locale}`));
  const all = variants(metrics, edition.focus);
  // A message the dataset does not print may print on a variant: its wording is checked there too.
  const rendered = new Map<string, SentenceLog[]>(bundles.map((b) => [b.locale, [...(sentences.get(b.locale) ?? [])]]));
  for (const v of all) {
    for (const bundle of bundles) {
      try {
        // Placeholder names are checked on the dataset only: a variant relabels countries, not the
        // institutions' names, and so shows a placeholder of one country as another's institution.
        rendered.get(bundle.locale)!.push(...renderSentences(edition, v.metrics, bundle).sentences);
      } catch (error) {
        problems.push({ check: 'variant', where: `variant "${v.name}" ${bundle.locale}`, message: (error as Error).message });
      }
    }
  }
  const claimed = new Set<string>();
  const declared = new Map<string, Set<string>>();
  const unclaimed = new Map<string, Problem>();
  for (const bundle of bundles) {
    const words = comparativeWords(bundle);
    const terms = definedTerms(bundle);
    for (const s of rendered.get(bundle.locale) ?? []) {
      const id = s.context ? `${s.key} (${s.context})` : s.key;
      if (s.claim) {
        claimed.add(id);
        if ((DECLARATIONS as readonly string[]).includes(s.claim.predicate)) declared.set(s.claim.predicate, (declared.get(s.claim.predicate) ?? new Set()).add(id));
        continue;
      }
      const text = rawMessage(bundle, s.key, s.context);
      const word = text === null ? undefined : comparativeWordIn(text, words, terms, bundle.locale);
      if (word) {
        unclaimed.set(`${bundle.locale} ${id}: "${word}"`, {
          check: 'unclaimed-comparative',
          where: `${bundle.locale} ${s.key}${s.context ? ` (context ${s.context})` : ''}`,
          message: `the message compares ("${word}") but is rendered without a claim: declare what it asserts with claim=(…) at its call site (a predicate such as (leads list "field"), or (definition), (method), (recommendation), (editorial) when it compares nothing in the data)`,
        });
      }
    }
  }
  const keys = [...unclaimed.keys()].sort();
  problems.push(...keys.map((k) => unclaimed.get(k)!));
  return { problems, variants: all.length, claimed: claimed.size, unclaimed: keys, declared: Object.fromEntries([...declared].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v.size])) };
}

/** The first comparative word in a message's wording (placeholders and the locale's defined terms left out), or undefined. */
export function comparativeWordIn(text: string, words: readonly string[], terms: readonly string[], locale: string): string | undefined {
  // Placeholders are values, not wording; a defined term names a thing ("top papers"), it does not rank.
  let wording = text.replace(/\{\{[^}]*\}\}/g, ' ');
  for (const term of [...terms].sort((a, b) => b.length - a.length)) wording = wording.replace(new RegExp(locale === 'zh' ? escapeRe(term) : `(?<!\\w)${escapeRe(term).replace(/ +/g, '\\s+')}(?!\\w)`, locale === 'zh' ? 'g' : 'gi'), ' ');
  return words.find((w) => (locale === 'zh' ? wording.includes(w) : new RegExp(`\\b${escapeRe(w)}\\b`, 'i').test(wording)));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The locale's defined terms (claims:defined_terms, comma-separated): names of things that contain a comparative word. */
export function definedTerms(bundle: LocaleBundle): string[] {
  const text = (bundle.namespaces.claims as Record<string, unknown> | undefined)?.defined_terms;
  return typeof text === 'string' ? text.split(/[,，、]/).map((w) => w.trim()).filter(Boolean) : [];
}

/** The locale's comparative words (claims:comparative_words, comma-separated), or none. */
export function comparativeWords(bundle: LocaleBundle): string[] {
  const text = (bundle.namespaces.claims as Record<string, unknown> | undefined)?.comparative_words;
  return typeof text === 'string' ? text.split(/[,，、]/).map((w) => w.trim()).filter(Boolean) : [];
}

/** The message as written for `key` and its context (falling back to the key without it). */
function rawMessage(bundle: LocaleBundle, key: string, context: string | null): string | null {
  const [ns, path] = key.includes(':') ? [key.split(':')[0]!, key.slice(key.indexOf(':') + 1)] : ['report', key];
  let node: unknown = bundle.namespaces[ns];
  const parts = path.split('.');
  const last = parts.pop()!;
  for (const p of parts) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[p] : undefined;
  if (!node || typeof node !== 'object') return null;
  const leaf = node as Record<string, unknown>;
  const pick = (k: string) => (typeof leaf[k] === 'string' ? (leaf[k] as string) : null);
  return (context ? pick(`${last}_${context}`) : null) ?? pick(last) ?? pick(`${last}_other`) ?? pick(`${last}_one`);
}
