/**
 * `report check`'s style pass (src/check/style.ts): the glossary of each locale (one term per concept),
 * no pipeline vocabulary and no ".0" whole numbers in the running text, and the sentences printed twice
 * listed. Each rule is shown to fire on a sentence that breaks it and to stay quiet on the edition.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/base/edition.ts';
import type { LocaleBundle } from '../../src/base/i18n.ts';
import { checkEdition } from '../../src/check/check.ts';
import type { LocaleRender } from '../../src/check/render.ts';
import { checkStyle, repeatedSentences, runningText, styleRules } from '../../src/check/style.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { checkInputs, withChapter, withMessages } from './edits.ts';

let metrics: MetricsDocument;
let real: Edition;
let zh: LocaleBundle;
let en: LocaleBundle;
beforeAll(async () => ({ metrics, real, zh, en } = await checkInputs()));

/** A render of running text only, as checkStyle reads it. */
const rendered = (locale: 'zh' | 'en', html: string) => ({ locale, html }) as unknown as LocaleRender;

describe('the style pass', () => {
  it('names a term the glossary replaces, in each locale', () => {
    const zhProblems = checkStyle(rendered('zh', '<p>全球 H 指数最高的学者中，前 10 的机构有三家。</p>'), styleRules(zh), 'dataset');
    expect(zhProblems.map((p) => p.message)).toEqual([expect.stringContaining('"前 10 的" where the glossary says "前 10 位"'), expect.stringContaining('"H 指数" where the glossary says "h 指数"')]);
    const enProblems = checkStyle(rendered('en', '<p>Its H-index is high, and so are its top 1% papers.</p>'), styleRules(en), 'dataset');
    expect(enProblems.map((p) => p.check)).toEqual(['style-term', 'style-term']);
    // Case matters where the glossary says so: "h-index" itself is right.
    expect(checkStyle(rendered('en', '<p>An h-index of 20 or more.</p>'), styleRules(en), 'dataset')).toEqual([]);
  });

  it('names pipeline vocabulary and whole numbers printed with ".0", in running text only', () => {
    const problems = checkStyle(rendered('zh', '<p>数据更新时，文字随之更新。</p><p>平均出版年为 2017.0 年，篇均被引 50.0 次，增长 12.05%。</p><table><tr><td>12.0</td></tr></table>'), styleRules(zh), 'dataset');
    expect(problems.map((p) => p.check)).toEqual(['style-pipeline', 'style-zero-fraction', 'style-zero-fraction']);
    expect(problems[1]!.message).toContain('"2017.0"');
    // A table prints its column's precision: not running text.
    expect(runningText(rendered('zh', '<p>正文</p><table><tr><td>12.0</td></tr></table><p class="note">说明：同上。</p>'))).toBe('正文\n');
  });

  it('lists the sentences printed twice, with their count', () => {
    const twice = '<p>The United States leads in top papers, ahead of China and the United Kingdom by a wide margin.</p>';
    expect(repeatedSentences(rendered('en', `${twice}<p>Something else.</p>${twice}`))).toEqual([expect.stringMatching(/^en ×2: The United States leads in top papers/)]);
    expect(repeatedSentences(rendered('en', twice))).toEqual([]);
  });

  it('passes the edition, and fails report check on a sentence that breaks a rule', () => {
    const clean = checkEdition(real, metrics, [zh, en]);
    expect(clean.problems.filter((p) => p.check.startsWith('style-'))).toEqual([]);
    const chapter = withChapter(real, '# {{t "test.title"}}\n\n{{t "test.body" claim=(method)}}\n');
    const broken = checkEdition(chapter, metrics, [withMessages(zh, { title: '附加', body: '这些数字由模板生成。' }), withMessages(en, { title: 'Extra', body: 'These figures come out of the pipeline.' })]);
    expect(broken.problems.filter((p) => p.check === 'style-pipeline').map((p) => p.where)).toEqual(['dataset zh', 'dataset en']);
  });

  it('fails report check on a sentence printed twice, in each locale', () => {
    const clean = checkEdition(real, metrics, [zh, en]);
    expect(clean.problems.filter((p) => p.check === 'style-repeat')).toEqual([]);
    // The same sentence in two places of the running text: once in a paragraph, once in a list.
    const chapter = withChapter(real, '# {{t "test.title"}}\n\n{{t "test.body" claim=(editorial)}}\n\n- {{t "test.body" claim=(editorial)}}\n');
    const broken = checkEdition(chapter, metrics, [
      withMessages(zh, { title: '附加', body: '扩展现实设备与内容生态同步成熟，沉浸式娱乐平台或将迎来全面爆发。' }),
      withMessages(en, { title: 'Extra', body: 'Headsets and content are maturing together, and immersive entertainment may be close to a breakthrough.' }),
    ]);
    const repeats = broken.problems.filter((p) => p.check === 'style-repeat');
    expect(repeats.map((p) => p.where)).toEqual(['dataset zh', 'dataset en']);
    expect(repeats[1]!.message).toContain('en ×2: Headsets and content are maturing together');
  });
});
