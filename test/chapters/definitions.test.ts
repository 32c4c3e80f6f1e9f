import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFINITIONS, definitionVariables } from '../../src/chapters/definitions.ts';

const sql = (name: string) => readFileSync(new URL(`../../src/metrics/sql/${name}.sql`, import.meta.url), 'utf8');

describe('definitions', () => {
  it('are the thresholds the metrics SQL applies, so the text states what was computed', () => {
    const values = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => Number(m[1]!.replaceAll(',', '')));
    const highValue = values(sql('patents') + sql('topics'), /value_usd >= ([\d,]+)/g);
    expect(highValue.length).toBeGreaterThan(0);
    expect(new Set(highValue)).toEqual(new Set([DEFINITIONS.high_value_usd]));
    const highLevel = values(sql('talent'), /h_index >= (\d+)/g);
    expect(new Set(highLevel)).toEqual(new Set([DEFINITIONS.high_level_h]));
    expect(sql('papers')).toContain(`n / ${(1 / DEFINITIONS.top_share).toFixed(1)}`);
  });

  it('print the same way in every message of a locale', () => {
    expect(definitionVariables('zh')).toEqual({ top_share: '1%', high_value: '100 万美元', high_level_h: '20' });
    expect(definitionVariables('en')).toEqual({ top_share: '1%', high_value: 'USD 1 million', high_level_h: '20' });
  });
});
