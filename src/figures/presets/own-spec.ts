/**
 * A figure's own chart: `spec:` a Vega-Lite spec written in YAML, its data the rows `data:` selects
 * (given to the spec as `data.values`; a spec's own `data` is replaced). For a chart no preset draws.
 * The axis title is yours to write in the spec; texts give the caption and title (`<texts>.caption`,
 * `.title`, with `n` = rows) and the description lists each row's `describe: { label, value }`.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Selector } from '../../base/select.ts';
import { describe as describeRows } from '../charts.ts';
import type { BuiltFigure, FigureBuildContext } from '../types.ts';
import { description, fail, fieldName, figureTexts, isMapping, readTexts, rowsOf, selector, valueAt, type TextsBinding } from './bindings.ts';
import { definePreset } from './preset.ts';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export interface OwnSpecBindings {
  readonly spec: Readonly<Record<string, unknown>>;
  readonly data: Selector;
  readonly describe: { readonly label: string; readonly value: string };
  readonly texts: TextsBinding;
}

export function buildOwnSpec(b: OwnSpecBindings, ctx: FigureBuildContext, id: string): BuiltFigure {
  const rows = rowsOf(b.data, ctx, id).rows as readonly Record<string, unknown>[];
  const spec = { $schema: SCHEMA, ...structuredClone(b.spec), data: { values: rows.map((r) => ({ ...r })) } } as unknown as TopLevelSpec;
  const x = figureTexts(ctx, b.texts, id, { n: rows.length });
  const list = describeRows(ctx.t.locale, rows.map((r) => ({ label: String(r[b.describe.label]), value: Number(r[b.describe.value]) })));
  return { spec, caption: x.caption, title: x.title, description: description(ctx, x.title, list) };
}

export const ownSpecPreset = definePreset<OwnSpecBindings>({
  name: 'spec',
  keys: ['spec', 'data', 'describe'],
  read(b) {
    const spec = valueAt(b.source, [...b.path, 'spec']);
    if (!isMapping(spec)) fail(b.source, [...b.path, 'spec'], 'a Vega-Lite spec (a mapping with mark, encoding …)', spec);
    const inner = { ...b, path: [...b.path, 'describe'] };
    return { spec: spec, data: selector(b, 'data'), describe: { label: fieldName(inner, 'label'), value: fieldName(inner, 'value') }, texts: readTexts(b) };
  },
  build: buildOwnSpec,
});
