import { describe, expect, it } from 'vitest';
import { claimsJson } from '../../src/claims/record.ts';
import type { ClaimsRecord } from '../../src/base/claims.ts';
import { readClaims } from '../../src/diff/read.ts';
import { memoryFs } from '../helpers/memory-fs.ts';

const good: ClaimsRecord = {
  format: 1,
  edition: '2024',
  chapters: ['one'],
  locales: { en: { sentences: { 'one/k': { id: 'one/k', chapter: 'one', key: 'k', text: 'Text', values: { n: 1, name: 'x', on: true, none: null } } }, figures: { f: { columns: ['a'], rows: [['1']] } }, tables: {} } },
  rankings: { 'l:f': { list: 'l', field: 'f', ranks: { DE: 1 }, names: { DE: { en: 'Germany', zh: '德国' } } } },
};

describe('reading claims.json', () => {
  it('reads a build folder or the file itself, frozen', async () => {
    const fs = memoryFs({ '/out/2024/claims.json': claimsJson(good) });
    const record = await readClaims(fs, '/out/2024');
    expect(record).toEqual(good);
    expect(await readClaims(fs, '/out/2024/claims.json')).toEqual(good);
    expect(Object.isFrozen(record.locales.en!.sentences['one/k']!.values)).toBe(true);
  });

  it('writes keys sorted, so the same record gives the same bytes', () => {
    const text = claimsJson({ ...good, rankings: {}, locales: { en: { tables: {}, figures: {}, sentences: {} } } });
    expect(text).toBe(`{\n  "chapters": [\n    "one"\n  ],\n  "edition": "2024",\n  "format": 1,\n  "locales": {\n    "en": {\n      "figures": {},\n      "sentences": {},\n      "tables": {}\n    }\n  },\n  "rankings": {}\n}\n`);
  });

  it('says which folder has no claims record and how to make one', async () => {
    await expect(readClaims(memoryFs({}), '/out/2022')).rejects.toThrow('/out/2022: no claims record (looked for /out/2022/claims.json). `report build` writes claims.json');
  });

  it('names the file, the path in it and what was expected', async () => {
    const bad = structuredClone(good) as unknown as { locales: { en: { sentences: Record<string, { text: unknown }> } } };
    bad.locales.en.sentences['one/k']!.text = 42;
    await expect(readClaims(memoryFs({ '/a/claims.json': JSON.stringify(bad) }), '/a')).rejects.toThrow('/a/claims.json: locales.en.sentences.one/k.text: expected a string, got 42');
    await expect(readClaims(memoryFs({ '/a/claims.json': JSON.stringify({ ...good, format: 0 }) }), '/a')).rejects.toThrow('/a/claims.json: format: expected 1');
    await expect(readClaims(memoryFs({ '/a/claims.json': '{' }), '/a')).rejects.toThrow('/a/claims.json:1:2: invalid JSON');
    await expect(readClaims(memoryFs({ '/a/claims.json': JSON.stringify({ ...good, locales: { fr: {} } }) }), '/a')).rejects.toThrow('locales.fr: expected a locale (zh, en)');
  });
});
