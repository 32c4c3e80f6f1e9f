/**
 * `report check`'s style pass, per locale, on what a reader sees of the running text (chapters, their
 * headings and lists; tables and figures apart, which print values as their columns need):
 *
 * - the glossary: one term per concept. `locales/shared/<locale>/style.json` "terms": entries
 *   separated by ";", each `use <- wrong, wrong` ("前 10 位 <- 前 10 的, 前十位");
 * - no pipeline vocabulary in reader text ("pipeline_words", comma-separated): how the tool works is
 *   for docs/, not for the report's reader;
 * - no whole number printed with ".0" ("2017.0 年", "50.0 citations");
 * - no sentence printed twice: a passage copied instead of referred to (the key points summarise the
 *   chapters in their own words).
 *
 * Each problem names the locale, the words and where they are; none depends on an edition.
 */
import type { LocaleBundle } from '../base/i18n.ts';
import type { Problem } from './lint.ts';
import type { LocaleRender } from './render.ts';
import { textOfHtml } from './text.ts';

export interface StyleRules {
  readonly terms: readonly { readonly use: string; readonly wrong: readonly string[] }[];
  readonly pipelineWords: readonly string[];
}

const list = (text: string, sep: RegExp) => text.split(sep).map((w) => w.trim()).filter(Boolean);

/** The locale's style rules (the `style` namespace), none when it has no style.json. */
export function styleRules(bundle: LocaleBundle): StyleRules {
  const ns = (bundle.namespaces.style ?? {}) as Record<string, unknown>;
  const terms = typeof ns.terms === 'string' ? ns.terms : '';
  const pipeline = typeof ns.pipeline_words === 'string' ? ns.pipeline_words : '';
  return {
    terms: list(terms, /[;；]/).map((entry) => {
      const [use, wrong = ''] = entry.split('<-');
      return { use: use!.trim(), wrong: list(wrong, /[,，、]/) };
    }),
    pipelineWords: list(pipeline, /[,，、]/),
  };
}

/** The running text: the chapters without their tables and figures, one block (paragraph, heading, item) a line. */
export function runningText(r: LocaleRender): string {
  return textOfHtml(
    r.html
      .replace(/<table[\s\S]*?<\/table>/g, '')
      .replace(/<figure[\s\S]*?<\/figure>/g, '')
      // A table's notes (scope, source) stand under every table they apply to, as in the published edition.
      .replace(/<p class="note">[\s\S]*?<\/p>/g, '')
      .replace(/<p>@@(figure|table):[^@]*@@<\/p>/g, ''),
  );
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole words in English, substrings in Chinese; case kept (a glossary may tell "H 指数" from "h 指数"). */
function finds(text: string, word: string, locale: string): boolean {
  return locale === 'zh' ? text.includes(word) : new RegExp(`(?<![\\p{L}\\d])${escape(word)}(?![\\p{L}\\d])`, 'u').test(text);
}

/** What is said around a hit, for the message. */
function around(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 20), index + length + 20).replace(/\s+/g, ' ').trim();
}

/** Sentences long enough that two copies are a repeated passage, not a shared phrase. */
function sentences(text: string, locale: string): string[] {
  const min = locale === 'zh' ? 24 : 60;
  const parts = locale === 'zh' ? text.split(/(?<=[。！？；])|\n/) : text.split(/(?<=[.!?;])\s+|\n/);
  return parts.map((s) => s.trim()).filter((s) => s.length >= min);
}

export function checkStyle(r: LocaleRender, rules: StyleRules, label: string): Problem[] {
  const where = `${label} ${r.locale}`;
  const text = runningText(r);
  const problems: Problem[] = [];
  for (const { use, wrong } of rules.terms) {
    for (const w of wrong) {
      if (!finds(text, w, r.locale)) continue;
      const at = text.indexOf(w);
      problems.push({ check: 'style-term', where, message: `"${w}" where the glossary says "${use}" (…${around(text, at, w.length)}…)` });
    }
  }
  for (const w of rules.pipelineWords) {
    if (!finds(text, w, r.locale)) continue;
    problems.push({ check: 'style-pipeline', where, message: `"${w}" talks about how the report is made, not to its reader (…${around(text, text.indexOf(w), w.length)}…): say what the reader needs in the report's voice, and keep the tool's workings in docs/` });
  }
  for (const m of text.matchAll(/(?<![\d.,])\d+(?:,\d{3})*\.0(?!\d)/g)) {
    problems.push({ check: 'style-zero-fraction', where, message: `"${m[0]}" prints a whole number with ".0" (…${around(text, m.index!, m[0].length)}…)` });
  }
  for (const repeated of repeatedSentences(r)) {
    problems.push({ check: 'style-repeat', where, message: `a sentence printed more than once (${repeated}): say it once, and summarise or refer to it elsewhere in other words` });
  }
  return problems;
}

/** Sentences printed more than once in the running text, each with its count ("zh ×2: …"). */
export function repeatedSentences(r: LocaleRender): string[] {
  const seen = new Map<string, number>();
  for (const s of sentences(runningText(r), r.locale)) seen.set(s, (seen.get(s) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([s, n]) => `${r.locale} ×${n}: ${s.length > 90 ? `${s.slice(0, 90)}…` : s}`);
}
