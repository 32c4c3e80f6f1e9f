/**
 * Static checks of an edition's sources: the locales (same keys and content files in every locale,
 * the same values shown by every message, no number and no country name typed into a message) and
 * the templates (no number typed, except list sizes and positions given to the helpers that take them).
 */
import Handlebars from 'handlebars';
import countries from 'i18n-iso-countries';
import type { ChapterSource, Edition } from '../base/edition.ts';
import { LITERAL_NUMBER_HELPERS } from '../chapters/helpers.ts';
import { CLAIM_LITERAL_NUMBER_HELPERS } from '../chapters/claim-helpers.ts';
import type { LocaleBundle } from '../base/i18n.ts';

export interface Problem {
  /** What kind of problem: the check's name. */
  readonly check: string;
  /** Where: a file (and line), or a locale and a key. */
  readonly where: string;
  readonly message: string;
}

/** A number as it stands in text: digits, with separators and decimals, not part of a name (5G, h5). */
export const NUMBER_TOKEN = /(?<![\p{L}\p{N}_.])\d(?:[\d,]*\d)?(?:\.\d+)?(?![\p{L}\p{N}_])/gu;

export function numberTokens(text: string): string[] {
  return [...text.matchAll(NUMBER_TOKEN)].map((m) => m[0]);
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every message of a bundle, flattened: "namespace:path.to.key" → text. */
export function flatten(bundle: LocaleBundle): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (ns: string, prefix: string, value: unknown) => {
    if (typeof value === 'string') out.set(`${ns}:${prefix}`, value);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(ns, prefix ? `${prefix}.${k}` : k, v);
  };
  for (const [ns, messages] of Object.entries(bundle.namespaces)) walk(ns, '', messages);
  return out;
}

/** A key without its plural suffix: locales pluralise differently ("papers_one" exists in en only). */
const base = (key: string) => key.replace(PLURAL, '');

/** The names interpolated by a message: "{{first, capitalize}} and {{n}}" → first, n. */
export function variables(text: string): Set<string> {
  return new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!));
}

/** The message text that is not interpolated. */
const literalText = (text: string) => text.replace(/\{\{[^}]*\}\}/g, ' ').replace(/\$t\([^)]*\)/g, ' ');

/** Namespaces whose values are names by design (of countries, regions): per-locale overrides, not messages. */
const NAME_NAMESPACES = new Set(['countries', 'regions']);
/** Word lists `report check` reads (claims.json, style.json), never printed: their words may hold digits ("前 10 位"). */
const RULE_NAMESPACES = new Set(['claims', 'style']);

/** Messages about the document itself (title, cover), owned by the layout, not the report's text. */
const isDocumentKey = (key: string) => key.startsWith('document:') || key.startsWith('report:doc.');

/**
 * Values that name rather than count: a locale may name a country again where the other says "it".
 * Every other value a message leaves out is a number one edition shows and the other does not.
 */
const NAME_VARIABLES = new Set(['home', 'rival', 'pair', 'country', 'source', 'first', 'second', 'third', 'leader', 'best', 'world']);

/** Every country name in both languages, longest first, as a message could type it. */
function countryNamesIn(locale: 'zh' | 'en'): string[] {
  const names = Object.values(countries.getNames(locale, { select: 'all' })).flat();
  return [...new Set(names.filter((n) => n.length >= (locale === 'zh' ? 2 : 4)))].sort((a, b) => b.length - a.length);
}

