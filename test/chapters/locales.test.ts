/**
 * Locale messages come from two folders: the shared vocabulary (locales/shared/<locale>/) and the
 * edition's own sentences (locales/<edition>/<locale>/), merged per namespace; a key in both is refused.
 */
import { describe, expect, it } from 'vitest';
import { createTranslator, readLocale } from '../../src/base/i18n.ts';
import { escapeInline } from '../../src/base/markup.ts';
import { ReportError } from '../../src/errors.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';
import { memoryFs } from '../helpers/memory-fs.ts';
import { bundle } from './fixtures.ts';

const json = (value: unknown) => JSON.stringify(value);

describe('locale folders', () => {
  it('merge the shared vocabulary and the edition\'s sentences, namespace by namespace and key by key', async () => {
    const fs = memoryFs({
      '/l/shared/en/report.json': json({ units: { papers_one: '{{n}} paper' }, figure: { label: 'Figure {{n}}' } }),
      '/l/shared/en/countries.json': json({ US: 'the United States' }),
      '/l/2030/en/report.json': json({ figure: { caption: 'A caption' }, intro: 'Hello' }),
      '/l/2030/en/talent.json': json({ title: 'Talent' }),
    });
    const b = await readLocale(fs, '/l', '2030', 'en');
    expect(b.dir).toBe('/l/2030/en');
    expect(b.namespaces).toEqual({
      countries: { US: 'the United States' },
      report: { units: { papers_one: '{{n}} paper' }, figure: { label: 'Figure {{n}}', caption: 'A caption' }, intro: 'Hello' },
      talent: { title: 'Talent' },
    });
  });

  it('refuse a missing key, unless the call gives its own fallback (a name the edition has not translated)', async () => {
    const fs = memoryFs({ '/l/2030/zh/talent.json': json({ city_names: { Beijing: '北京' } }) });
    const t = createTranslator(await readLocale(fs, '/l', '2030', 'zh'), DEFINITIONS_2023);
    expect(t.t('talent:city_names.Beijing', { defaultValue: 'Beijing' })).toBe('北京');
    expect(t.t('talent:city_names.Hong Kong', { defaultValue: 'Hong Kong' })).toBe('Hong Kong');
    // The fallback is data: escaped as a value, never read as a message or markup.
    expect(t.t('talent:city_names.x', { defaultValue: '<b>{{n}}</b> *x*' })).toBe(escapeInline('<b>{{n}}</b> *x*'));
    expect(() => t.t('talent:city_names.Hong Kong')).toThrow(/has no message "talent:city_names\.Hong Kong"/);
  });

  it('give one edition\'s sentences to that edition only: another edition\'s folder changes nothing', async () => {
    const files = { '/l/shared/zh/report.json': json({ figure: { label: '图 {{n}}' } }), '/l/2023/zh/report.json': json({ intro: '二〇二三' }) };
    const before = await readLocale(memoryFs(files), '/l', '2023', 'zh');
    const after = await readLocale(memoryFs({ ...files, '/l/2024/zh/report.json': json({ intro: '二〇二四', extra: 'x' }) }), '/l', '2023', 'zh');
    expect(after.namespaces).toEqual(before.namespaces);
    expect((await readLocale(memoryFs(files), '/l', '2099', 'zh')).namespaces).toEqual({ report: { figure: { label: '图 {{n}}' } } });
  });

  it('refuse an edition key that the shared vocabulary already has, naming both files', async () => {
    const fs = memoryFs({ '/l/shared/en/report.json': json({ figure: { label: 'Figure {{n}}' } }), '/l/2030/en/report.json': json({ figure: { label: 'Fig. {{n}}' } }) });
    const error = await readLocale(fs, '/l', '2030', 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as Error).message).toBe(
      '/l/2030/en/report.json: message "figure.label" is also in /l/shared/en/report.json; an edition adds sentences to the shared vocabulary and never redefines one (rename the key, or change the shared wording for every edition)',
    );
    const branch = memoryFs({ '/l/shared/en/report.json': json({ units: { times: '{{x}} times' } }), '/l/2030/en/report.json': json({ units: 'no' }) });
    await expect(readLocale(branch, '/l', '2030', 'en')).rejects.toThrow('message "units" is also in');
  });

  it('split the 2023 edition so that the shared folder holds what the engine names, and the edition its sentences', async () => {
    for (const locale of ['zh', 'en'] as const) {
      const shared = (await readLocale(memoryFs({}), '/none', '2023', locale)).namespaces;
      expect(shared).toEqual({});
      const b = await bundle(locale);
      const report = b.namespaces.report as Record<string, Record<string, unknown>>;
      // Engine vocabulary (units, labels, value bands, scope notes, chrome) and the edition's sentences are both there.
      expect(Object.keys(report.units!).length).toBeGreaterThan(10);
      expect(report.figure!.label).toBeTypeOf('string');
      expect(report.notes!.modelled_key_hatch).toBeTypeOf('string');
      expect(report.kp).toBeTypeOf('object');
      expect(b.namespaces.document!.download_csv).toBeTypeOf('string');
      expect(b.namespaces.document!.subject).toBeTypeOf('string');
      expect(b.dir).toMatch(/locales\/2023\/(zh|en)$/);
    }
  });
});
