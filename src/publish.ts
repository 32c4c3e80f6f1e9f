/**
 * An edition's outputs swapped in whole, in one atomic step.
 *
 *   out/2023            → symbolic link to .builds/2023-<pid>-<random>
 *   out/.builds/2023-…  the files of one complete build
 *
 * A build writes every file into a new staging folder beside the target (out/.builds/, same file
 * system), carries over by hard link the files of the previous build it does not rebuild (another
 * locale or format), then makes a new symbolic link to the staging folder and renames it over
 * `out/2023`. rename(2) replaces the link atomically: a reader opening `out/2023/zh/report.pdf` gets
 * either the whole old edition or the whole new one, never a mix, and a build that fails or is killed
 * at any point before the rename leaves the old edition as it was. (A folder cannot be renamed over a
 * non-empty folder on Linux, which is why the target is a link.) The previous build's folder is
 * removed after the swap; readers that still have a file open keep reading it.
 *
 * A real folder found at the target (from before this scheme) is moved into .builds/ and replaced by a
 * link once, at the first build: the only moment, a few microseconds long, when the target does not exist.
 *
 * Staging folders and temporary links of builds that were interrupted (their process no longer runs)
 * and folders of superseded builds are removed by the next build.
 */
import { chmod, copyFile, link, lstat, mkdir, mkdtemp, readdir, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { OutputFile } from './effects.ts';
import { isAlive } from './base/process.ts';

export const BUILDS_DIR = '.builds';

/** Returns the files kept from the previous build, relative to `target`, sorted. */
export async function publishEdition(target: string, files: readonly OutputFile[]): Promise<string[]> {
  const dir = resolve(target);
  const parent = dirname(dir);
  const name = basename(dir);
  const builds = join(parent, BUILDS_DIR);
  await mkdir(builds, { recursive: true });
  const rel = files.map((f) => {
    const r = relative(dir, resolve(f.path));
    if (r === '' || r.startsWith('..') || r.startsWith(sep)) throw new Error(`${f.path} is not inside ${dir}`);
    return r;
  });
  await removeStale(parent, name);
  const previous = await currentBuild(dir, builds);

  const staging = await mkdtemp(join(builds, `${name}-${process.pid}-`));
  let kept: string[] = [];
  try {
    await chmod(staging, 0o755); // mkdtemp makes it private; a published edition is readable like any folder
    for (const [i, file] of files.entries()) {
      const path = join(staging, rel[i]!);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.data);
    }
    if (previous) kept = await carryOver(previous, staging, new Set(rel));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const tmpLink = join(parent, `.${name}.${process.pid}.link`);
  await rm(tmpLink, { force: true });
  await symlink(join(BUILDS_DIR, basename(staging)), tmpLink);
  await rename(tmpLink, dir); // the swap
  if (previous) await rm(previous, { recursive: true, force: true });
  return kept;
}

/**
 * The folder of the edition now published: the link's target, or (first run) the real folder, moved
 * into .builds/ and replaced by a link to it.
 */
async function currentBuild(dir: string, builds: string): Promise<string | null> {
  const info = await lstat(dir).catch(() => null);
  if (!info) return null;
  if (info.isSymbolicLink()) return resolve(dirname(dir), await readlink(dir));
  if (!info.isDirectory()) throw new Error(`${dir} is neither a folder nor a link to one`);
  const moved = join(builds, `${basename(dir)}-${process.pid}-moved`);
  await rename(dir, moved);
  await symlink(join(BUILDS_DIR, basename(moved)), dir);
  return moved;
}

/** Every file of the previous build that this build does not write, hard-linked (copied across devices). */
async function carryOver(from: string, to: string, written: ReadonlySet<string>): Promise<string[]> {
  const kept: string[] = [];
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const r = relative(from, source);
    if (written.has(r)) continue;
    await mkdir(dirname(join(to, r)), { recursive: true });
    await link(source, join(to, r)).catch(() => copyFile(source, join(to, r)));
    kept.push(r);
  }
  return kept.sort();
}

/** Leftovers of builds of this target whose process is gone, and folders no link points to any more. */
async function removeStale(parent: string, name: string): Promise<void> {
  const builds = join(parent, BUILDS_DIR);
  const current = await readlink(join(parent, name)).then((t) => basename(t), () => null);
  const pidOf = (entry: string, pattern: RegExp) => Number(pattern.exec(entry)?.[1] ?? NaN);
  for (const entry of await readdir(builds)) {
    const pid = pidOf(entry, new RegExp(`^${escapeRegExp(name)}-(\\d+)-`));
    if (!Number.isInteger(pid) || entry === current || (pid !== process.pid && isAlive(pid))) continue;
    await rm(join(builds, entry), { recursive: true, force: true });
  }
  for (const entry of await readdir(parent)) {
    const pid = pidOf(entry, new RegExp(`^\\.${escapeRegExp(name)}\\.(\\d+)\\.link$`));
    if (Number.isInteger(pid) && !isAlive(pid)) await rm(join(parent, entry), { force: true });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
