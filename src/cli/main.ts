/**
 * The `report` command: dispatches to the commands (`build` and `metrics` in build.ts, `preview`,
 * `check`, `diff`, `new`). Each command has its own --help. Exit codes: 0 done, 1 the input or the
 * environment is wrong (the message says what to do) or an internal error (which says so), 2 the
 * command line is wrong. No failure prints a stack trace unless --debug is given.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeEffects, type Effects } from '../effects.ts';
import { UsageError, parse } from './args.ts';
import { chosenEdition } from './editions.ts';
import { debugDetails, failureMessage } from './failure.ts';
import { message } from '../messages.ts';
import { tuneForBatchRun } from '../base/process.ts';

// Each command's module is imported when that command runs: `report --help` loads none of them, and
// no command loads another's dependencies (the pipeline's vega and fontkit, DuckDB, puppeteer).

/** The project root (where templates/ and locales/ are), whatever the working directory. */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * V8 tuned for the command about to run (bin/report.js calls it first): a command that runs once and
 * exits gets tuneForBatchRun; `report preview`, which rebuilds on every edit until stopped, keeps V8's
 * defaults, its code optimized as soon as it is hot.
 */
export function tuneForCommand(args: readonly string[]): void {
  const [command = ''] = args.filter((a) => a !== '--debug');
  if (command !== 'preview') tuneForBatchRun();
}

const HELP = `report — compiles the annual research report from record-level data

Usage: report <command> [options]

Commands:
  build     build an edition: metrics, chapters, figures, HTML and PDF per locale
  metrics   compute the metrics document of a dataset
  preview   serve the HTML edition on localhost, rebuilt and reloaded on every edit
  check     check an edition: every number traced to the metrics, locales alike, numbering, sums
  diff      compare two builds claim by claim: sentences, figures, tables and ranks that changed
  new       start next year's edition as a copy of this year's

Options of every command:
  --debug   when something fails, also print the stack and the chain of causes

Run \`report <command> --help\` for a command's options.`;

async function help(command: '' | 'check'): Promise<number> {
  const text = command === 'check' ? (await import('./check.ts')).CHECK_HELP : HELP;
  process.stdout.write(`${text}\n`);
  return 0;
}

/** `root`: the project (its templates/, locales/, data/, out/); by default the one this tool ships in. */
export async function main(args: string[], fx: Effects = nodeEffects(), root: string = PROJECT_ROOT): Promise<number> {
  // --debug is global: accepted before or after the command, taken out before the command's options are read.
  const debug = args.includes('--debug');
  const argv = args.filter((a) => a !== '--debug');
  const [command = '', ...rest] = argv;
  try {
    if (command === '' || command === '--help' || command === '-h' || command === 'help') return await help('');
    if (command === 'build') return await (await import('./build.ts')).buildCommand(rest, fx, root);
    if (command === 'metrics') return await (await import('./build.ts')).metricsCommand(rest, fx, root);
    if (command === 'diff') return await (await import('./diff.ts')).diffCommand(rest, fx, { root: root, out: process.stdout, err: process.stderr });
    if (command === 'preview') return await (await import('./preview.ts')).previewCommand(rest, fx, root);
    if (command === 'new') return await (await import('./new.ts')).newCommand(rest, fx, root);
    if (command === 'check') {
      const v = parse(rest, ['edition', 'data']);
      return v.help ? await help('check') : await (await import('./check.ts')).checkCommand(root, await chosenEdition(fx.fs, root, v.edition as string | undefined), fx, v.data as string | undefined);
    }
    throw new UsageError(message('cli.unknown-command', { command }));
  } catch (error) {
    if (debug) process.stderr.write(`${debugDetails(error)}\n`);
    if (error instanceof UsageError || (command === 'new' && error instanceof (await import('./new.ts')).NewUsageError)) {
      process.stderr.write(`report: ${error.message}\n`);
      return 2;
    }
    // Bad input, a file the system refuses, or a bug (which says so): one message, never a stack trace.
    process.stderr.write(`report: ${failureMessage(error)}\n`);
    return 1;
  }
}
