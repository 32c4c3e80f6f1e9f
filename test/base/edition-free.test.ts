/**
 * The engine names no edition: everything an edition is (its topics, figures, focus countries,
 * years) is in its folders (templates/, locales/, data/), so src/ must not mention the 2023 edition's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lineOf, readSource, sourceFiles, withoutComments } from './source.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const yamlOf = (path: string) => parse(readFileSync(ROOT + path, 'utf8')) as Record<string, unknown>;

const edition = yamlOf('templates/2023/edition.yaml') as { topics: Record<string, { group: string }> };
const figures = (yamlOf('templates/2023/figures.yaml') as { figures: { id: string }[] }).figures.map((f) => f.id);
/** The engine's own names, which an edition's may repeat: its presets (a figure may be called `value-bands`) and topic roles (`frontier`). */
const ENGINE_NAMES = new Set([...readdirSync(ROOT + 'src/figures/presets').map((f) => f.replace(/\.ts$/, '')), ...Object.keys(edition.topics)]);
const topicGroups = Object.values(edition.topics).map((t) => t.group);
const topicIds = readFileSync(ROOT + 'data/2023/topics.csv', 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[0]!);

/** Names of the edition: anywhere in src/, comments included. */
const NAMES = [...new Set([...topicGroups, ...topicIds, ...figures])].filter((n) => !ENGINE_NAMES.has(n));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NAME = new RegExp(`(?<![\\w-])(?:${NAMES.map(escape).join('|')})(?![\\w-])`, 'g');
/** In code (comments left out): the focus countries as literals, and the edition's years. */
const COUNTRY = /(['"`])(?:CN|US)\1/g;
const YEAR = /(?<![\w.])20(?:1[2-9]|2[0-3])(?![\w.])/g;

const FILES = sourceFiles(['.ts', '.sql', '.js']);

function hits(pattern: RegExp, code: boolean): string[] {
  const out: string[] = [];
  for (const file of FILES) {
    const source = readSource(file);
    const text = code ? withoutComments(source, file.endsWith('.sql') ? 'sql' : 'ts') : source;
    for (const m of text.matchAll(pattern)) out.push(`src/${file}:${lineOf(text, m.index!)}: ${m[0]}`);
  }
  return out;
}

describe('src/ names no edition', () => {
  it('knows the names it looks for', () => {
    expect(NAMES).toContain('hot-2022');
    expect(NAMES).toContain('T-AIGC');
    expect(NAMES).toContain('papers-by-country');
    expect(FILES.some((f) => f.endsWith('.sql'))).toBe(true);
  });

  it("names none of the 2023 edition's topics or figures", () => {
    expect(hits(NAME, false)).toEqual([]);
  });

  it('has no focus country as a literal', () => {
    expect(hits(COUNTRY, true)).toEqual([]);
  });

  it("has none of the edition's years (2012–2023) outside comments", () => {
    // Names that carry a year, like the citation standard's designation, live in locales/shared.
    expect(hits(YEAR, true)).toEqual([]);
  });

  it('would find them', () => {
    const ts = withoutComments("const a = 'CN'; // 2022\n/* 2021 */ const b = `x//y`; const r = /'/g; // 2020\n", 'ts');
    expect(ts).toContain("const a = 'CN';");
    expect(ts).toContain('const b = `x//y`; const r = /\'/g;');
    expect(ts).not.toMatch(YEAR);
    expect(withoutComments('SELECT 2022 -- 2021\n', 'sql').trimEnd()).toBe('SELECT 2022');
    expect(hits(COUNTRY, true)).toEqual([]);
  });
});
