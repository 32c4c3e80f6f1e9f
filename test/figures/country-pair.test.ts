/**
 * The home country and its rival named as a pair in figure captions: "中美两国" where the locale has a
 * short form of both names, the full names otherwise, in both the preset's texts (yearly lines) and the
 * edition's `$focus.pair` (value bands).
 */
import { describe, expect, it } from 'vitest';
import { buildOne, edition, sampleMetrics } from '../chapters/fixtures.ts';

describe('country pairs in figure captions', () => {
  it('names China and the United States "中美" in zh and in full in en', async () => {
    const metrics = await sampleMetrics();
    expect((await buildOne('value-bands', 'zh', metrics)).built.caption).toBe('中美两国专利的市场价值分布');
    expect((await buildOne('papers-yearly', 'zh', metrics)).built.caption).toMatch(/年中美两国的年度论文数量$/);
    expect((await buildOne('value-bands', 'en', metrics)).built.caption).toBe('How patents in China and the United States are valued');
  });

  it('names both in full where one has no short form, in the focus order', async () => {
    const metrics = await sampleMetrics();
    const ed = { ...(await edition()), focus: { home: 'CN', rival: 'IN' } };
    expect((await buildOne('value-bands', 'zh', metrics, ed)).built.caption).toBe('中国与印度两国专利的市场价值分布');
    const swapped = { ...ed, focus: { home: 'US', rival: 'CN' } };
    // A short pair keeps the locale's order ("中美", never "美中").
    expect((await buildOne('value-bands', 'zh', metrics, swapped)).built.caption).toBe('中美两国专利的市场价值分布');
  });
});
