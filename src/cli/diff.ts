/**
 * `report diff <old> <new>`: what changed between two builds, claim by claim (src/diff). Arguments
 * are parsed apart from the action so that both can be tested alone. Changes are not errors: exit 0,
 * unless --exit-code asks for 1 when anything changed (like `git diff --exit-code`).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Effects } from '../effects.ts';
import { message } from '../messages.ts';
import { compareClaims, hasChanges } from '../diff/compare.ts';
import { formatHtml } from '../diff/html.ts';
import { readClaims } from '../diff/read.ts';
import { formatTerminal } from '../diff/terminal.ts';

export const DIFF_HELP = `Usage: report diff <old> <new> [--html FILE] [--exit-code]

Compares two builds claim by claim: <old> and <new> are build folders (e.g. out/2023, each holding
the claims.json that \`report build\` writes) or claims.json files. Prints the changed sentences (old
and new, every locale, changed words marked [-old-]{+new+}), sentences that appeared or disappeared,
figures and tables whose data changed, and ranks that moved.

Options:
  --html FILE   also write the comparison as one self-contained HTML page for review
  --exit-code   exit with 1 when anything changed (default: 0 either way)
  -h, --help    this text`;

export interface DiffArgs {
  readonly old: string;
  readonly new: string;
  readonly html: string | null;
  readonly exitCode: boolean;
}

export type ParsedDiff = { readonly help: true } | { readonly help: false; readonly args: DiffArgs } | { readonly help: false; readonly problem: string };

export function parseDiffArgs(argv: readonly string[]): ParsedDiff {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { html: { type: 'string' }, 'exit-code': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return { help: false, problem: message('diff.bad-option', { detail: (error as Error).message }) };
  }
  if (parsed.values.help) return { help: true };
  if (parsed.positionals.length !== 2) {
    return { help: false, problem: message('diff.bad-option', { detail: `report diff needs two builds, <old> and <new>; got ${parsed.positionals.length}` }) };
  }
  const [old, now] = parsed.positionals as [string, string];
  return { help: false, args: { old, new: now, html: parsed.values.html ?? null, exitCode: parsed.values['exit-code'] ?? false } };
}

/** Runs a parsed diff: the summary to `out`, the page (if asked) to its file. Returns the exit code. */
export async function runDiff(args: DiffArgs, fx: Effects, out: NodeJS.WritableStream): Promise<number> {
  const [before, after] = await Promise.all([readClaims(fx.fs, resolve(args.old)), readClaims(fx.fs, resolve(args.new))]);
  const diff = compareClaims(before, after);
  const sides = { old: args.old, new: args.new };
  out.write(formatTerminal(diff, sides));
  if (args.html) {
    await fx.fs.writeAll([{ path: resolve(args.html), data: formatHtml(diff, sides) }]);
    fx.log.info(message('diff.written', { file: args.html }));
  }
  return args.exitCode && hasChanges(diff) ? 1 : 0;
}

export async function diffCommand(argv: readonly string[], fx: Effects, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const parsed = parseDiffArgs(argv);
  if (parsed.help) {
    out.write(`${DIFF_HELP}\n`);
    return 0;
  }
  if ('problem' in parsed) {
    err.write(`report: ${parsed.problem}\n`);
    return 2;
  }
  return runDiff(parsed.args, fx, out);
}
