/**
 * Collects a locale's claims while its chapters render: every `{{t …}}` call that passes values (a
 * sentence that depends on the data). Tables are recorded from the tables stage (claims/record.ts). The `t` helper is wrapped, not
 * changed, so a build without a collector renders exactly as before.
 */
import type { HandlebarsEnv } from './handlebars.ts';
import { isMarkup } from '../base/i18n.ts';
import { markupToText } from '../base/plain.ts';
import type { ChapterClaims, ClaimValue, DataClaim, SentenceClaim } from '../base/claims.ts';
import { isClaim } from '../base/predicates.ts';

/**
 * Fields that name what a list item is about, first found wins. A sentence inside `{{#each}}` over
 * such items is identified by the item (`@DE`), so its id is the same whatever the item's position.
 */
const SUBJECT_FIELDS = ['topic_id', 'institution_id', 'country', 'province', 'city', 'id', 'key', 'band', 'year'] as const;

/** How many recent sentences a message's values are matched against (its parts render just before it). */
const RECENT = 32;

export class ClaimsCollector {
  private readonly sentences = new Map<string, SentenceClaim>();
  /** The last sentences recorded, with their markup: a message passed into another is part of that one. */
  private readonly recent: { id: string; markup: string }[] = [];

  sentence(chapter: string, key: string, hash: Readonly<Record<string, unknown>>, markup: string, subject: string | null): void {
    // A part (`{{t "a" x=(t "b" …)}}`) renders just before the message it goes into, whose values
    // then hold its text: the part is dropped, so each claim is a whole sentence.
    for (const value of Object.values(hash)) {
      if (!isMarkup(value)) continue;
      const html = value.toHTML();
      const part = this.recent.findLastIndex((r) => r.markup === html);
      if (part >= 0) this.sentences.delete(this.recent.splice(part, 1)[0]!.id);
    }
    const base = `${chapter}/${key}${subject === null ? '' : `@${subject}`}`;
    let id = base;
    for (let n = 2; this.sentences.has(id); n++) id = `${base}#${n}`;
    const claim = isClaim(hash.claim) ? { claim: Object.freeze({ predicate: hash.claim.predicate, values: hash.claim.values }) } : {};
    this.sentences.set(id, Object.freeze({ id, chapter, key, text: markupToText(markup), values: Object.freeze(plainValues(hash)), ...claim }));
    this.recent.push({ id, markup });
    if (this.recent.length > RECENT) this.recent.shift();
  }

  /** Another collector's sentences (a chapter's, collected apart), after this one's. */
  absorb(claims: ChapterClaims): void {
    for (const [id, sentence] of Object.entries(claims.sentences)) this.sentences.set(id, sentence);
  }

  claims(): ChapterClaims {
    return Object.freeze({ sentences: Object.freeze(Object.fromEntries(this.sentences)) });
  }
}

/** The hash of a `t` call as plain values: markup (a formatted number) as its text; lists and objects left out. */
function plainValues(hash: Readonly<Record<string, unknown>>): Record<string, ClaimValue> {
  const out: Record<string, ClaimValue> = {};
  for (const [k, v] of Object.entries(hash)) {
    if (isMarkup(v)) out[k] = markupToText(v.toHTML());
    else if (v === null || v === undefined) out[k] = null;
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}

/** What the current `{{#each}}` item is about, or its position when it names nothing; null outside a list. */
function subjectOf(context: unknown, data: { index?: unknown } | undefined): string | null {
  if (typeof data?.index !== 'number') return null;
  if (context !== null && typeof context === 'object') {
    // `in` first: the metrics are a strict view that throws on a missing name.
    for (const field of SUBJECT_FIELDS) {
      if (!(field in context)) continue;
      const value = (context as Record<string, unknown>)[field];
      if (typeof value === 'string' || typeof value === 'number') return String(value);
    }
  } else if (typeof context === 'string' || typeof context === 'number') {
    return String(context);
  }
  return `[${data.index}]`;
}

type Helper = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Wraps the registered `t` helper of `hb` so that each call is recorded for `chapter`: sentences with
 * values, and those without (a statement that a dataset makes appear or disappear, such as the
 * reconstruction paragraph, is a change an editor must see).
 */
export function captureSentences(hb: HandlebarsEnv, chapter: string, collector: ClaimsCollector): void {
  const inner = hb.helpers.t as Helper | undefined;
  if (!inner) throw new Error('captureSentences: register the helpers first');
  hb.registerHelper('t', function (this: unknown, ...args: unknown[]) {
    const out = inner.apply(this, args);
    const options = args[args.length - 1] as { hash?: Record<string, unknown>; data?: { index?: unknown } };
    const hash = options.hash ?? {};
    collector.sentence(chapter, String(args[0]), hash, isMarkup(out) ? out.toHTML() : String(out), subjectOf(this, options.data));
    return out;
  });
}
