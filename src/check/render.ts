/**
 * Checks of the rendered edition, per locale and across locales: every number on the page traced to
 * the metrics, the same figures, tables and numbers in every locale, numbering without duplicates and
 * references that point somewhere, and "N, of which M …, the other K" statements that add up.
 */
import type { CountryNames } from '../base/countries.ts';
import type { Edition } from '../base/edition.ts';
import { definitionVariables } from '../base/definition-variables.ts';
import type { Translator } from '../base/i18n.ts';
import { textOfHtml } from './text.ts';
import { bareCount } from '../base/bare-count.ts';
import { renderChapters } from '../chapters/render.ts';
import { numberFigures, numberTables } from '../base/slots.ts';
import { Trace, tracing } from '../base/trace.ts';
import { buildFigure } from '../figures/build.ts';
import type { Locale } from '../base/yaml.ts';
import type { MetricsDocument } from '../metrics/document.ts';
import { editionVariables } from '../base/variables.ts';
import { placeTables } from '../html/tables.ts';
import { editionTables } from '../tables/definitions.ts';
import { renderTable } from '../tables/render.ts';
import type { RenderedTable } from '../tables/types.ts';
import { numberTokens, type Problem } from './lint.ts';

export interface LocaleRender {
  readonly locale: Locale;
  /** The text a reader sees: chapters (with tables), figure labels, captions and notes. */
  readonly text: string;
  readonly html: string;
  readonly trace: Trace;
  readonly figures: readonly { id: string; number: number; label: string }[];
  readonly tables: readonly RenderedTable[];
  /** Figure ids in the order their slots appear in the chapters (duplicates kept). */
  readonly figureSlots: readonly string[];
  /** The chapters' ids: a chapter's first heading takes its id, the target of a link to the chapter. */
  readonly chapterIds: readonly string[];
}

export function renderForCheck(edition: Edition, metrics: MetricsDocument, t: Translator, names: CountryNames): LocaleRender {
  const trace = new Trace();
  for (const [name, text] of Object.entries(definitionVariables(t.locale, metrics.provenance.definitions))) trace.add(text, null, `definition ${name}`);
  const tt = tracing(t, trace);
  const numbers = numberFigures(edition);
  const chapters = renderChapters(edition, metrics, t, names, numbers, { trace });
  const focus = edition.focus;
  // Every placement of a table is built (and traced) as the build places it, in order of the slots.
  const tableNumbers = numberTables(edition);
  const slots = chapters.flatMap((c) => [...c.html.matchAll(/<p>@@table:([a-z0-9-]+)@@<\/p>/g)].map((m) => m[1]!));
  const tables: RenderedTable[] = slots.map((id) => renderTable(editionTables(edition.tables), id, tableNumbers.get(id)!, { metrics, t: tt, names, focus, content: edition.content ?? {}, vars: editionVariables({ metrics, names, focus, ...(edition.topics ? { topics: edition.topics } : {}) }), trace }));
  const html = chapters.map((c) => placeTables(c.html, tables, tt.text('document:download_csv'))).join('\n');
  const figures: { id: string; number: number; label: string }[] = [];
  const figureText: string[] = [];
  for (const [id, number] of [...numbers].sort((a, b) => a[1] - b[1])) {
    const { built, notes } = buildFigure(id, edition, metrics, tt, names);
    const label = tt.text('figure.label', { n: number });
    figures.push({ id, number, label });
    figureText.push(label, textOfHtml(built.caption), ...notes.map(textOfHtml));
  }
  const figureSlots = [...html.matchAll(/<p>@@figure:([a-z0-9-]+)@@<\/p>/g)].map((m) => m[1]!);
  // A caption's label is set apart from its text by the stylesheet: the text read here has a space there.
  // A footnote mark is not read as part of the sentence ("趋势报告⁴,⁵所涉" is not "趋势报告4所涉"): left out.
  const readable = html
    .replace(/<p>@@figure:[a-z0-9-]+@@<\/p>/g, '')
    .replace(/(<span class="label">[^<]*)<\/span>/g, '$1 </span>')
    .replace(/<sup class="footnote-ref[^"]*">[\s\S]*?<\/sup>/g, '');
  const text = [textOfHtml(readable), ...figureText].join('\n');
  return { locale: t.locale, text, html, trace, figures, tables, figureSlots, chapterIds: edition.chapters.map((c) => c.id) };
}

