/**
 * The command line's options, shared by the commands: lists and \`--name value\` options; a wrong
 * command line is a UsageError (exit code 2).
 */
import { parseArgs } from 'node:util';
import { message } from '../messages.ts';

export class UsageError extends Error {}

export function list<T extends string>(option: string, value: string, allowed: readonly T[]): T[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0 || items.some((i) => !allowed.includes(i as T))) throw new UsageError(message('cli.bad-list', { option, value, allowed }));
  return [...new Set(items)] as T[];
}

export type Values = Record<string, string | boolean | undefined>;

/** Parses `--name value` options (all strings) plus -h/--help. */
export function parse(args: string[], names: readonly string[]): Values {
  const options: Record<string, { type: 'string' } | { type: 'boolean'; short: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const name of names) options[name] = { type: 'string' };
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true }).values as Values;
  } catch (error) {
    throw new UsageError(message('cli.bad-option', { detail: (error as Error).message }));
  }
}
