/**
 * `choropleth`: a map of every row's area (`area`: the field holding the area's id in `shapes`,
 * `china-provinces` or `world`), coloured by `value` in classes (`sequential`, or `diverging` around
 * 0 with signed legend labels). `columns` are the row's values the figure's CSV carries. The legend's
 * title and its "no data" entry are the messages `legend` and `no_data`; `outlined` areas are drawn
 * as lines (e.g. the dashes of a sea border). Modelled values are hatched on the map, marked in the
 * CSV's column and named in words in the description.
 */
import { recordsData } from '../data.ts';
import type { Selector } from '../../base/select.ts';
import * as fmt from '../../base/format.ts';
import { MODELLED_MARK } from '../../base/modelled.ts';
import { chinaProvinces, worldCountries, type MapShapes } from '../geo/shapes.ts';
import { choropleth, divergingClasses, sequentialClasses, type MapOptions, type MapRow } from '../maps.ts';
import type { BuiltFigure, FigureBuildContext } from '../types.ts';
import { description, fieldName, fieldNames, figureTexts, has, labelOf, listSeparator, modelledCheck, numberOf, oneOf, readLabel, readModelled, readTexts, rowsOf, selector, textList, type LabelBinding, type ModelledBinding, type TextsBinding } from './bindings.ts';
import { definePreset } from './preset.ts';

const SHAPES: Readonly<Record<string, () => MapShapes>> = { 'china-provinces': chinaProvinces, world: worldCountries };
const ORIENTS = ['bottom-left', 'bottom-right', 'top-left', 'top-right', 'bottom'] as const;

export interface ChoroplethBindings {
  readonly rows: Selector;
  readonly area: string;
  readonly label: LabelBinding;
  readonly value: string;
  readonly columns: readonly string[];
  readonly classes: 'sequential' | 'diverging';
  readonly shapes: string;
  readonly legend: MapOptions['legendOrient'];
  readonly outlined: readonly string[];
  readonly modelled?: ModelledBinding;
  readonly texts: TextsBinding;
}

const MINUS = '\u2212';

/** A whole number as a map legend prints it; `signed` puts + before gains and a real minus before losses. */
function num(n: number, signed: boolean): string {
  if (n < 0) return `${MINUS}${fmt.integer(-n)}`;
  return signed && n > 0 ? `+${fmt.integer(n)}` : fmt.integer(n);
}

/**
 * The legend's label of each class of a threshold scale over whole numbers: class i holds
 * domain[i-1] ≤ v < domain[i], so its largest value is domain[i] − 1. Messages: `map_classes.*` of
 * the figure's namespace (`talent:map_classes.all` for `talent:figures.<id>`).
 */
export function classLabels(ctx: FigureBuildContext, domain: readonly number[], signed: boolean, key: string): string[] {
  const labels: string[] = [];
  for (let i = 0; i <= domain.length; i++) {
    const from = i === 0 ? null : domain[i - 1]!;
    const to = i === domain.length ? null : domain[i]! - 1;
    if (from === null && to === null) labels.push(ctx.t.text(`${key}.all`));
    else if (from === null) labels.push(to! < 0 ? ctx.t.text(`${key}.at_most`, { to: num(to!, signed) }) : ctx.t.text(`${key}.below`, { to: num(to! + 1, signed) }));
    else if (to === null) labels.push(ctx.t.text(`${key}.at_least`, { from: num(from, signed) }));
    else if (from === to) labels.push(num(from, signed));
    else labels.push(ctx.t.text(`${key}.between`, { from: num(from, signed), to: num(to, signed) }));
  }
  return labels;
}

/** `talent:figures.x` → `talent:map_classes`; `figures.x` → `map_classes`. */
const classesKey = (textsKey: string) => `${textsKey.includes(':') ? `${textsKey.split(':')[0]}:` : ''}map_classes`;

export function buildChoropleth(b: ChoroplethBindings, ctx: FigureBuildContext, id: string): BuiltFigure {
  const selection = rowsOf(b.rows, ctx, id);
  const check = modelledCheck(ctx, b.modelled, selection);
  const signed = b.classes === 'diverging';
  const rows: MapRow[] = (selection.rows as readonly Record<string, unknown>[]).map((r) => {
    const row: Record<string, string | number> = { id: String(r[b.area]), name: labelOf(b.label, r, ctx) };
    for (const c of b.columns) row[c] = numberOf(r, c, b.rows.at, id, selection.path);
    row.modelled = check(r, b.value) ? MODELLED_MARK : '';
    return row as MapRow;
  });
  const anyModelled = rows.some((r) => r.modelled);
  const data = anyModelled ? rows : rows.map(({ modelled: _, ...r }) => r as MapRow);
  const values = rows.map((r) => r[b.value] as number);
  const classes = signed ? divergingClasses(values) : sequentialClasses(values);
  const x = figureTexts(ctx, b.texts, id, {});
  const spec = choropleth(data, b.value, { ...classes, labels: classLabels(ctx, classes.domain, signed, classesKey(b.texts.key)) }, {
    shapes: SHAPES[b.shapes]!(),
    legendTitle: x.text('legend'),
    noData: x.text('no_data'),
    legendOrient: b.legend,
    ...(b.outlined.length ? { outlined: b.outlined } : {}),
  });
  // Read aloud, a mark is noise: the values, then in words which of them the published edition did not print.
  const list = rows.map((r) => `${r.name} ${num(r[b.value] as number, signed)}`).join(listSeparator(ctx));
  const modelledNames = rows.filter((r) => r.modelled).map((r) => r.name).join(ctx.t.locale === 'zh' ? '、' : ', ');
  const described = anyModelled ? ctx.t.text('figure.description_modelled', { title: x.title, list, modelled: modelledNames }) : description(ctx, x.title, list);
  const table = recordsData(ctx.t, data.map((r) => ({ ...r })));
  return { spec, caption: x.caption, title: x.title, description: described, modelled: anyModelled, data: table };
}

export const choroplethPreset = definePreset<ChoroplethBindings>({
  name: 'choropleth',
  keys: ['rows', 'area', 'label', 'value', 'columns', 'classes', 'shapes', 'legend', 'outlined', 'modelled'],
  read: (b) => ({
    rows: selector(b, 'rows'),
    area: fieldName(b, 'area'),
    label: readLabel(b),
    value: fieldName(b, 'value'),
    columns: fieldNames(b, 'columns'),
    classes: oneOf(b, 'classes', ['sequential', 'diverging'] as const),
    shapes: oneOf(b, 'shapes', Object.keys(SHAPES)),
    legend: oneOf(b, 'legend', ORIENTS),
    outlined: has(b, 'outlined') ? textList(b, 'outlined') : [],
    ...(has(b, 'modelled') ? { modelled: readModelled(b)! } : {}),
    texts: readTexts(b),
  }),
  build: buildChoropleth,
});

