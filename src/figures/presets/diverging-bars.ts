/**
 * `diverging-bars`: flows, one row per bar pair: `inflow` to the right, `outflow` to the left, `net`
 * printed at the right edge (message `<texts>.net`). Legend entries are the messages `inflow` and
 * `outflow`. Texts get `n` (rows drawn).
 */
import type { Selector } from '../../base/select.ts';
import * as fmt from '../../base/format.ts';
import { divergingBars } from '../charts.ts';
import type { BuiltFigure, FigureBuildContext } from '../types.ts';
import { description, figureTexts, has, labelOf, listSeparator, modelledCheck, numberOf, readLabel, readModelled, readTexts, rowsOf, selector, type LabelBinding, type ModelledBinding, type TextsBinding } from './bindings.ts';
import { definePreset } from './preset.ts';
import { columnHeader, labelColumnOf, modelledColumn, rounded } from '../data.ts';
import { MODELLED_MARK } from '../../base/modelled.ts';

export interface DivergingBarsBindings {
  readonly rows: Selector;
  readonly label: LabelBinding;
  readonly modelled?: ModelledBinding;
  readonly texts: TextsBinding;
}

/** A signed whole number: + before gains, a real minus before losses. */
export const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '\u2212' : ''}${fmt.integer(Math.abs(n))}`;

export function buildDivergingBars(b: DivergingBarsBindings, ctx: FigureBuildContext, id: string): BuiltFigure {
  const selection = rowsOf(b.rows, ctx, id);
  const modelled = modelledCheck(ctx, b.modelled, selection);
  const num = (r: Record<string, unknown>, f: string) => numberOf(r, f, b.rows.at, id, selection.path);
  const rows = (selection.rows as readonly Record<string, unknown>[]).map((r) => ({
    label: labelOf(b.label, r, ctx),
    inflow: num(r, 'inflow'),
    outflow: num(r, 'outflow'),
    net: num(r, 'net'),
    modelled: modelled(r, 'net'),
  }));
  const x = figureTexts(ctx, b.texts, id, { n: rows.length });
  const spec = divergingBars(rows, x.text(), { inflow: x.text('inflow'), outflow: x.text('outflow') }, (n) => x.text('net', { net: signed(n) }));
  const list = rows.map((r) => `${r.label} +${r.inflow} −${r.outflow}`).join(listSeparator(ctx));
  const marks = modelledColumn(ctx.t, rows.map((r) => (r.modelled ? MODELLED_MARK : '')));
  const data = {
    header: [columnHeader(ctx.t, labelColumnOf(b.label)), x.text('inflow'), x.text('outflow'), columnHeader(ctx.t, 'net'), ...marks.header],
    rows: rows.map((r, i) => [r.label, rounded(r.inflow), rounded(r.outflow), rounded(r.net), ...marks.cell(i)]),
  };
  return { spec, caption: x.caption, title: x.title, description: description(ctx, x.title, list), modelled: rows.some((r) => r.modelled), data };
}

export const divergingBarsPreset = definePreset<DivergingBarsBindings>({
  name: 'diverging-bars',
  keys: ['rows', 'label', 'modelled'],
  read: (b) => ({ rows: selector(b, 'rows'), label: readLabel(b), ...(has(b, 'modelled') ? { modelled: readModelled(b)! } : {}), texts: readTexts(b) }),
  build: buildDivergingBars,
});
