/**
 * Chapters stage: (edition templates, metrics, locale) → chapter HTML with figure and table slots.
 * A template is markdown with Handlebars expressions; every sentence comes from the locale through
 * `{{t …}}` and every number through a helper. Figures (`{{figure "id"}}`) and tables
 * (`{{table "id"}}`) are numbered in order of appearance across the whole edition, each kind on its
 * own, so numbering and references (`{{ref "id"}}`) are always right and the same in both locales.
 */
import { ReportError } from '../errors.ts';
import type { MetricsDocument } from '../metrics/document.ts';
import { createHandlebars, defineHelper, syntaxErrorAt, type HandlebarsEnv } from './handlebars.ts';
import { registerHelpers } from './helpers.ts';
import type { Translator } from '../base/i18n.ts';
import type { CountryNames } from '../base/countries.ts';
import { renderMarkdown } from '../base/markup.ts';
import { MissingMetricError, strictMetrics } from './strict-data.ts';
import type { ChapterSource, Edition, Focus, TopicGroups } from '../base/edition.ts';
import type { YamlSource } from '../base/yaml.ts';
import type { EditionContent } from '../base/content.ts';
import { NO_TRACE, tracing, type Trace } from '../base/trace.ts';
import { roman } from '../base/format.ts';
import { figureSlot, numberTables, type FigureNumbers } from '../base/slots.ts';
import { captureSentences, ClaimsCollector } from './capture.ts';
import type { ChapterClaims } from '../base/claims.ts';
import { FORMULA_SLOT, FORMULA_WITH_LEAD, formulaHtml, NO_FORMULAS, SYMBOL_SLOT, symbolHtml, symbolSlot, type Formulas } from '../base/formulas.ts';

export interface RenderedChapter {
  readonly id: string;
  readonly html: string;
}

/** The ids tables.yaml defines (its top-level keys; the tables stage validates the rest), or undefined without one. */
function tableIds(edition: Edition): readonly string[] | undefined {
  const value = edition.tables?.value;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : undefined;
}

export interface RenderOptions {
  /** Records what the helpers print (for `report check`). */
  readonly trace?: Trace;
  /** Receives every sentence rendered with values (the build's claims.json). */
  readonly claims?: ClaimsCollector;
  /**
   * Renders one chapter, or hands back its last render when nothing it reads changed: `inputs` stands
   * for the edition's parts, `run` reads the locale only through the translator and names it is given
   * (a long-running caller's memory, src/cache/answers.ts: the preview renders again only the chapter
   * whose sentence was edited). Not used with `trace`, which must see every call.
   */
  readonly reuse?: ChapterReuse;
}

/** See RenderOptions.reuse. */
export type ChapterReuse = <T>(slot: string, inputs: string, t: Translator, names: CountryNames, run: (t: Translator, names: CountryNames) => T) => T;

/** A chapter's render: its HTML and the sentences it stated (when a collector asked for them). */
interface ChapterRender {
  readonly html: string;
  readonly claims: ChapterClaims | null;
}

export function renderChapters(
  edition: Edition,
  metrics: MetricsDocument,
  t: Translator,
  names: CountryNames,
  figures: FigureNumbers,
  options: RenderOptions = {},
): RenderedChapter[] {
  const extras = { focus: edition.focus, ...(edition.topics ? { edition: edition.topics } : {}), defs: metrics.provenance.definitions, content: edition.content ?? {} };
  const data = strictMetrics(metrics, extras) as unknown as MetricsDocument;
  const tables = numberTables(edition);
  const trace = options.trace ?? NO_TRACE;
  const tt = options.trace ? tracing(t, options.trace) : t;
  const claims = options.claims;
  const appendices = new Map(edition.chapters.flatMap((c) => (c.appendix ? [[c.id, c.appendix] as const] : [])));
  const defined = tableIds(edition);
  const formulas = edition.formulas ?? NO_FORMULAS;
  const partials = edition.partials ?? {};
  // Each chapter states its sentences to a collector of its own, merged in chapter order: the same
  // claims, in the same order, as one collector for all (sentence ids are per chapter), and a chapter
  // handed back whole brings its sentences with it.
  const render = (chapter: ChapterSource) => (t: Translator, names: CountryNames): ChapterRender => {
    const own = claims ? new ClaimsCollector() : undefined;
    const html = renderChapter(chapter, { data, metrics, t, names, figures, tables, appendices, trace, defined, formulas, claims: own, partials });
    return { html, claims: own ? own.claims() : null };
  };
  const reuse = options.trace ? undefined : options.reuse;
  // What a chapter reads besides its own text and the locale: the same for every chapter.
  const shared = reuse ? JSON.stringify({ figures: [...figures], tables: [...tables], appendices: [...appendices], defined, formulas, partials, focus: edition.focus, topics: edition.topics, content: edition.content, defs: metrics.provenance.definitions }) : '';
  return edition.chapters.map((chapter) => {
    const rendered = reuse ? reuse(`chapter ${chapter.id} ${t.locale}`, `${shared}\u0000${chapter.text}`, tt, names, render(chapter)) : render(chapter)(tt, names);
    if (claims && rendered.claims) claims.absorb(rendered.claims);
    return { id: chapter.id, html: rendered.html };
  });
}

