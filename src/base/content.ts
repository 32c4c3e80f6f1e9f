/**
 * An edition's editorial content with numbers or dates in it, which messages may not carry (a message
 * has no typed digits: `report check`). One YAML file per kind under `templates/<edition>/content/`,
 * each validated by its own reader into a frozen typed value and given to templates as
 * `content.<name>` and to figures and tables as `ctx.content`.
 *
 * Content is what the editors state (events of a year, the platform's coverage), not what the
 * dataset measures; it is printed through the same helpers as the metrics, so `report check` still
 * traces every number on the page to a source.
 */
import { basename, join } from 'node:path';
import type { FileSystem } from '../effects.ts';
import { ReportError } from '../errors.ts';
import { parseYaml, YamlReader, type YamlSource } from './yaml.ts';
import { CONTENT_READERS } from './content-readers.ts';

/** `content.<name>` → the validated value of `content/<name>.yaml`. */
export type EditionContent = Readonly<Record<string, unknown>>;

/** Validates one content file (an `unknown` YAML value) into a frozen typed value. */
export type ContentReader = (r: YamlReader, source: YamlSource) => unknown;

export async function readContent(fs: FileSystem, dir: string): Promise<EditionContent> {
  const content: Record<string, unknown> = {};
  if (!(await fs.exists(dir))) return Object.freeze(content);
  for (const name of await fs.list(dir)) {
    if (!name.endsWith('.yaml')) continue;
    const file = join(dir, name);
    const kind = basename(name, '.yaml');
    const read = CONTENT_READERS[kind];
    if (!read) throw ReportError.of('content.unknown', { file, known: Object.keys(CONTENT_READERS).sort() });
    const source = parseYaml(file, await fs.readText(file));
    content[kind] = deepFreeze(read(new YamlReader(source), source));
  }
  return Object.freeze(content);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
