/** The edition config `templates/<edition>/edition.yaml`: its dataset and its chapters in order. */
import { dirname, join } from 'node:path';
import type { FileSystem } from '../effects.ts';
import { ReportError } from '../errors.ts';
import { parseYaml, YamlReader } from '../load/yaml.ts';

export interface ChapterSource {
  readonly id: string;
  readonly file: string;
  readonly text: string;
}

export interface Edition {
  readonly edition: string;
  /** The dataset folder, relative to the project root. */
  readonly data: string;
  readonly chapters: readonly ChapterSource[];
}

export async function readEdition(fs: FileSystem, templatesRoot: string, edition: string): Promise<Edition> {
  const file = join(templatesRoot, edition, 'edition.yaml');
  if (!(await fs.exists(file))) {
    const known = (await fs.exists(templatesRoot)) ? await fs.list(templatesRoot) : [];
    throw ReportError.of('cli.unknown-edition', { edition, known });
  }
  const r = new YamlReader(parseYaml(file, await fs.readText(file)));
  const data = r.string(['data']);
  const chapters: ChapterSource[] = [];
  for (const [i] of r.array(['chapters']).entries()) {
    const id = r.string(['chapters', i, 'id']);
    const path = join(dirname(file), r.string(['chapters', i, 'template']));
    if (!(await fs.exists(path))) throw ReportError.of('input.not-found', { file: path });
    chapters.push(Object.freeze({ id, file: path, text: await fs.readText(path) }));
  }
  return Object.freeze({ edition, data, chapters: Object.freeze(chapters) });
}