interface ChapterContext {
  readonly data: MetricsDocument;
  readonly metrics: MetricsDocument;
  readonly t: Translator;
  readonly names: CountryNames;
  readonly figures: FigureNumbers;
  readonly tables: ReadonlyMap<string, number>;
  /** Appendix chapter id → its number (edition.ts). */
  readonly appendices: ReadonlyMap<string, number>;
  readonly trace: Trace;
  /** The edition's formulas (formulas.yaml). */
  readonly formulas: Formulas;
  /** The table ids the edition defines (tables.yaml); absent: not checked here. */
  readonly defined: readonly string[] | undefined;
  readonly partials: Readonly<Record<string, string>>;
  readonly claims: ClaimsCollector | undefined;
}

function renderChapter(chapter: ChapterSource, c: ChapterContext): string {
  const hb = createHandlebars();
  registerHelpers(hb, c.t, c.names, c.trace);
  if (c.claims) captureSentences(hb, chapter.id, c.claims);
  for (const [name, text] of Object.entries(c.partials)) hb.registerPartial(name, compiled(hb, text));
  const known = () => [...c.figures.keys(), ...c.tables.keys(), ...c.appendices.keys()];
  const figureNumber = (id: string) => {
    const n = c.figures.get(id);
    if (n === undefined) throw ReportError.of('figure.unknown', { id, known: known() });
    return n;
  };
  // {{#let name=value …}} … {{/let}}: names for values used more than once in a passage.
  hb.registerHelper('let', function (this: object, options: { hash: Record<string, unknown>; fn: (context: object) => string }) {
    return options.fn({ ...this, ...options.hash });
  });
  // A display formula (the edition's formulas.yaml, typeset by src/base/formulas.ts), placed after markdown like a figure.
  defineHelper(hb, 'formula', ([id]) => {
    formulaHtml(c.formulas, id as string, c.t); // an unknown formula fails here, at its line in the template
    return new hb.SafeString(`\n\n@@formula:${id as string}@@\n\n`);
  });
  // One of a formula's symbols in a sentence: `C=(symbol "c-total")`, checked here so that a typo fails at its line.
  defineHelper(hb, 'symbol', ([id]) => {
    symbolHtml(c.formulas, id as string);
    return new hb.SafeString(symbolSlot(id as string));
  });
  defineHelper(hb, 'figure', ([id]) => new hb.SafeString(`\n\n@@figure:${figureNumber(id as string)}:${id as string}@@\n\n`));
  // A table's slot: the tables stage builds it, the HTML stage puts it here (as a figure).
  defineHelper(hb, 'table', ([id]) => {
    // An id tables.yaml does not define fails here, at its line in the template.
    if (c.defined && !c.defined.includes(id as string)) throw ReportError.of('table.unknown', { id: id as string, known: [...c.defined] });
    return new hb.SafeString(`\n\n@@table:${id as string}@@\n\n`);
  });
  // An appendix is labelled by its number among the appendices, never as a chapter: "附录 II" / "Appendix II".
  const appendixLabel = (n: number) => {
    const label = c.t.t('appendix.label', { n: roman(n) });
    c.trace.add(label, n, 'label');
    return label;
  };
  defineHelper(hb, 'appendixLabel', () => {
    if (!chapter.appendix) throw new Error(`appendixLabel: chapter "${chapter.id}" is not an appendix (appendix: true in edition.yaml)`);
    return new hb.SafeString(appendixLabel(chapter.appendix));
  });
  // A reference is a link to the figure, table or appendix, labelled with its number: "[图 3](#fig-id)",
  // "[附录 II](#appendix-id)" (an appendix's first heading has its chapter's id, src/html/outline.ts).
  defineHelper(hb, 'ref', ([id]) => {
    const key = id as string;
    const appendix = c.appendices.get(key);
    if (appendix !== undefined) return new hb.SafeString(`[${appendixLabel(appendix).replace(/ /g, '\u00a0')}](#${key})`);
    const fig = c.figures.get(key);
    const tab = c.tables.get(key);
    if (fig === undefined && tab === undefined) throw ReportError.of('figure.unknown', { id: key, known: known() });
    // A non-breaking space keeps "图 3" / "Figure 3" on one line (the print shows it as plain text).
    const label = (fig !== undefined ? c.t.t('figure.label', { n: fig }) : c.t.t('table.label', { n: tab })).replace(/ /g, '\u00a0');
    c.trace.add(label, fig ?? tab!, 'label');
    return new hb.SafeString(`[${label}](#${fig !== undefined ? 'fig' : 'tab'}-${key})`);
  });
  // A heading that prints its own number ("趋势一：…", "Trend 1: …") is left out of the engine's
  // section numbering (src/html/numbering.ts): `### {{ownNumber}}{{t "…heading" n=…}}`.
  defineHelper(hb, 'ownNumber', () => new hb.SafeString(OWN_NUMBER_MARK));
  try {
    const markdown = compiled(hb, chapter.text)(c.data);
    return joinCjkLines(renderMarkdown(markdown, chapter.id)) // chapter.id keeps footnote ids unique across chapters
      .replace(/<p>@@figure:\d+:([a-z0-9-]+)@@<\/p>/g, (_, id: string) => figureSlot(id))
      .replace(FORMULA_WITH_LEAD, (_, lead: string, id: string) => formulaHtml(c.formulas, id, c.t, lead))
      .replace(FORMULA_SLOT, (_, id: string) => formulaHtml(c.formulas, id, c.t))
      .replace(SYMBOL_SLOT, (_, id: string) => symbolHtml(c.formulas, id))
      .replace(OWN_NUMBER_HEADING, (_, level: string) => `<h${level} ${OWN_NUMBER_ATTR}>`);
  } catch (error) {
    throw locate(chapter, error, hb, c.partials);
  }
}

