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

/** Input that breaks its contract in one or more places; all of them are listed, up to a limit. */
export class InputError extends ReportError {
  readonly problems: readonly Problem[];
  readonly total: number;
  constructor(problems: readonly Problem[], total = problems.length, options?: { cause?: unknown }) {
    const head = message('data.invalid', { count: total, shown: problems.length });
    const cause = options ?? problems.find((p) => p.cause !== undefined);
    super('data.invalid', [head, ...problems.map((p) => `  ${p.text}`)].join('\n'), cause ? { cause: cause.cause } : undefined);
    this.name = 'InputError';
    this.problems = problems;
    this.total = total;
  }
}

/** The limit of problems listed in one run: enough to fix a batch, few enough to read. */
export const MAX_PROBLEMS = 50;
