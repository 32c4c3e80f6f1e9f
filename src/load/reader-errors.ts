/**
 * A file the engine cannot read, explained: DuckDB's whole error (not its first line only) turned
 * into the file, the line, the cause and what was expected. DuckDB's messages also carry its own
 * options ("Possible fixes: set ignore_errors …"), its dialect settings and the SQL it ran; a user of
 * the report cannot act on those, so they are left out, and every line kept is cut to a readable length.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { message } from '../messages.ts';
import { sqlString, type SqlEngine } from '../base/engine.ts';

export type ReaderFormat = 'csv' | 'jsonl' | 'parquet';

/** What each format must look like, for the "expected" part of the message. */
const EXPECTED: Record<ReaderFormat, string> = {
  csv: 'UTF-8 text, comma-separated, a header row, the same number of fields on every line, and fields holding commas, quotes or line breaks in double quotes ("" for a quote inside)',
  jsonl: 'UTF-8 text with one JSON object per line',
  parquet: 'a Parquet file',
};

const FORMAT_NAME: Record<ReaderFormat, string> = { csv: 'CSV', jsonl: 'JSON lines', parquet: 'Parquet' };

/** The longest piece of DuckDB's text quoted in a message: its lines can echo a 50 MB field. */
const MAX_QUOTED = 200;

export interface ReaderFailure {
  /** The line in the file (1 = the header), or null when DuckDB does not say (reliably). */
  readonly line: number | null;
  readonly cause: string;
  readonly expected: string;
}

/**
 * Explains why `reading` failed on `file`. For CSV it may look further (read the file's lines, or
 * read it again without dialect detection) to find the line DuckDB's first error does not give.
 */
export async function explainReaderError(engine: SqlEngine, file: string, format: ReaderFormat, error: unknown): Promise<ReaderFailure> {
  const text = error instanceof Error ? error.message : String(error);
  const lineSize = /Maximum line size of (\d+) bytes exceeded/.exec(text);
  if (lineSize) {
    // DuckDB reports the line of the buffer it was in (line 1 for a long line 7): find it ourselves.
    const limit = Number(lineSize[1]);
    const long = await firstLongLine(file, limit);
    return {
      line: long?.line ?? null,
      cause: `${long ? `the line has ${long.bytes.toLocaleString('en-US')} bytes, ` : ''}more than the reader's limit of ${limit.toLocaleString('en-US')} bytes per line (DuckDB: "Maximum line size exceeded")`,
      expected: `lines of at most ${limit.toLocaleString('en-US')} bytes (a line this long is usually an unclosed quote or binary data)`,
    };
  }
  if (format === 'csv' && /Error when sniffing file/.test(text)) {
    // Detection failed as a whole, without a line. Read again with the dialect given: the first row
    // that breaks it is then named.
    const again = await rereadWithoutDetection(engine, file);
    const found = again ? parseDuckDbError(again) : null;
    const detected = 'DuckDB could not detect the CSV layout ("Error when sniffing file")';
    if (found?.line) return { line: found.line, cause: `${detected}: ${found.cause}`, expected: EXPECTED.csv };
    return { line: null, cause: `${detected} (look for an unclosed double quote, or a line with more or fewer fields than the header)`, expected: EXPECTED.csv };
  }
  const parsed = parseDuckDbError(text);
  return { line: parsed.line, cause: parsed.cause || 'DuckDB gave no reason', expected: EXPECTED[format] };
}

/** The problem line for a failure, through the message catalogue. */
export function readerProblem(file: string, format: ReaderFormat, failure: ReaderFailure): string {
  return message('data.unreadable', { file, line: failure.line, format: FORMAT_NAME[format], cause: failure.cause, expected: failure.expected });
}

/**
 * DuckDB's error text without what a user cannot act on: the error class, the SQL context, the
 * dialect settings, the suggested reader options and the echo of the offending line.
 */
export function parseDuckDbError(text: string): { line: number | null; cause: string } {
  const all = text.split('\n');
  // What follows these is DuckDB's advice on its own options, its settings and the SQL: left out.
  const end = all.findIndex((l) => /^(Possible Solution|Possible fixes|\s*file = |LINE \d+:)/.test(l));
  const body = (end === -1 ? all : all.slice(0, end)).map((l, i) => (i === 0 ? l.replace(/^[A-Za-z ]*Error: /, '') : l).trim());
  let line: number | null = null;
  const at = body.findIndex((l) => /^CSV Error on Line: \d+/.test(l));
  if (at !== -1) line = Number(/\d+/.exec(body[at]!)![0]);
  // The JSON reader says it inside its sentence: 'Malformed JSON in file "…", at byte 33 in line 2: …'.
  const json = /^Malformed JSON .* in line (\d+)/.exec(body[0] ?? '');
  if (json) line = Number(json[1]);
  const rest = body.filter((l, i) => i !== at && l !== '' && !l.startsWith('* '));
  // "Original Line:" echoes the record (a quoted record spans lines, and DuckDB may echo the wrong
  // one); the reason is the last line before the advice.
  const echo = rest.findIndex((l) => l.startsWith('Original Line:'));
  const kept = echo === -1 ? rest : rest.slice(-1).filter((l) => !l.startsWith('Original Line:'));
  return { line, cause: kept.map((l) => (l.length > MAX_QUOTED ? `${l.slice(0, MAX_QUOTED)}…` : l)).join('; ') };
}

/**
 * Reads the CSV file again with its dialect given instead of detected (columns from its header, all
 * text), so that DuckDB names the first line that breaks it. The error text, or null if it reads.
 */
async function rereadWithoutDetection(engine: SqlEngine, file: string): Promise<string | null> {
  const header = await firstLine(file);
  const names = header.split(',').map((n) => n.trim().replace(/^"(.*)"$/, '$1'));
  if (names.length === 0 || names.some((n) => n === '') || new Set(names).size !== names.length) return null;
  const columns = `{${names.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(', ')}}`;
  try {
    await engine.all(`SELECT count(*) AS n FROM read_csv(${sqlString(file)}, header = true, auto_detect = false, columns = ${columns}, delim = ',', quote = '"', escape = '"')`);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The file's first line (at most 64 KiB of it). */
async function firstLine(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0]!.replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

/** The first line longer than `limit` bytes: its number (1-based) and its whole length. */
async function firstLongLine(file: string, limit: number): Promise<{ line: number; bytes: number } | null> {
  let line = 1;
  let length = 0;
  for await (const chunk of createReadStream(file)) {
    const bytes = chunk as Buffer;
    let start = 0;
    for (;;) {
      const nl = bytes.indexOf(10, start);
      length += (nl === -1 ? bytes.length : nl) - start;
      if (nl === -1) break;
      if (length > limit) return { line, bytes: length };
      line++;
      length = 0;
      start = nl + 1;
    }
  }
  return length > limit ? { line, bytes: length } : null;
}
