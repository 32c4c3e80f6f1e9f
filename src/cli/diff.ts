/**
 * `report diff <old> <new>`: what changed between two builds, claim by claim (src/diff). A side is a
 * build folder (or its claims.json), or an edition and dataset that are built first (metrics,
 * chapters and figures; no PDF) into a temporary folder. Arguments are parsed apart from the action
 * so that both can be tested alone. Changes are not errors: exit 0, unless --exit-code asks for 1
 * when anything changed (like `git diff --exit-code`).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readEdition } from '../base/edition.ts';
import type { ClaimsRecord } from '../base/claims.ts';
import type { Effects } from '../effects.ts';
import { LOCALES } from '../base/yaml.ts';
import { message } from '../messages.ts';
import { compareClaims, hasChanges } from '../diff/compare.ts';
import { formatHtml } from '../diff/html.ts';
import { readClaims } from '../diff/read.ts';
import { formatTerminal } from '../diff/terminal.ts';
import { ensureDataset } from './dataset.ts';
import { chosenEdition } from './editions.ts';

export const DIFF_HELP = `Usage: report diff <old> <new> [--html FILE] [--exit-code]
       report diff --edition A [--data DIR] --edition B [--data DIR] [--html FILE] [--exit-code]
       report diff --edition A --data DIR1 --data DIR2 …

Compares two builds claim by claim: <old> and <new> are build folders (out/<edition>, each holding
the claims.json that \`report build\` writes) or claims.json files. With --edition/--data instead,
each side is built first (no PDF) into a temporary folder: two editions (each on its own dataset,
or on the --data given after it), or one edition on two datasets.

Prints the changed sentences (old and new, every locale, changed words marked [-old-]{+new+}),
sentences that appeared or disappeared, figures and tables whose data changed, and ranks that moved.

Options:
  --html FILE   also write the comparison as one self-contained HTML page for review
  --exit-code   exit with 1 when anything changed (default: 0 either way)
  --edition E   an edition under templates/ to build (twice, or once with two --data;
                none: the newest)
  --data DIR    the dataset of the --edition before it (default: the edition's own)
  --cache DIR   build cache for --edition builds (default .cache/build; off: compute everything)
  -h, --help    this text`;

/** One side of the comparison. */
export type DiffSide = { readonly kind: 'claims'; readonly path: string } | { readonly kind: 'build'; readonly edition: string | null; readonly data: string | null };

export interface DiffArgs {
  readonly old: DiffSide;
  readonly new: DiffSide;
  readonly html: string | null;
  readonly exitCode: boolean;
  /** Build cache folder for built sides: null off, undefined the project's default. */
  readonly cache?: string | null;
}

export type ParsedDiff = { readonly help: true } | { readonly help: false; readonly args: DiffArgs } | { readonly help: false; readonly problem: string };

const problem = (detail: string): ParsedDiff => ({ help: false, problem: message('diff.bad-option', { detail }) });

export function parseDiffArgs(argv: readonly string[]): ParsedDiff {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        html: { type: 'string' },
        'exit-code': { type: 'boolean' },
        edition: { type: 'string', multiple: true },
        data: { type: 'string', multiple: true },
        cache: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    return problem((error as Error).message);
  }
  const v = parsed.values;
  if (v.help) return { help: true };
  const common = { html: v.html ?? null, exitCode: v['exit-code'] ?? false, ...(v.cache !== undefined ? { cache: v.cache === 'off' ? null : v.cache } : {}) };
  const editions = v.edition ?? [];
  const datas = v.data ?? [];
  if (editions.length === 0 && datas.length === 0) {
    if (parsed.positionals.length !== 2) return problem(`report diff needs two builds, <old> and <new>; got ${parsed.positionals.length}`);
    const [old, now] = parsed.positionals as [string, string];
    return { help: false, args: { old: { kind: 'claims', path: old }, new: { kind: 'claims', path: now }, ...common } };
  }
  if (parsed.positionals.length > 0) return problem('give either two build folders or --edition/--data, not both');
  const sides = builtSides(parsed.tokens ?? []);
  if (typeof sides === 'string') return problem(sides);
  return { help: false, args: { old: sides[0], new: sides[1], ...common } };
}

