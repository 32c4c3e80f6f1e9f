/**
 * Locale messages, one i18next instance per locale: the engine's shared vocabulary
 * (`locales/shared/<locale>/*.json`: units, labels, value bands, scope notes, document chrome, country
 * and region names) and the edition's own sentences (`locales/<edition>/<locale>/*.json`), merged per
 * namespace (file name). A key in both is refused, so an edition never silently rewords what every
 * edition shares, and editing one edition's sentences never changes another's.
 * Interpolated values are Interpolated values are
 * escaped with `escapeInline` (markdown- and HTML-safe) unless they are markup already (the output of
 * another message, e.g. a number with its unit); the message text itself is trusted markdown.
 * A missing key is an error naming the key, never a silently printed key.
 */
import { bareCount } from './bare-count.ts';
import { join } from 'node:path';
import i18next, { type i18n } from 'i18next';
import type { FileSystem } from '../effects.ts';
import { ReportError } from '../errors.ts';
import type { Locale } from './yaml.ts';
import { escapeInline } from './markup.ts';
import type { Definitions } from './definitions.ts';
import { definitionVariables } from './definition-variables.ts';
import { isolateBidi } from './bidi.ts';
import { jsonSyntaxError } from './json-position.ts';

export type Messages = Readonly<Record<string, unknown>>;

export interface LocaleBundle {
  readonly locale: Locale;
  /** The edition's folder for this locale, where a missing sentence belongs. */
  readonly dir: string;
  /** Namespace (file name without .json) → its messages. */
  readonly namespaces: Readonly<Record<string, Messages>>;
}

/** The folder of the vocabulary every edition shares, under the locales root. */
export const SHARED_LOCALES = 'shared';

/** `root` is the top-level locales/ folder: its `shared/<locale>/` and `<edition>/<locale>/` are merged. */
export async function readLocale(fs: FileSystem, root: string, edition: string, locale: Locale): Promise<LocaleBundle> {
  const shared = await readLocaleFolder(fs, join(root, SHARED_LOCALES, locale));
  const dir = join(root, edition, locale);
  const own = await readLocaleFolder(fs, dir);
  const namespaces: Record<string, Messages> = {};
  for (const name of [...new Set([...Object.keys(shared), ...Object.keys(own)])].sort()) {
    namespaces[name] = mergeMessages(shared[name] ?? {}, own[name] ?? {}, (key) =>
      ReportError.of('locale.duplicate-key', { file: join(dir, `${name}.json`), key, other: join(root, SHARED_LOCALES, locale, `${name}.json`) }),
    );
  }
  return Object.freeze({ locale, dir, namespaces: Object.freeze(namespaces) });
}

/** Every key of both, recursively; a key (leaf or branch) that both define is refused. */
function mergeMessages(shared: Messages, own: Messages, duplicate: (key: string) => Error, prefix = ''): Messages {
  const out: Record<string, unknown> = { ...shared };
  for (const [key, value] of Object.entries(own)) {
    const there = shared[key];
    const path = `${prefix}${key}`;
    if (there === undefined) out[key] = value;
    else if (isBranch(there) && isBranch(value)) out[key] = mergeMessages(there, value, duplicate, `${path}.`);
    else throw duplicate(path);
  }
  return out;
}

