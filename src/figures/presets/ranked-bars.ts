/**
 * `ranked-bars`: one bar per row, in the selector's order (sort and top there), the value printed at
 * the bar's end. `label` names the row, `value` is the field drawn, `label_column` the label's
 * column in the figure's CSV (default `label`). Texts get `n` (bars drawn); `$row.name` is the
 * picked row's name when the selector picks one (`index`), e.g. a topic whose map is ranked.
 */
import { describe, rankedBars } from '../charts.ts';
import type { BuiltFigure, FigureBuildContext } from '../types.ts';
import { description, fieldName, has, figureTexts, labelOf, modelledCheck, numberOf, readLabel, readModelled, readTexts, rowVariables, rowsOf, selector, type LabelBinding, type ModelledBinding, type TextsBinding } from './bindings.ts';
import type { Selector } from '../../base/select.ts';
import { definePreset } from './preset.ts';
import { columnHeader, modelledColumn, rounded } from '../data.ts';
import { MODELLED_MARK } from '../../base/modelled.ts';

export interface RankedBarsBindings {
  readonly rows: Selector;
  readonly label: LabelBinding;
  readonly value: string;
  readonly labelColumn?: string;
  readonly modelled?: ModelledBinding;
  readonly texts: TextsBinding;
}

export function buildRankedBars(b: RankedBarsBindings, ctx: FigureBuildContext, id: string): BuiltFigure {
  const selection = rowsOf(b.rows, ctx, id);
  const modelled = modelledCheck(ctx, b.modelled, selection);
  const data = selection.rows.map((r) => {
    const row = r as Record<string, unknown>;
    return { label: labelOf(b.label, row, ctx), value: numberOf(row, b.value, b.rows.at, id, selection.path), modelled: modelled(row, b.value) };
  });
  const x = figureTexts(ctx, b.texts, id, { n: data.length }, rowVariables(ctx, selection));
  const spec = rankedBars(data, x.text(), b.labelColumn ? { labelField: b.labelColumn } : {});
  const marks = modelledColumn(ctx.t, data.map((r) => (r.modelled ? MODELLED_MARK : '')));
  const table = { header: [columnHeader(ctx.t, b.labelColumn ?? 'label'), x.text(), ...marks.header], rows: data.map((r, i) => [r.label, rounded(r.value), ...marks.cell(i)]) };
  return { spec, caption: x.caption, title: x.title, description: description(ctx, x.title, describe(ctx.t.locale, data)), modelled: data.some((r) => r.modelled), data: table };
}

export const rankedBarsPreset = definePreset<RankedBarsBindings>({
  name: 'ranked-bars',
  keys: ['rows', 'label', 'value', 'label_column', 'modelled'],
  read: (b) => ({
    rows: selector(b, 'rows'),
    label: readLabel(b),
    value: fieldName(b, 'value'),
    ...(has(b, 'label_column') ? { labelColumn: fieldName(b, 'label_column') } : {}),
    ...(has(b, 'modelled') ? { modelled: readModelled(b)! } : {}),
    texts: readTexts(b),
  }),
  build: buildRankedBars,
});

