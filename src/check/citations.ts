/**
 * The edition's citations hold together with its list of works (content/references.yaml): a
 * footnote cites a work the list has (`[^note]: {{reference "id"}}` in a chapter template), every
 * work in the list is cited somewhere (the bibliography lists what the text cites, nothing else),
 * every such note is marked in the text of every locale (markdown drops a note nobody marks), and the
 * bibliography is printed somewhere when there are works to list.
 */
import type { ChapterSource, Edition } from '../base/edition.ts';
import type { LocaleBundle } from '../base/i18n.ts';
import type { References } from '../base/references.ts';
import { flatten, type Problem } from './lint.ts';

/** `{{reference "id"}}`: a citation of the work `id`. */
const REFERENCE_CALL = /\{\{\s*reference\s+"([^"]*)"\s*\}\}/g;
/** `[^label]: {{reference "id"}}` at the start of a line: a footnote that cites `id`. */
const CITING_NOTE = /^\[\^([^\]\s]+)\]:\s*\{\{\s*reference\s+"([^"]*)"\s*\}\}/gm;
/** `[^label]` not followed by a colon: a footnote mark in running text. */
const MARK = /\[\^([^\]\s]+)\](?!:)/g;
const BIBLIOGRAPHY_CALL = /\{\{\s*bibliography\s*\}\}/;

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

function templateSources(edition: Edition): ChapterSource[] {
  return [...edition.chapters, ...Object.entries(edition.partials ?? {}).map(([name, text]) => ({ id: name, file: `partials/${name}.md.hbs`, text }))];
}

export function checkCitations(edition: Edition, bundles: readonly LocaleBundle[]): Problem[] {
  const references = (edition.content?.references as References | undefined) ?? {};
  const problems: Problem[] = [];
  const add = (where: string, message: string) => problems.push({ check: 'citations', where, message });
  const sources = templateSources(edition);

  const cited = new Set<string>();
  const notes: { label: string; id: string; where: string }[] = [];
  const templateMarks = new Set<string>();
  let listed = false;
  for (const source of sources) {
    for (const m of source.text.matchAll(REFERENCE_CALL)) {
      const id = m[1]!;
      cited.add(id);
      if (!(id in references)) {
        add(`${source.file}:${lineOf(source.text, m.index)}`, `cites "${id}", which content/references.yaml does not list (it lists ${Object.keys(references).join(', ') || 'nothing'})`);
      }
    }
    for (const m of source.text.matchAll(CITING_NOTE)) notes.push({ label: m[1]!, id: m[2]!, where: `${source.file}:${lineOf(source.text, m.index)}` });
    for (const m of source.text.matchAll(MARK)) templateMarks.add(m[1]!);
    if (BIBLIOGRAPHY_CALL.test(source.text)) listed = true;
  }

  for (const id of Object.keys(references).sort()) {
    if (!cited.has(id)) add(`content/references.yaml ${id}`, `the work "${id}" is cited nowhere (no {{reference "${id}"}} in a template): cite it in a footnote or take it out of the list, whose bibliography lists cited works only`);
  }
  if (Object.keys(references).length > 0 && !listed) add('templates', 'the edition cites works but prints no bibliography ({{bibliography}} in a chapter)');

  // A note cited by no mark in a locale is dropped from that locale's page without a word.
  for (const bundle of bundles) {
    const marks = new Set(templateMarks);
    for (const text of flatten(bundle).values()) for (const m of text.matchAll(MARK)) marks.add(m[1]!);
    for (const note of notes) {
      if (!marks.has(note.label)) add(`${note.where} (${bundle.locale})`, `the note [^${note.label}] citing "${note.id}" is marked nowhere in the ${bundle.locale} text ([^${note.label}] in a template or a message), so it would not print`);
    }
  }
  return problems;
}