/** Numbers on the page that no helper printed: typed into a template or a message. */
export function checkTraceable(r: LocaleRender, label: string): Problem[] {
  const traced = new Set(r.trace.entries.flatMap((e) => numberTokens(e.text)));
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const sentence of sentences(r.text)) {
    for (const token of numberTokens(sentence)) {
      if (traced.has(token) || seen.has(`${token}|${sentence}`)) continue;
      seen.add(`${token}|${sentence}`);
      problems.push({ check: 'untraceable-number', where: `${label} ${r.locale}`, message: `"${token}" in "${sentence.trim().slice(0, 160)}" is not traceable to the metrics document (no helper printed it)` });
    }
  }
  return problems;
}

/** Figure and table numbers: each placed once, numbered 1, 2, 3 … in order, references resolved. */
export function checkNumbering(r: LocaleRender, label: string): Problem[] {
  const problems: Problem[] = [];
  const where = `${label} ${r.locale}`;
  const counts = new Map<string, number>();
  for (const id of r.figureSlots) counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const [id, n] of counts) if (n > 1) problems.push({ check: 'numbering', where, message: `figure "${id}" is placed ${n} times; a figure has one place and one number` });
  const tableCounts = new Map<string, number>();
  for (const tb of r.tables) tableCounts.set(tb.id, (tableCounts.get(tb.id) ?? 0) + 1);
  for (const [id, n] of tableCounts) if (n > 1) problems.push({ check: 'numbering', where, message: `table "${id}" is placed ${n} times; a table has one place and one number` });
  const sequence = (kind: string, numbers: number[]) => {
    const sorted = [...new Set(numbers)].sort((a, b) => a - b);
    sorted.forEach((n, i) => {
      if (n !== i + 1) problems.push({ check: 'numbering', where, message: `${kind} numbers are not 1, 2, 3 …: number ${i + 1} is missing before ${n}` });
    });
  };
  sequence('figure', r.figures.map((f) => f.number));
  sequence('table', r.tables.map((x) => x.number));
  const labels = [...r.figures.map((f) => f.label), ...r.tables.map((x) => x.label)];
  for (const l of new Set(labels)) if (labels.filter((x) => x === l).length > 1) problems.push({ check: 'numbering', where, message: `"${l}" labels two figures or tables` });
  for (const f of r.figures) if (!counts.has(f.id)) problems.push({ check: 'numbering', where, message: `figure "${f.id}" (${f.label}) is numbered but not placed` });
  const targets = new Set([...r.figureSlots.map((id) => `fig-${id}`), ...r.tables.map((x) => `tab-${x.id}`)]);
  for (const m of r.html.matchAll(/href="#((?:fig|tab)-[a-z0-9-]+)"/g)) {
    if (!targets.has(m[1]!)) problems.push({ check: 'dangling-reference', where, message: `a reference points to "${m[1]}", which is not placed in the edition` });
  }
  // Any other link within the report (an appendix, "see the preface") goes to a chapter; footnotes link themselves.
  const chapters = new Set(r.chapterIds);
  for (const m of r.html.matchAll(/href="#([^"]+)"/g)) {
    const id = m[1]!;
    if (/^(fig|tab|fn|fnref)-/.test(id) || chapters.has(id)) continue;
    problems.push({ check: 'dangling-reference', where, message: `a link points to "#${id}", which is neither a figure, a table nor a chapter of the edition` });
  }
  return problems;
}

/** "N …, of which M …, the other K …" must add up: N = M + K. */
export function checkPartitions(r: LocaleRender, label: string): Problem[] {
  const pattern =
    r.locale === 'zh'
      ? /(\d[\d,]*)[^。\d]*?其中[^。\d]*?(\d[\d,]*)[^。\d]*?其余[^。\d]*?(\d[\d,]*)/g
      : /(\d[\d,]*)[^.\d]*?of (?:which|them|these),?[^.\d]*?(\d[\d,]*)[^.\d]*?(?:the other|the remaining|the rest)[^.\d]*?(\d[\d,]*)/g;
  const value = (s: string) => Number(s.replaceAll(',', ''));
  const problems: Problem[] = [];
  for (const m of r.text.matchAll(pattern)) {
    const [whole, part, rest] = [value(m[1]!), value(m[2]!), value(m[3]!)];
    if (whole !== part + rest) problems.push({ check: 'partition', where: `${label} ${r.locale}`, message: `"${m[0]}" does not add up: ${part} + ${rest} = ${part + rest}, not ${whole}` });
  }
  return problems;
}

