/** The edition config `templates/<edition>/edition.yaml`: its dataset and its chapters in order. */
import { dirname, join } from 'node:path';
import type { FileSystem } from '../effects.ts';
import { ReportError } from '../errors.ts';
import { parseYaml, YamlReader, type YamlSource } from './yaml.ts';
import { readEditionFile } from './edition-file.ts';
export { readEditionDataset } from './edition-file.ts';
import { readDefinitions, type Definitions } from './definitions.ts';
import { readContent, type EditionContent } from './content.ts';
import { readFormulas, type Formulas } from './formulas.ts';
import { readNeeds, type Needs } from './needs.ts';

export interface ChapterSource {
  readonly id: string;
  readonly file: string;
  readonly text: string;
  /**
   * An appendix's number (1, 2 … in order; printed "附录 I" / "Appendix I"): `appendix: true` in
   * edition.yaml. Appendices come after the chapters and are numbered apart from them.
   */
  readonly appendix?: number;
  /** Front matter (`front: true`: a preface): set before the numbered chapters and not numbered. */
  readonly front?: true;
  /**
   * The key of the chapter's short title for the print's running head (`running_head:` in
   * edition.yaml, a message in the chapter's locale file), when its title is too long for the head.
   */
  readonly runningHead?: string;
}

/** The countries the edition compares throughout: its home country and the rival it measures against. */
export interface Focus {
  readonly home: string;
  readonly rival: string;
}

/**
 * Which topic group (metrics `topics[].group`) is the edition's list of frontier technologies and
 * which its "hot technologies" of a year: `topics:` in edition.yaml. Given to templates as
 * `edition.frontier.group`, `edition.hot.group`, `edition.hot.year`, and to figures and tables as the
 * variables `$frontier.group`, `$hot.group`, `$hot.year`.
 */
export interface TopicGroups {
  readonly frontier: { readonly group: string };
  readonly hot: { readonly group: string; readonly year: number };
}

export interface Edition {
  readonly edition: string;
  /** Given to templates as `focus` (and to the figures and tables that compare the two); required. */
  readonly focus: Focus;
  /** The dataset folder, relative to the project root (`data: DIR`, or `data: { dir: DIR, make: … }`). */
  readonly data: string;
  /**
   * The module that makes the dataset (`data.make`, relative to the project root), when the edition
   * makes its own rather than being given one: the build runs it first (see cli/dataset.ts).
   */
  readonly make?: string;
  /** The metric definitions and thresholds (`definitions:`), passed to the metrics SQL as parameters. */
  readonly definitions: Definitions;
  readonly chapters: readonly ChapterSource[];
  /** Shared template fragments, `templates/<edition>/partials/<name>.md.hbs`, called as `{{> name}}`. */
  readonly partials?: Readonly<Record<string, string>>;
  /** `templates/<edition>/figures.yaml`, parsed (read into figures by src/figures/definitions.ts). */
  readonly figures?: YamlSource;
  /** The edition's topic groups (see TopicGroups), when it has topics. */
  readonly topics?: TopicGroups;
  /** Editorial content with numbers or dates, `templates/<edition>/content/<kind>.yaml` (see content.ts). */
  readonly content?: EditionContent;
  /** `templates/<edition>/tables.yaml`, parsed (read into tables by src/tables/definitions.ts). */
  readonly tables?: YamlSource;
  /** The display formulas and their symbols, `templates/<edition>/formulas.yaml` (see formulas.ts). */
  readonly formulas?: Formulas;
  /** What the edition needs of its data (`needs:`), checked before any template runs (see needs.ts). */
  readonly needs?: Needs;
}

export async function readEdition(fs: FileSystem, templatesRoot: string, edition: string): Promise<Edition> {
  const { file, source, r, data, make } = await readEditionFile(fs, templatesRoot, edition);
  // Every edition names its two countries: the engine has no default pair.
  r.object(['focus']);
  const focus = { home: r.string(['focus', 'home']), rival: r.string(['focus', 'rival']) };
  const definitions = readDefinitions(source);
  const chapters: ChapterSource[] = [];
  let appendices = 0;
  for (const [i] of r.array(['chapters']).entries()) {
    const id = r.string(['chapters', i, 'id']);
    const path = join(dirname(file), r.string(['chapters', i, 'template']));
    const isAppendix = r.optionalBoolean(['chapters', i, 'appendix']) ?? false;
    const isFront = r.optionalBoolean(['chapters', i, 'front']) ?? false;
    const runningHead = 'running_head' in r.object(['chapters', i]) ? r.string(['chapters', i, 'running_head']) : undefined;
    // A chapter after an appendix would be numbered among the appendices' pages: refuse it.
    if (!isAppendix && appendices > 0) throw ReportError.of('input.field', { file: source.where(['chapters', i]), path: `chapters.${i}`, expected: 'an appendix (appendix: true): appendices come after every chapter', got: JSON.stringify(id) });
    if (!(await fs.exists(path))) throw ReportError.of('input.not-found', { file: path });
    chapters.push(Object.freeze({ id, file: path, text: await fs.readText(path), ...(isAppendix ? { appendix: ++appendices } : {}), ...(isFront ? { front: true as const } : {}), ...(runningHead ? { runningHead } : {}) }));
  }
  const partials: Record<string, string> = {};
  const partialDir = join(dirname(file), 'partials');
  if (await fs.exists(partialDir)) {
    for (const name of await fs.list(partialDir)) if (name.endsWith('.md.hbs')) partials[name.slice(0, -'.md.hbs'.length)] = await fs.readText(join(partialDir, name));
  }
  const content = await readContent(fs, join(dirname(file), 'content'));
  const tablesFile = join(dirname(file), 'tables.yaml');
  const tables = (await fs.exists(tablesFile)) ? parseYaml(tablesFile, await fs.readText(tablesFile)) : undefined;
  const formulas = await readFormulas(fs, dirname(file));
  const needs = readNeeds(source, r);
  const topics = readTopicGroups(source);
  const figuresFile = join(dirname(file), 'figures.yaml');
  const figures = (await fs.exists(figuresFile)) ? parseYaml(figuresFile, await fs.readText(figuresFile)) : undefined;
  return Object.freeze({ edition, data, ...(make ? { make } : {}), definitions, focus: Object.freeze(focus), ...(topics ? { topics } : {}), ...(figures ? { figures } : {}), chapters: Object.freeze(chapters), partials: Object.freeze(partials), content, ...(tables ? { tables } : {}), formulas, ...(needs ? { needs } : {}) });
}

/** `topics: { frontier: { group }, hot: { group, year } }`, or undefined when the edition has none. */
function readTopicGroups(source: YamlSource): TopicGroups | undefined {
  if ((source.value as { topics?: unknown } | null)?.topics === undefined) return undefined;
  const r = new YamlReader(source);
  return Object.freeze({
    frontier: Object.freeze({ group: r.string(['topics', 'frontier', 'group']) }),
    hot: Object.freeze({ group: r.string(['topics', 'hot', 'group']), year: r.integer(['topics', 'hot', 'year']) }),
  });
}
