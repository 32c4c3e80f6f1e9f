import { describe, expect, it } from 'vitest';
import { AnswerMemo, type LocaleReaders } from '../../src/cache/answers.ts';
import { countryNames } from '../../src/base/countries.ts';
import { createTranslator, type LocaleBundle } from '../../src/base/i18n.ts';
import type { Definitions } from '../../src/base/definitions.ts';

const DEFINITIONS = { top_share: 0.01, high_value_usd: 1_000_000, high_level_h: 20 } as unknown as Definitions;

function readers(report: Record<string, unknown>, warnings: string[] = []): LocaleReaders {
  const bundle = { locale: 'en', dir: '/nowhere', namespaces: { report } } as unknown as LocaleBundle;
  return { t: createTranslator(bundle, DEFINITIONS), names: countryNames('en'), warn: (line) => warnings.push(line) };
}

/** A stage that asks two messages and a country's name, and warns once. */
function stage(runs: { n: number }) {
  return (r: LocaleReaders) => {
    runs.n++;
    r.warn('a label was cut');
    return `${r.t.t('caption', { n: 3 })} / ${r.t.text('axis')} / ${r.names.label('DE')}`;
  };
}

describe('AnswerMemo: a stage reused while the locale answers its questions alike', () => {
  const metrics = {};

  it('reuses the result when a message the stage never asked changed, and gives its warnings again', async () => {
    const memo = new AnswerMemo();
    const runs = { n: 0 };
    const first = await memo.reuse('figures en', metrics, 'inputs', readers({ caption: 'Figure {{n}}', axis: 'Papers', unrelated: 'old sentence' }), stage(runs));
    const warnings: string[] = [];
    const second = await memo.reuse('figures en', metrics, 'inputs', readers({ caption: 'Figure {{n}}', axis: 'Papers', unrelated: 'an edited sentence' }, warnings), stage(runs));
    expect(first).toEqual({ value: 'Figure 3 / Papers / Germany', reused: false });
    expect(second).toEqual({ value: 'Figure 3 / Papers / Germany', reused: true });
    expect(runs.n).toBe(1);
    expect(warnings).toEqual(['a label was cut']);
  });

  it('runs again when a message the stage asked reads differently', async () => {
    const memo = new AnswerMemo();
    const runs = { n: 0 };
    await memo.reuse('figures en', metrics, 'inputs', readers({ caption: 'Figure {{n}}', axis: 'Papers' }), stage(runs));
    const again = await memo.reuse('figures en', metrics, 'inputs', readers({ caption: 'Figure {{n}}', axis: 'Number of papers' }), stage(runs));
    expect(again).toEqual({ value: 'Figure 3 / Number of papers / Germany', reused: false });
    expect(runs.n).toBe(2);
  });

  it('runs again when a message it asked is gone, and the run fails as a first run would', async () => {
    const memo = new AnswerMemo();
    const runs = { n: 0 };
    await memo.reuse('figures en', metrics, 'inputs', readers({ caption: 'Figure {{n}}', axis: 'Papers' }), stage(runs));
    await expect(memo.reuse('figures en', metrics, 'inputs', readers({ caption: 'Figure {{n}}' }), stage(runs))).rejects.toThrow(/axis/);
  });

  it('runs again for another metrics document, other inputs, or another slot', async () => {
    const memo = new AnswerMemo();
    const runs = { n: 0 };
    const messages = { caption: 'Figure {{n}}', axis: 'Papers' };
    await memo.reuse('figures en', metrics, 'inputs', readers(messages), stage(runs));
    await memo.reuse('figures en', {}, 'inputs', readers(messages), stage(runs));
    await memo.reuse('figures en', metrics, 'other inputs', readers(messages), stage(runs));
    await memo.reuse('tables en', metrics, 'inputs', readers(messages), stage(runs));
    expect(runs.n).toBe(4);
  });
});