/**
 * Chinese text sets a space between a number and a Chinese character ("前 10 位", "2019 年"): a message
 * that writes "{{n}}项" prints "10项" whenever its value is in digits. (Numerals in words, 十项, are fine.)
 */
export function checkCjkSpacing(r: LocaleRender, label: string): Problem[] {
  if (r.locale !== 'zh') return [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  // Names from the data ("某某 404 实验室", "研究机构 9") are the data's own spelling: masked first.
  // (A name has letters and does not begin with a digit; "5,441 篇", an interpolated count, is not one.)
  const isName = (text: string) => /\p{L}/u.test(text) && !/^\d/.test(text) && text.length > 1;
  const names = [...new Set(r.trace.entries.filter((e) => e.value === null && isName(e.text)).map((e) => e.text))].sort((a, b) => b.length - a.length);
  let text = r.text;
  for (const name of names) text = text.split(name).join('X');
  for (const m of text.matchAll(/[^\n]{0,12}(?:[\u4e00-\u9fff]\d|\d%?[\u4e00-\u9fff])[^\n]{0,12}/gu)) {
    if (seen.has(m[0])) continue;
    seen.add(m[0]);
    problems.push({ check: 'zh-spacing', where: `${label} ${r.locale}`, message: `"${m[0].trim()}": a number touches a Chinese character; the message should set a space between them` });
  }
  return problems;
}

/** The locales show the same figures, the same tables and the same numbers. */
export function checkParity(renders: readonly LocaleRender[], label: string): Problem[] {
  const problems: Problem[] = [];
  const [a, ...rest] = renders;
  if (!a) return problems;
  const shown = (r: LocaleRender) => {
    const values = new Set<string>();
    // A count may also stand bare, without its unit ("506,775 papers against 525,794"): as a whole number of the text.
    const tokens = new Set(numberTokens(r.text));
    const shownBare = (text: string) => bareCount(text) !== text && tokens.has(bareCount(text));
    for (const e of r.trace.entries) if (e.value !== null && e.source !== 'label' && (r.text.includes(e.text) || shownBare(e.text))) values.add(Number(e.value.toPrecision(6)).toString());
    return values;
  };
  const aValues = shown(a);
  for (const b of rest) {
    const ids = (r: LocaleRender) => [...r.figures.map((f) => `figure ${f.number} ${f.id}`), ...r.tables.map((x) => `table ${x.number} ${x.id}`)];
    const [ia, ib] = [ids(a), ids(b)];
    for (const x of ia) if (!ib.includes(x)) problems.push({ check: 'locale-parity', where: label, message: `${x} is in the ${a.locale} edition but not in the ${b.locale} edition` });
    for (const x of ib) if (!ia.includes(x)) problems.push({ check: 'locale-parity', where: label, message: `${x} is in the ${b.locale} edition but not in the ${a.locale} edition` });
    const bValues = shown(b);
    const onlyA = [...aValues].filter((v) => !bValues.has(v));
    const onlyB = [...bValues].filter((v) => !aValues.has(v));
    if (onlyA.length) problems.push({ check: 'locale-parity', where: label, message: `the ${a.locale} edition shows values the ${b.locale} edition does not: ${onlyA.slice(0, 10).join(', ')}` });
    if (onlyB.length) problems.push({ check: 'locale-parity', where: label, message: `the ${b.locale} edition shows values the ${a.locale} edition does not: ${onlyB.slice(0, 10).join(', ')}` });
  }
  return problems;
}

/** Sentences (or table rows and captions) of the text: the unit a problem is quoted in. */
function sentences(text: string): string[] {
  return text.split(/\n|(?<=[。；！？])|(?<=[.;!?])\s+(?=[A-Z"“(])/u).filter((s) => s.trim());
}
