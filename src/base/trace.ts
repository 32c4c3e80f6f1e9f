/**
 * What the chapter stage printed, and from what: every number helper, interpolated value and
 * label records its text here (with the number it formats, when it formats one). `report check`
 * compares the rendered text against this record: a number on the page that no helper printed was
 * typed into a template or a locale message.
 */
export interface TraceEntry {
  /** The text as printed (markup-escaped values are recorded unescaped). */
  readonly text: string;
  /** The number the text formats, or null for names and other text from the data. */
  readonly value: number | null;
  /** What printed it: a helper name, "value" for interpolated data, "label" for numbering. */
  readonly source: string;
}

export class Trace {
  readonly entries: TraceEntry[] = [];
  /** Every sentence rendered (`t` calls), with the claim it carried (claim-helpers.ts). */
  readonly sentences?: SentenceLog[] = [];
  /** Records `text` (markup-escaped characters decoded, as a reader sees them) and returns it unchanged. */
  add(text: string, value: number | null, source: string): string {
    this.entries.push({ text: text.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))), value, source });
    return text;
  }
}

/** One `t` call as `report check` sees it: which message, which variant, and the claim it carried. */
export interface SentenceLog {
  readonly key: string;
  readonly context: string | null;
  readonly claim: Claim | null;
}

/** A trace that records nothing: the build does not need one. */
export const NO_TRACE: Trace = Object.freeze({ entries: [], add: (text: string) => text }) as unknown as Trace;

import type { Translator } from './i18n.ts';
import type { Claim } from './predicates.ts';
import { isMarkup } from './i18n.ts';

/** i18next options that select a message rather than print a value. */
const OPTIONS = new Set(['context', 'count', 'ordinal', 'defaultValue', 'lng', 'ns']);

/**
 * A translator that records every value it interpolates (numbers with their value, text from the
 * data without), so that whatever a message prints from its arguments is traceable.
 */
export function tracing(t: Translator, trace: Trace): Translator {
  const record = (values?: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(values ?? {})) {
      if (OPTIONS.has(k) || isMarkup(v)) continue;
      if (typeof v === 'number') trace.add(String(v), v, 'value');
      else if (typeof v === 'string') trace.add(v, null, 'value');
    }
  };
  return {
    locale: t.locale,
    has: (key, values) => t.has(key, values),
    object: (key) => t.object(key),
    source: (key) => t.source(key),
    t(key, values) {
      record(values);
      return t.t(key, values);
    },
    text(key, values) {
      record(values);
      return t.text(key, values);
    },
  };
}
