import { describe, expect, it } from 'vitest';
import { definitionVariables } from '../../src/base/definition-variables.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

describe('definitions in the text', () => {
  it('print the same way in every message of a locale', () => {
    expect(definitionVariables('zh', DEFINITIONS_2023)).toEqual({ top_share: '1%', high_value: '100 万美元', high_level_h: '20' });
    expect(definitionVariables('en', DEFINITIONS_2023)).toEqual({ top_share: '1%', high_value: 'USD 1 million', high_level_h: '20' });
  });

  it('print another edition\'s values, not the 2023 ones', () => {
    const other = { top_share: 0.005, high_value_usd: 2_000_000, high_level_h: 25 };
    expect(definitionVariables('zh', other)).toEqual({ top_share: '0.5%', high_value: '200 万美元', high_level_h: '25' });
    expect(definitionVariables('en', other)).toEqual({ top_share: '0.5%', high_value: 'USD 2 million', high_level_h: '25' });
  });
});