/**
 * A template compiled once per text, not once per render: compiling (parse and code generation) was a
 * third of a chapter's render, and a preview renders every chapter again on each edit of a sentence.
 * The compiled program (Handlebars' template spec, which names no environment: helpers and partials
 * are looked up at run time) is kept by source text, a few hundred at most, and bound to each render's
 * environment. Compiled when first called, as `hb.compile` does, so a syntax error surfaces inside the
 * render's error handling (`locate`), in a partial as in a chapter.
 */
function compiled(hb: HandlebarsEnv, text: string): HandlebarsTemplateDelegate {
  let bound: HandlebarsTemplateDelegate | undefined;
  return (context, options) => {
    if (!bound) {
      let spec = programs.get(text);
      if (!spec) {
        // The generated program is JavaScript source, as inside `hb.compile`; it runs the template's
        // expressions against helpers, never data as code.
        spec = new Function(`return ${hb.precompile(text, { strict: true })};`)() as TemplateSpecification;
        if (programs.size >= MAX_PROGRAMS) programs.delete(programs.keys().next().value!);
        programs.set(text, spec);
      }
      bound = hb.template(spec);
    }
    return bound(context, options);
  };
}

const MAX_PROGRAMS = 256;
const programs = new Map<string, TemplateSpecification>();

/**
 * The compiled programs of the edition's chapters and partials, as JavaScript source, keyed by template
 * text: what `compiled` makes of each (helpers and partials play no part in compiling). Compiling them
 * is most of what the first locale's chapters cost more than the next (~1 s of CPU on 2023's eleven
 * templates); the figure thread (src/cache/figure-worker.ts) compiles them while the data loads, and
 * this thread adopts them (adoptTemplates).
 */
