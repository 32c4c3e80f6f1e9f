/**
 * Where a JSON text stops being valid JSON. V8's `JSON.parse` errors give a byte position for some
 * mistakes and none for others ("Unexpected token 'x', …"), so a locale file's error is located by
 * this small scanner of the JSON grammar instead, and named as line and column.
 */
import { ReportError } from '../errors.ts';

/** The index of the first character that breaks the grammar (text.length for a text cut short), or -1. */
export function jsonErrorIndex(text: string): number {
  let i = 0;
  const fail = (at: number): never => {
    throw at;
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(i);
      i++;
    }
  };
  const string = () => {
    i++; // the opening quote
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return;
      }
      if (ch < ' ') fail(i);
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i);
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) fail(i);
        i += 2;
        continue;
      }
      i++;
    }
    fail(i);
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail(i);
    i += m![0].length;
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if (ch === undefined) fail(i);
    if (ch === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail(i);
        string();
        space();
        if (text[i] !== ':') fail(i);
        i++;
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail(i);
      }
    }
    if (ch === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail(i);
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    return number();
  };
  try {
    value();
    space();
    return i < text.length ? i : -1;
  } catch (at) {
    if (typeof at === 'number') return at;
    throw at;
  }
}

/** Line and column (from 1; a column counts characters) of `index` in `text`. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: [...before[before.length - 1]!].length + 1 };
}

/**
 * A JSON file's syntax error at its line and column (locale files, calibration.json), with V8's
 * description of it and no byte offset.
 */
export function jsonSyntaxError(file: string, text: string, error: unknown): ReportError {
  const index = jsonErrorIndex(text);
  const { line, column } = lineColumn(text, index < 0 ? 0 : index);
  const detail = String((error as Error).message)
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/^(Unexpected token .+?), .* is not valid JSON$/s, '$1');
  return ReportError.of('input.json-syntax', { file, line, column, detail }, error);
}
