/**
 * A stage's result kept while what it asked of the locale gives the same answers.
 *
 * The figures and tables stages, and each chapter, read a locale only through its translator and its
 * country names. An edit to a sentence of one chapter changes the locale, yet leaves what the other
 * chapters, the figures and the tables read of it the same: the preview, rebuilding on that edit,
 * should not lay out 37 charts again. So each run notes the messages it asked for and the country
 * names it used; the next run with the same other inputs (the metrics document, the edition's parts
 * the stage reads) reuses the result when each of those messages is written as before and each name
 * reads as before. The stages are pure functions of those inputs, so the reused result is exactly
 * what a new run would make. Warnings a run gave are given again when its result is reused.
 *
 * Kept in memory by a long-running caller only (`Resources.answers`, the preview's worker): a build
 * from the command line runs each stage once.
 */
import type { CountryNames } from '../base/countries.ts';
import type { Translator } from '../base/i18n.ts';

/**
 * What a run read of the locale: each message it asked for (`t`, `text`, `has`, `object`) by key,
 * with the message as written (Translator.source: its forms, which with the values and the metrics'
 * definitions make every answer), and each country name it asked for, with the name. Compared by
 * source rather than asked again: asking costs an interpolation a call, thousands a stage.
 */
interface Asked {
  readonly messages: ReadonlyMap<string, string>;
  readonly names: ReadonlyMap<string, string>;
}

interface Entry<T> {
  readonly inputs: string;
  readonly metrics: object;
  readonly asked: Asked;
  readonly warnings: readonly string[];
  readonly value: T;
}

export interface LocaleReaders {
  readonly t: Translator;
  readonly names: CountryNames;
  /** Where the stage's warnings go (recorded, to be given again on reuse). */
  readonly warn: (line: string) => void;
}

/** `name:` and `label:` answers are keyed apart: a country's running-text name and its label differ. */
function nameOf(names: CountryNames, key: string): string {
  return key.startsWith('name:') ? names.name(key.slice(5)) : names.label(key.slice(6));
}

/** The locale reads the same where the run read it: then its result may be reused. */
function sameAnswers(asked: Asked, t: Translator, names: CountryNames): boolean {
  for (const [key, source] of asked.messages) if (t.source(key) !== source) return false;
  try {
    for (const [key, name] of asked.names) if (nameOf(names, key) !== name) return false;
  } catch {
    return false; // a name the new locale cannot give: run the stage (and let it fail as it would)
  }
  return true;
}

/** Readers that note every message and name asked through them. */
function recording(readers: LocaleReaders, messages: Map<string, string>, named: Map<string, string>, warnings: string[]): LocaleReaders {
  const { t, names } = readers;
  const message = <V>(key: string, answer: () => V): V => {
    if (!messages.has(key)) messages.set(key, t.source(key));
    return answer();
  };
  const name = (key: string): string => {
    const answer = nameOf(names, key);
    named.set(key, answer);
    return answer;
  };
  return {
    t: {
      locale: t.locale,
      t: (key, values) => message(key, () => t.t(key, values)),
      text: (key, values) => message(key, () => t.text(key, values)),
      has: (key, values) => message(key, () => t.has(key, values)),
      object: (key) => message(key, () => t.object(key)),
      source: (key) => t.source(key),
    },
    names: { name: (code) => name(`name:${code}`), label: (code) => name(`label:${code}`) },
    warn: (line) => {
      warnings.push(line);
      readers.warn(line);
    },
  };
}

export class AnswerMemo {
  readonly #entries = new Map<string, Entry<unknown>>();

  /**
   * `run(readers)` once, or its last result for `slot` (a stage and locale) when the metrics are the
   * same document, `inputs` (the other inputs, as a string) the same, and the locale answers the
   * same. `reused` says which.
   */
  async reuse<T>(slot: string, metrics: object, inputs: string, readers: LocaleReaders, run: (readers: LocaleReaders) => Promise<T> | T): Promise<{ value: T; reused: boolean }> {
    const known = this.#known<T>(slot, metrics, inputs, readers);
    if (known) return { value: known.value, reused: true };
    const asked = { messages: new Map<string, string>(), names: new Map<string, string>() };
    const warnings: string[] = [];
    const value = await run(recording(readers, asked.messages, asked.names, warnings));
    this.#entries.set(slot, { inputs, metrics, asked, warnings, value });
    return { value, reused: false };
  }

  /** `reuse` for a stage that runs synchronously (a chapter's render). */
  reuseSync<T>(slot: string, metrics: object, inputs: string, readers: LocaleReaders, run: (readers: LocaleReaders) => T): { value: T; reused: boolean } {
    const known = this.#known<T>(slot, metrics, inputs, readers);
    if (known) return { value: known.value, reused: true };
    const asked = { messages: new Map<string, string>(), names: new Map<string, string>() };
    const warnings: string[] = [];
    const value = run(recording(readers, asked.messages, asked.names, warnings));
    this.#entries.set(slot, { inputs, metrics, asked, warnings, value });
    return { value, reused: false };
  }

  /** The last result for `slot` if it may be reused (its warnings given again), else undefined (and forgotten). */
  #known<T>(slot: string, metrics: object, inputs: string, readers: LocaleReaders): Entry<T> | undefined {
    const known = this.#entries.get(slot) as Entry<T> | undefined;
    if (known && known.metrics === metrics && known.inputs === inputs && sameAnswers(known.asked, readers.t, readers.names)) {
      for (const line of known.warnings) readers.warn(line);
      return known;
    }
    this.#entries.delete(slot);
    return undefined;
  }
}
