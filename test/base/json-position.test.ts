import { describe, expect, it } from 'vitest';
import { readLocale } from '../../src/base/i18n.ts';
import { jsonErrorIndex, lineColumn } from '../../src/base/json-position.ts';
import { memoryFs } from '../helpers/memory-fs.ts';

/** The scanner must fail exactly where JSON.parse does, and accept what it accepts. */
const CASES: [string, number][] = [
  ['{"a": 1}', -1],
  ['[1, -2.5e3, "x\\u00e9\\n", true, false, null, {}, []]', -1],
  ['  {"a": {"b": [1, 2]}}  \n', -1],
  ['{\n  "a": 1,\n  "b" 2\n}', 18],
  ['{"a": ', 6],
  ['{\n "a": "x",\n}', 13],
  ['\n\n  x', 4],
  ['{"a": "tab\there"}', 10],
  ['{"a": 01}', 7],
  ['{"a": 1} x', 9],
  ['{"a": tru}', 9],
  ['{"a": "\\q"}', 7],
  ['\ufeff{}', 0],
  ['', 0],
];

describe('jsonErrorIndex', () => {
  for (const [text, index] of CASES) {
    it(`${JSON.stringify(text)} → ${index}`, () => {
      expect(jsonErrorIndex(text)).toBe(index);
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      expect(parses).toBe(index === -1);
    });
  }

  it('counts columns in characters, lines from 1', () => {
    expect(lineColumn('{\n  "名称": x', 10)).toEqual({ line: 2, column: 9 });
  });
});

describe('a locale file that is not valid JSON', () => {
  const error = async (text: string) => {
    const fs = memoryFs({ '/l/e/en/report.json': text });
    return ((await readLocale(fs, '/l', 'e', 'en').catch((e: Error) => e)) as Error).message;
  };

  it('is named at its line and column, with what was wrong and no byte offset', async () => {
    expect(await error('{\n  "a": "one",\n  "b" "two"\n}\n')).toBe('/l/e/en/report.json:3:7: invalid JSON: Unexpected string');
    expect(await error('{\n  "a": "one",\n}\n')).toBe('/l/e/en/report.json:3:1: invalid JSON: Expected double-quoted property name');
    expect(await error('{\n  "a": "one"\n')).toBe("/l/e/en/report.json:3:1: invalid JSON: Expected ',' or '}' after property value");
    expect(await error('{\n  "a": nope\n}')).toBe("/l/e/en/report.json:2:9: invalid JSON: Unexpected token 'o'");
  });
});

describe('a locale file cut short', () => {
  it('is named at its end', async () => {
    const fs = memoryFs({ '/l/e/en/report.json': '{\n  "a": ' });
    expect(((await readLocale(fs, '/l', 'e', 'en').catch((e: Error) => e)) as Error).message).toBe('/l/e/en/report.json:2:8: invalid JSON: Unexpected end of JSON input');
  });
});
