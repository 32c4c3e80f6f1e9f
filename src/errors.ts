import { message, type MessageId, type MessageParams } from './messages.ts';

/** Any failure the user can act on. Its text comes from the message catalogue. */
export class ReportError extends Error {
  readonly id: MessageId;
  constructor(id: MessageId, text: string, options?: { cause?: unknown }) {
    super(text, options);
    this.name = 'ReportError';
    this.id = id;
  }
  static of<K extends MessageId>(id: K, params: MessageParams<K>, cause?: unknown): ReportError {
    return new ReportError(id, message(id, params), cause === undefined ? undefined : { cause });
  }
}

/** One place where input breaks its contract. */
export interface Problem {
  readonly text: string;
  /** The underlying error (e.g. the engine's), kept for --debug and for the InputError's cause. */
  readonly cause?: unknown;
}

/**
 * Problems of one kind: the rows that break one rule of one column of one file (counted, the first
 * few listed), or a problem that stands alone (a missing table or column, an unreadable file).
 */
export interface ProblemKind {
  /** What every row of the kind breaks, e.g. `papers.csv: column "year": expected a whole number`; null for one problem on its own. */
  readonly heading: string | null;
  /** How many rows break it (1 for a problem on its own). */
  readonly count: number;
  /** The first rows, in file order (at most ROWS_PER_KIND). */
  readonly problems: readonly Problem[];
}

/**
 * Input that breaks its contract: every kind of problem is listed, each with its count and its first
 * rows, so that one kind with thousands of rows never hides another.
 */
export class InputError extends ReportError {
  readonly kinds: readonly ProblemKind[];
  /** The rows listed, all kinds together. */
  readonly problems: readonly Problem[];
  /** Every problem, listed or not. */
  readonly total: number;
  constructor(kinds: readonly ProblemKind[], options?: { cause?: unknown }) {
    const problems = kinds.flatMap((k) => k.problems);
    const total = kinds.reduce((n, k) => n + k.count, 0);
    const lines = [message('data.invalid', { count: total, kinds: kinds.length })];
    for (const kind of kinds) {
      if (kind.heading === null || kind.count === 1) lines.push(...kind.problems.map((p) => `  ${p.text}`));
      else lines.push(`  ${message('data.kind', { heading: kind.heading, count: kind.count, shown: kind.problems.length })}`, ...kind.problems.map((p) => `    ${p.text}`));
    }
    const cause = options ?? problems.find((p) => p.cause !== undefined);
    super('data.invalid', lines.join('\n'), cause ? { cause: cause.cause } : undefined);
    this.name = 'InputError';
    this.kinds = kinds;
    this.problems = problems;
    this.total = total;
  }
}

/** The rows listed per kind of problem: enough to see the pattern, few enough that every kind fits. */
export const ROWS_PER_KIND = 5;
