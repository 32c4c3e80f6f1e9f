/**
 * `report new <edition> --from <edition>`: next year's edition as a copy of this year's. An edition is
 * folders of the project (templates/<edition>/ and, where the edition has one, locales/<edition>/):
 * they are copied whole — sentences, figures, tables, content, settings — and the copy's edition.yaml
 * is pointed at its own dataset. The old edition is not touched, and nothing is half-written: each
 * folder is copied to a staging name beside its target and renamed into place only when every copy
 * succeeded.
 */
import { cp, rename, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Document, isMap, isScalar, parseDocument } from 'yaml';
import { ReportError } from '../errors.ts';

/** The top-level folders that may hold a folder per edition; data/ is not copied (a new edition has new data). */
export const EDITION_ROOTS = ['templates', 'locales'] as const;

export interface NewEditionOptions {
  readonly root: string;
  readonly name: string;
  readonly from: string;
  /** The new edition's dataset folder (absolute, or relative to the project root); absent: data/<name>, to be filled. */
  readonly data?: string;
}

export interface NewEdition {
  /** The folders made, relative to the project root. */
  readonly folders: readonly string[];
  /** The dataset folder the new edition.yaml names. */
  readonly data: string;
  /** The copy's publication date (content/dates.yaml), a year after the old one's; null without that file. */
  readonly published: string | null;
}

const exists = (path: string) => stat(path).then(() => true, () => false);

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export async function newEdition(options: NewEditionOptions): Promise<NewEdition> {
  const { root, name, from } = options;
  if (!NAME.test(name)) throw ReportError.of('new.bad-name', { name });
  if (!(await exists(join(root, 'templates', from, 'edition.yaml')))) throw ReportError.of('cli.unknown-edition', { edition: from, known: [] });
  const pairs: { source: string; target: string }[] = [];
  for (const top of EDITION_ROOTS) {
    const source = join(root, top, from);
    const target = join(root, top, name);
    if (await exists(target)) throw ReportError.of('new.exists', { folder: relative(root, target) });
    if (await exists(source)) pairs.push({ source, target });
  }
  const data = options.data ?? join('data', name);
  const staged: { staging: string; target: string }[] = [];
  const moved: string[] = [];
  let published: string | null = null;
  try {
    for (const { source, target } of pairs) {
      const staging = `${target}.new-${process.pid}`;
      await rm(staging, { recursive: true, force: true });
      staged.push({ staging, target });
      await cp(source, staging, { recursive: true, errorOnExist: true, verbatimSymlinks: true });
    }
    const editionFile = join(staged[0]!.staging, 'edition.yaml');
    await pointAtData(editionFile, data);
    published = await nextPublication(join(staged[0]!.staging, 'content', 'dates.yaml'));
    for (const { staging, target } of staged) {
      await rename(staging, target);
      moved.push(target);
    }
  } catch (error) {
    for (const { staging } of staged) await rm(staging, { recursive: true, force: true });
    for (const target of moved) await rm(target, { recursive: true, force: true });
    if (error instanceof ReportError) throw error;
    throw ReportError.of('new.failed', { name, detail: (error as Error).message }, error);
  }
  return Object.freeze({ folders: Object.freeze(staged.map((s) => relative(root, s.target))), data, published });
}

/**
 * The copy's `data:` names its own dataset, given as it is (not made by the old edition's tooling).
 * Only the `data:` entry's text is replaced: the rest of the file (comments, flow mappings, spacing)
 * stays as the editor wrote it.
 */
async function pointAtData(file: string, data: string): Promise<void> {
  const { readFile, writeFile } = await import('node:fs/promises');
  const text = await readFile(file, 'utf8');
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) throw ReportError.of('input.field', { file, path: '(document)', expected: 'a mapping', got: 'something else' });
  // The old edition's dataset was made by its own tooling (data: { dir, make }); the new one's is
  // supplied: `data: DIR` replaces the whole mapping, its maker with it.
  const entry = `data: ${new Document(data).toString().trimEnd()}`;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'data');
  const start = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  const end = (pair?.value as { range?: [number, number, number] } | null | undefined)?.range?.[1];
  // A block mapping's range ends after its last line break, a scalar's before it: keep the break.
  const out =
    start !== undefined && end !== undefined
      ? `${text.slice(0, start)}${entry}${text.slice(start, end).endsWith('\n') ? '\n' : ''}${text.slice(end)}`
      : `${text.replace(/\n?$/, '\n')}${entry}\n`;
  await writeFile(file, out);
}

/**
 * The copy appears a year after its model: its publication date (content/dates.yaml, `published:
 * YYYY-MM[-DD]`) moves on by one year, so that `report check` holds the new snapshot and this year's
 * events against it, not against last year's. Only the date's text changes (comments kept); the
 * editor confirms it (report new says so).
 */
async function nextPublication(file: string): Promise<string | null> {
  const { readFile, writeFile } = await import('node:fs/promises');
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  const match = /^(published:\s*['"]?)(\d{4})(-\d{2}(?:-\d{2})?)/m.exec(text);
  if (!match) return null;
  const next = `${Number(match[2]) + 1}${match[3]}`;
  await writeFile(file, `${text.slice(0, match.index)}${match[1]}${next}${text.slice(match.index + match[0].length)}`);
  return next;
}
