/**
 * The 2023 edition on the full-size calibrated dataset prints the published report's values, and
 * the right one where the published report printed two (inconsistencies.md #4, #18, #20, #22).
 * Slow (a minute or two): runs when GENERATE_FULL=1, like test/editions/2023/generator/full.test.ts.
 *   GENERATE_FULL=1 npx vitest run test/check/published.test.ts
 */
import { describe, expect, it } from 'vitest';
import { checkEdition } from '../../src/check/check.ts';
import { defaultOut, generate } from '../../data/2023/generator/main.ts';
import { bundle, edition, render } from '../chapters/fixtures.ts';
import { metricsOf } from '../metrics/compute.ts';

describe.runIf(process.env.GENERATE_FULL === '1')('the 2023 edition on the calibrated dataset', () => {
  it('passes report check and prints the published values', async () => {
    const out = defaultOut(1);
    await generate({ scale: 1, out });
    const metrics = await metricsOf(out);
    expect(checkEdition(await edition(), metrics, [await bundle('zh'), await bundle('en')]).problems).toEqual([]);
    const zh = (await render('zh', metrics)).text;
    for (const printed of [
      '中国发表论文 506,775 篇，美国为 525,794 篇',
      '分别为 7,096 篇和 9,634 篇',
      '中国科学院发表论文最多（59,487 篇），美国加州大学（49,111 篇）和法国研究型大学联盟（UDICE，48,217 篇）次之',
      '美国加州大学的顶尖论文最多（1,550 篇），中国科学院（1,309 篇）和哈佛大学（1,192 篇）次之',
      // #20: the crossings are yearly (ahead every year since, a checked claim); the whole-period totals are stated beside them.
      '论文数量自 2019 年起、顶尖论文数量自 2020 年起，每年都多于美国',
      '按 2012—2021 年累计，美国的论文总量领先',
      '共 387,989 件，是第二名美国的 2.9 倍，是其后 9 国总和的 1.6 倍',
      '中国以 1,650 件排名第四，落后于美国（12,859 件）、日本（3,718 件）和韩国（2,111 件）',
      '三星（1,061 件）、微软（630 件）和谷歌（592 件）的高价值专利最多',
      '华为的高价值专利最多（373 件），阿里巴巴（261 件）和腾讯（127 件）次之',
      // #18 and #22: one share, computed from the counts (12.8%, 16.5%, 34.5%).
      '中国以 1,650 件排名第四，相当于美国的 12.8%',
      '全球数字科技人才共 77.5 万人。中国人才最多，为 12.8 万人，占全球的 16.5%，是美国的 1.5 倍、日本的 8.3 倍',
      '中国仅相当于其 34.5%',
      // #4: the University of California's high-level researchers, once, as 492.
      '美国加州大学以 492 人居首',
    ]) {
      expect(zh).toContain(printed);
    }
    expect(zh).not.toContain('429 人');
  }, 600_000);
});
