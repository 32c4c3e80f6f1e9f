/** Reading the engine's own sources (src/), for the tests that keep its structure. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const SRC = new URL('../../src/', import.meta.url).pathname;

/** Every file under src/ with one of `extensions`, as a path relative to src/ with forward slashes. */
export function sourceFiles(extensions: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (extensions.some((e) => entry.name.endsWith(e))) out.push(relative(SRC, path).split(sep).join('/'));
    }
  };
  walk(SRC);
  return out.sort();
}

export const readSource = (file: string): string => readFileSync(join(SRC, file), 'utf8');

/**
 * The text with its comments blanked (same length and lines, so positions stay right): `//` and
 * `/* … *\/` in TypeScript and JavaScript, `--` and `/* … *\/` in SQL. Strings and regular expressions
 * are kept and skipped whole, so a `//` in a URL is not a comment.
 */
export function withoutComments(text: string, language: 'ts' | 'sql'): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if ((language === 'ts' && c === '/' && next === '/') || (language === 'sql' && c === '-' && next === '-')) {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (language === 'ts' && c === '/' && regexMayStart(text, i)) {
      let j = i + 1;
      let inClass = false;
      while (j < text.length && text[j] !== '\n' && (text[j] !== '/' || inClass)) {
        if (text[j] === '\\') j++;
        else if (text[j] === '[') inClass = true;
        else if (text[j] === ']') inClass = false;
        j++;
      }
      i = j + 1;
    } else if (c === "'" || c === '"' || (language === 'ts' && c === '`')) {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' && language === 'ts' ? 2 : 1;
      i = j + 1;
    } else i++;
  }
  return out.join('');
}

/** Whether a `/` at `i` starts a regular expression literal (not a division): by the code before it. */
function regexMayStart(text: string, i: number): boolean {
  const before = text.slice(Math.max(0, i - 10), i).trimEnd();
  return before === '' || /[(,=:[!&|?{};+\-*%<>~^]$/.test(before) || /\b(?:return|typeof|case|of|in)$/.test(before);
}

/** 1-based line of an index. */
export const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;