/**
 * --edition/--data in the order given: each --data belongs to the --edition before it; a single
 * --edition with two --data is one edition on two datasets; --data alone builds the newest edition (src/cli/editions.ts).
 */
function builtSides(tokens: readonly { kind: string; name?: string; value?: string }[]): [DiffSide, DiffSide] | string {
  const sides: { edition: string | null; data: string | null }[] = [];
  for (const t of tokens) {
    if (t.kind !== 'option' || (t.name !== 'edition' && t.name !== 'data')) continue;
    const last = sides.at(-1);
    if (t.name === 'edition') sides.push({ edition: t.value!, data: null });
    else if (last && last.data === null) last.data = t.value!;
    else sides.push({ edition: last?.edition ?? null, data: t.value! });
  }
  if (sides.length !== 2) return `--edition/--data name ${sides.length} build(s); report diff compares two`;
  return sides.map((s) => ({ kind: 'build', edition: s.edition, data: s.data })) as [DiffSide, DiffSide];
}

/** How a side is named on screen. */
export function sideLabel(side: DiffSide): string {
  return side.kind === 'claims' ? side.path : `${side.edition ?? 'newest edition'}${side.data ? ` --data ${side.data}` : ''}`;
}

export interface DiffContext {
  /** The project root (templates/, locales/), for built sides. */
  readonly root: string;
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
}

/** Runs a parsed diff: the summary to `out`, the page (if asked) to its file. Returns the exit code. */
export async function runDiff(given: DiffArgs, fx: Effects, context: DiffContext): Promise<number> {
  const args = { ...given, old: await named(given.old, fx, context.root), new: await named(given.new, fx, context.root) };
  const before = await claimsOf(args.old, args, fx, context.root);
  const after = await claimsOf(args.new, args, fx, context.root);
  const diff = compareClaims(before, after);
  const sides = { old: sideLabel(args.old), new: sideLabel(args.new) };
  context.out.write(formatTerminal(diff, sides));
  if (args.html) {
    await fx.fs.writeAll([{ path: resolve(args.html), data: formatHtml(diff, sides) }]);
    fx.log.info(message('diff.written', { file: args.html }));
  }
  return args.exitCode && hasChanges(diff) ? 1 : 0;
}

/** A side to build with its edition named: the one given, or the newest. */
async function named(side: DiffSide, fx: Effects, root: string): Promise<DiffSide> {
  return side.kind === 'build' ? { ...side, edition: await chosenEdition(fx.fs, root, side.edition ?? undefined) } : side;
}

async function claimsOf(side: DiffSide, args: DiffArgs, fx: Effects, root: string): Promise<ClaimsRecord> {
  if (side.kind === 'claims') return readClaims(fx.fs, resolve(side.path));
  if (side.edition === null) throw new Error('claimsOf: name the edition first (named)');
  const out = await mkdtemp(join(tmpdir(), 'report-diff-'));
  try {
    const edition = await readEdition(fx.fs, join(root, 'templates'), side.edition);
    if (!side.data) await ensureDataset(fx, root, edition);
    // Imported here: the pipeline pulls in the figure renderer, which comparing two folders never needs.
    const { build } = await import('../pipeline.ts');
    const cacheDir = args.cache === null ? null : resolve(args.cache ?? join(root, '.cache', 'build'));
    await build(
      { root, edition: side.edition, locales: LOCALES, formats: [], outDir: out, cacheDir, ...(side.data ? { data: resolve(side.data) } : {}) },
      fx,
      {
        openEngine: async () => (await import('../base/engine.ts')).openDuckDb(),
        openPrinter: async () => {
          throw new Error('report diff prints no PDF');
        },
        fonts: { read: (face) => readFileSync(face.file) },
      },
    );
    return await readClaims(fx.fs, join(out, side.edition));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

export async function diffCommand(argv: readonly string[], fx: Effects, context: DiffContext): Promise<number> {
  const parsed = parseDiffArgs(argv);
  if (parsed.help) {
    context.out.write(`${DIFF_HELP}\n`);
    return 0;
  }
  if ('problem' in parsed) {
    context.err.write(`report: ${parsed.problem}\n`);
    return 2;
  }
  return runDiff(parsed.args, fx, context);
}