export function lintLocales(bundles: readonly LocaleBundle[]): Problem[] {
  const problems: Problem[] = [];
  const flat = bundles.map((b) => ({ bundle: b, messages: flatten(b) }));
  // Content files and keys: the same in every locale.
  for (const a of flat) {
    for (const b of flat) {
      if (a === b) continue;
      for (const ns of Object.keys(a.bundle.namespaces)) {
        if (!(ns in b.bundle.namespaces)) problems.push({ check: 'locale-files', where: `${b.bundle.dir}/${ns}.json`, message: `missing: locale "${a.bundle.locale}" has ${ns}.json, locale "${b.bundle.locale}" does not` });
      }
      const theirs = new Set([...b.messages.keys()].map(base));
      for (const key of new Set([...a.messages.keys()].map(base))) {
        if (key.startsWith('countries:')) continue;
        if (!theirs.has(key) && key.split(':')[0]! in b.bundle.namespaces) {
          problems.push({ check: 'locale-keys', where: `${b.bundle.dir}/${key.split(':')[0]}.json`, message: `no message "${key.split(':')[1]}" (locale "${a.bundle.locale}" has one)` });
        }
      }
    }
  }
  // The same values in every locale's version of a message: a value one locale leaves out is a number
  // (or name) shown in one edition and not the other.
  const [first, ...rest] = flat;
  if (first) {
    for (const other of rest) {
      const group = (m: Map<string, string>) => {
        const g = new Map<string, Set<string>>();
        for (const [k, v] of m) {
          const vars = g.get(base(k)) ?? new Set<string>();
          for (const x of variables(v)) vars.add(x);
          g.set(base(k), vars);
        }
        return g;
      };
      const a = group(first.messages);
      const b = group(other.messages);
      for (const [key, vars] of a) {
        const theirs = b.get(key);
        if (!theirs) continue;
        const onlyA = [...vars].filter((v) => !theirs.has(v) && !NAME_VARIABLES.has(v));
        const onlyB = [...theirs].filter((v) => !vars.has(v) && !NAME_VARIABLES.has(v));
        if (onlyA.length || onlyB.length) {
          const says = [
            ...(onlyA.length ? [`"${first.bundle.locale}" shows {{${onlyA.join('}}, {{')}}}`] : []),
            ...(onlyB.length ? [`"${other.bundle.locale}" shows {{${onlyB.join('}}, {{')}}}`] : []),
          ];
          problems.push({ check: 'locale-values', where: key, message: `the locales show different values: ${says.join(' that the other does not; ')} that the other does not` });
        }
      }
    }
  }
  // Nothing a reader takes for data may be typed into a message: numbers, country names.
  for (const { bundle, messages } of flat) {
    const names = countryNamesIn(bundle.locale);
    for (const [key, text] of messages) {
      const literal = literalText(text);
      const ns = key.split(':')[0]!;
      if (NAME_NAMESPACES.has(ns) || RULE_NAMESPACES.has(ns) || isDocumentKey(key)) continue;
      const typed = numberTokens(literal);
      if (typed.length) problems.push({ check: 'typed-number', where: `${bundle.dir}/${ns}.json ${key.split(':')[1]}`, message: `the message types the number ${typed.map((n) => `"${n}"`).join(', ')}: numbers come from the metrics through a helper` });
      const plain = literal.replace(/\*\*/g, '');
      const country = names.find((n) => (bundle.locale === 'zh' ? plain.includes(n) : new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(plain)));
      if (country && !key.startsWith('content:teams')) problems.push({ check: 'typed-name', where: `${bundle.dir}/${ns}.json ${key.split(':')[1]}`, message: `the message names the country "${country}": countries come from the data (e.g. {{home}}), so that the sentence stays true when the data change` });
    }
  }
  return problems;
}

type Node = { type: string; loc?: { start: { line: number; column: number } }; [k: string]: unknown };

/** Template sources: numbers typed outside the positions where a list size or index belongs. */
export function lintTemplates(edition: Edition): Problem[] {
  const sources: ChapterSource[] = [
    ...edition.chapters,
    ...Object.entries(edition.partials ?? {}).map(([name, text]) => ({ id: name, file: `partials/${name}.md.hbs`, text })),
  ];
  const problems: Problem[] = [];
  for (const source of sources) {
    let ast: Node;
    try {
      ast = Handlebars.parse(source.text) as unknown as Node;
    } catch (error) {
      problems.push({ check: 'template-syntax', where: source.file, message: (error as Error).message.split('\n')[0]! });
      continue;
    }
    const at = (n: Node) => `${source.file}:${n.loc?.start.line ?? 0}:${(n.loc?.start.column ?? 0) + 1}`;
    const visit = (node: unknown, allowed = false): void => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) {
        for (const n of node) visit(n, allowed);
        return;
      }
      const n = node as Node;
      if (n.type === 'NumberLiteral' && !allowed) {
        problems.push({ check: 'typed-number', where: at(n), message: `the template types the number ${String(n.value)}: numbers come from the metrics (only list sizes and positions may be written)` });
        return;
      }
      if (n.type === 'ContentStatement') {
        const typed = numberTokens(String(n.value));
        if (typed.length) problems.push({ check: 'typed-number', where: at(n), message: `the template text types the number ${typed.map((x) => `"${x}"`).join(', ')}: sentences and numbers belong in the locales and the metrics` });
        return;
      }
      if (n.type === 'CommentStatement') return;
      if ((n.type === 'SubExpression' || n.type === 'MustacheStatement' || n.type === 'BlockStatement') && n.path) {
        const name = (n.path as { original?: string }).original ?? '';
        const positions = LITERAL_NUMBER_HELPERS[name] ?? CLAIM_LITERAL_NUMBER_HELPERS[name] ?? [];
        ((n.params as unknown[]) ?? []).forEach((p, i) => visit(p, positions.includes(i)));
        visit(n.hash);
        visit(n.program);
        visit(n.inverse);
        return;
      }
      for (const [k, v] of Object.entries(n)) if (k !== 'loc') visit(v);
    };
    visit(ast);
  }
  return problems;
}
