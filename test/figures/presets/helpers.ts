/** A figure of a YAML text built on a small metrics document, with a translator that shows each message's key and values. */
import type { Variables } from '../../../src/base/select.ts';
import type { Translator } from '../../../src/base/i18n.ts';
import { readFigures } from '../../../src/figures/definitions.ts';
import type { BuiltFigure } from '../../../src/figures/types.ts';
import { parseYaml } from '../../../src/base/yaml.ts';

/** `key {values}` for every message (a defaultValue when given), so tests see which message got which values. */
export function showingTranslator(locale: 'zh' | 'en' = 'en'): Translator {
  const show = (key: string, values?: Record<string, unknown>) => {
    if (values && typeof values.defaultValue === 'string') return values.defaultValue;
    const shown = values && Object.keys(values).length ? ` ${JSON.stringify(Object.fromEntries(Object.entries(values).sort(([a], [b]) => a.localeCompare(b))))}` : '';
    return `${key}${shown}`;
  };
  return { locale, t: show, text: show, has: () => true, object: () => ({}), source: (key: string) => key };
}

export const names = { name: (c: string) => `the ${c}`, label: (c: string) => `[${c}]` };

export const manifest = { paper_years: [2019, 2021], patent_years: [2018, 2021], source: { zh: 'S', en: 'S' } };

/** Builds the first figure of `yaml` (a `figures:` list) on `doc`, with `vars` as the edition's variables. */
export function build(yaml: string, doc: Record<string, unknown>, vars: Variables = {}, content: Record<string, unknown> = {}, locale: 'zh' | 'en' = 'en'): BuiltFigure {
  const [def] = readFigures(parseYaml('figures.yaml', yaml));
  const metrics = { provenance: { manifest, calibration: [] }, ...doc } as never;
  return def!.build({ metrics, t: showingTranslator(locale), names, content, vars });
}

/** The rows a spec draws: its inline data. */
export const values = (spec: unknown) => (spec as { data: { values: Record<string, unknown>[] } }).data.values;

export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}