export function templateSources(edition: Pick<Edition, 'chapters' | 'partials'>): [text: string, source: string][] {
  const hb = createHandlebars();
  const texts = [...new Set([...edition.chapters.map((c) => c.text), ...Object.values(edition.partials ?? {})])];
  // precompile gives the program as source text (its typings say otherwise); `compiled` evaluates the same.
  return texts.map((text) => [text, String(hb.precompile(text, { strict: true }))]);
}

/** Programs compiled elsewhere (templateSources), kept as if compiled here; a text already compiled is left as it is. */
export function adoptTemplates(sources: readonly (readonly [string, string])[]): void {
  for (const [text, source] of sources) {
    if (programs.has(text)) continue;
    // The program Handlebars generated for this text, on another thread of this process: the same code
    // as `compiled` would generate and evaluate here.
    if (programs.size >= MAX_PROGRAMS) programs.delete(programs.keys().next().value!);
    programs.set(text, new Function(`return ${source};`)() as TemplateSpecification);
  }
}

/** True when `text` has a compiled program on this thread (compiled or adopted). */
export const hasProgram = (text: string): boolean => programs.has(text);

const OWN_NUMBER_MARK = '@@own-number@@';
const OWN_NUMBER_HEADING = /<h([1-6])>@@own-number@@/g;
/** The attribute of a heading that carries its own number (written by the template, not the engine). */
export const OWN_NUMBER_ATTR = 'data-own-number';

const CJK = '\\u2e80-\\u9fff\\u3000-\\u303f\\uff00-\\uffef';
const CJK_BREAK = new RegExp(`([${CJK}])\\n(?=[${CJK}]|<(?:strong|em|a)\\b)|([。！？；：，、）])\\n(?=[^\\s<])`, 'g');

/**
 * A line break inside a paragraph is a space on the page; between two Chinese sentences it is a
 * stray gap. Sentences written on separate template lines are joined without one.
 */
export function joinCjkLines(html: string): string {
  return html.replace(CJK_BREAK, (_, a: string | undefined, b: string | undefined) => a ?? b ?? '');
}

/** Turns a Handlebars or helper error into one naming `template:line:column`. */
function locate(chapter: ChapterSource, error: unknown, hb: HandlebarsEnv, partials: Readonly<Record<string, string>>): unknown {
  const file = chapter.file;
  if (error instanceof MissingMetricError) {
    const at = findPath(chapter.text, error.path);
    return ReportError.of('template.error', { file, line: at.line, column: at.column, detail: error.message }, error);
  }
  const e = error as { message?: string; lineNumber?: number; column?: number; hash?: { loc?: { first_line: number; first_column: number } } };
  const text = e.message ?? String(error);
  if (/^(Parse|Lexical) error on line \d+/.test(text)) {
    // Handlebars' syntax error: its whole message (the excerpt and what it expected), at the position its parser knew.
    const detail = text.split('\n').join('\n  ');
    const at = syntaxErrorAt(hb, chapter.text);
    if (at) return ReportError.of('template.error', { file, line: at.line, column: at.column, detail }, error);
    // The chapter parses: the error is in a partial it calls (compiled when first called).
    for (const [name, partial] of Object.entries(partials)) {
      const inPartial = syntaxErrorAt(hb, partial);
      if (inPartial) return ReportError.of('template.error', { file: `${file} → partials/${name}.md.hbs`, line: inPartial.line, column: inPartial.column, detail }, error);
    }
    return ReportError.of('template.error', { file, line: Number(/line (\d+)/.exec(text)![1]), column: 1, detail }, error);
  }
  const line = e.lineNumber ?? e.hash?.loc?.first_line ?? 0;
  const column = e.column ?? e.hash?.loc?.first_column ?? 0;
  const detail = text.split('\n')[0]!.replace(/ - \d+:\d+$/, '');
  return ReportError.of('template.error', { file, line, column: column + 1, detail }, error);
}

/** Where a metric path is written in a template (first occurrence), for errors raised outside helpers. */
function findPath(text: string, path: string): { line: number; column: number } {
  const dotted = path.replace(/\.(\d+)(?=\.|$)/g, '.[$1]');
  const index = Math.max(text.indexOf(dotted), text.indexOf(path));
  if (index < 0) return { line: 0, column: 0 };
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