function isBranch(value: unknown): value is Messages {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One folder's `*.json` files by namespace (an absent folder has none: an edition may add no sentences). */
async function readLocaleFolder(fs: FileSystem, dir: string): Promise<Record<string, Messages>> {
  const namespaces: Record<string, Messages> = {};
  if (!(await fs.exists(dir))) return namespaces;
  for (const name of await fs.list(dir)) {
    if (!name.endsWith('.json')) continue;
    const file = join(dir, name);
    const text = await fs.readText(file);
    try {
      namespaces[name.slice(0, -5)] = JSON.parse(text) as Messages;
    } catch (error) {
      throw jsonSyntaxError(file, text, error);
    }
  }
  return namespaces;
}

export interface Translator {
  readonly locale: Locale;
  /** Translates `key` ("namespace:path.to.key", namespace defaults to "report"). */
  t(key: string, values?: Record<string, unknown>): string;
  /** The same message as plain text, values unescaped: for SVG titles, PDF metadata, file names. */
  text(key: string, values?: Record<string, unknown>): string;
  has(key: string, values?: Record<string, unknown>): boolean;
  /** Structured content (an object or list of a content file), as written, e.g. "content:teams". */
  object(key: string): unknown;
  /**
   * The message as written, with its plural and context forms (JSON; "" when missing): what `t` and
   * `text` answer from, with the values and the definitions. A memory of a stage's answers compares
   * these rather than asking again (src/cache/answers.ts).
   */
  source(key: string): string;
}

/**
 * `definitions` are the thresholds the metrics were computed with (`metrics.provenance.definitions`):
 * every message may print them as `{{top_share}}`, `{{high_value}}`, `{{high_level_h}}`.
 */
export function createTranslator(bundle: LocaleBundle, definitions: Definitions): Translator {
  const instance: i18n = i18next.createInstance();
  void instance.init({
    lng: bundle.locale,
    fallbackLng: false,
    initAsync: false,
    ns: Object.keys(bundle.namespaces),
    defaultNS: 'report',
    resources: { [bundle.locale]: bundle.namespaces as Record<string, Record<string, unknown>> },
    // Values are escaped by `t` below, so that pre-escaped markup (see isMarkup) is not escaped twice.
    // The report's definitions (top 1%, high-value, high-level) are default variables of every message.
    interpolation: { escapeValue: false, defaultVariables: definitionVariables(bundle.locale, definitions) },
    returnNull: false,
  } as Parameters<i18n['init']>[0]);
  // `{{name, capitalize}}` for a value that opens a sentence ("the United States" → "The United States").
  instance.services.formatter?.add('capitalize', (value: unknown) => {
    const text = String(value);
    return text.charAt(0).toUpperCase() + text.slice(1);
  });
  // `{{name, possessive}}` for a name that owns what follows: "China" → "China's", "the United States"
  // → "the United States'" (a name ending in s takes the apostrophe alone). Only English messages use it.
  instance.services.formatter?.add('possessive', (value: unknown) => {
    const text = String(value);
    const bare = text.replace(/(<[^>]*>|[\u2066-\u2069])+$/u, '');
    const ending = text.slice(bare.length);
    return `${bare}${/s$/i.test(bare) ? "'" : "'s"}${ending}`;
  });
  // `{{b, bare}}`: a count without its unit word ("525,794 papers" → "525,794"), for the second of two
  // counts of one unit ("506,775 papers against 525,794"). A value that does not begin with a number is kept.
  instance.services.formatter?.add('bare', (value: unknown) => bareCount(String(value)));
  const has = (key: string, values?: Record<string, unknown>) => instance.exists(key, values ?? {});
  const need = (key: string, values?: Record<string, unknown>) => {
    // A message with a default (`defaultValue=`, a name from the data the locale may not translate) is never missing.
    if (!has(key, values) && values?.defaultValue === undefined) {
      throw ReportError.of('locale.missing-key', { locale: bundle.locale, key, file: join(bundle.dir, `${key.includes(':') ? key.split(':')[0] : 'report'}.json`) });
    }
  };
  // A call that gives its own fallback (`defaultValue`: a city's name as the data spell it, when the
  // edition has no translation of it) may name a key the locale lacks; any other call may not. The
  // fallback is data, so it is printed as a value (escaped, isolated), never read as a message.
  const fallbackFor = (key: string, values?: Record<string, unknown>): string | undefined =>
    values?.defaultValue !== undefined && !has(key, values) ? String(values.defaultValue) : undefined;
  return {
    locale: bundle.locale,
    has,
    t(key, values) {
      const fallback = fallbackFor(key, values);
      if (fallback !== undefined) return escapeInline(fallback);
      need(key, values);
      return instance.t(key, escapeValues(values ?? {})) as string;
    },
    text(key, values) {
      const fallback = fallbackFor(key, values);
      if (fallback !== undefined) return isolateBidi(fallback);
      need(key, values);
      return instance.t(key, isolateValues(values ?? {})) as string;
    },
    object(key) {
      need(key);
      return instance.t(key, { returnObjects: true });
    },
    source: (key) => messageSource(bundle, key),
  };
}

let nested = 0;

/** See Translator.source. */
function messageSource(bundle: LocaleBundle, key: string): string {
  const ns = key.includes(':') ? key.slice(0, key.indexOf(':')) : 'report';
  const parts = (key.includes(':') ? key.slice(key.indexOf(':') + 1) : key).split('.');
  const last = parts.pop()!;
  let node: unknown = bundle.namespaces[ns];
  for (const p of parts) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[p] : undefined;
  if (node === null || typeof node !== 'object') return '';
  const forms = Object.entries(node as Record<string, unknown>).filter(([k]) => k === last || k.startsWith(`${last}_`));
  const text = JSON.stringify(forms);
  // A message that refers to another ($t(…)) answers from that one too: never the same source.
  return text.includes('$t(') ? `${text}#${++nested}` : text;
}

/** Markup already escaped for markdown: Handlebars SafeStrings and the like. */
export function isMarkup(value: unknown): value is { toHTML(): string } {
  return value !== null && typeof value === 'object' && typeof (value as { toHTML?: unknown }).toHTML === 'function';
}

/** i18next options (count, context, …) pass through; everything else is escaped once. */
const OPTION_KEYS = new Set(['count', 'context', 'ordinal', 'defaultValue', 'lng', 'ns']);

/** Plain text: each string value in its own bidi isolate (bidi.ts), nothing else changed. */
function isolateValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' && !OPTION_KEYS.has(k) ? isolateBidi(v) : v;
  return out;
}

function escapeValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = OPTION_KEYS.has(k) ? v : isMarkup(v) ? v.toHTML() : escapeInline(v);
  return out;
}
