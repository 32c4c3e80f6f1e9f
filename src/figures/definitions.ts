/**
 * An edition's figures, `templates/<edition>/figures.yaml`, read into definitions: each figure is
 * an id, a scope (its notes), and either a preset of the engine with bindings to the metrics
 * document (presets/), its own Vega-Lite `spec:`, or `same-as: <id>` (the same figure again under
 * another id, e.g. a key-points figure that repeats a chapter's).
 */
import type { YamlSource } from '../base/yaml.ts';
import { ReportError } from '../errors.ts';
import { fail, isMapping, oneOf, text, valueAt, type BindingSource } from './presets/bindings.ts';
import { OWN_SPEC, PRESETS } from './presets/index.ts';
import { SCOPES, type Scope } from '../base/notes.ts';
import type { FigureBuildContext, FigureDefinition } from './types.ts';

const ID = /^[a-z0-9][a-z0-9-]*$/;
const COMMON = ['id', 'scope', 'preset', 'texts'];

function readOne(source: YamlSource, i: number, id: string): FigureDefinition {
  const path = ['figures', i];
  const v = valueAt(source, path) as Record<string, unknown>;
  const b: BindingSource = { source, path, id };
  const scope = oneOf<Scope>(b, 'scope', SCOPES);
  const preset = v.spec !== undefined ? OWN_SPEC : PRESETS.get(text(b, 'preset'));
  if (!preset) fail(source, [...path, 'preset'], `one of ${[...PRESETS.keys()].join(', ')} (or spec: for the figure's own chart)`, v.preset);
  if (v.spec !== undefined && v.preset !== undefined) fail(source, [...path, 'preset'], 'either preset: or spec:, not both', v.preset);
  const allowed = new Set([...COMMON, ...preset.keys]);
  for (const key of Object.keys(v)) if (!allowed.has(key)) fail(source, [...path, key], `one of ${[...allowed].join(', ')}`, key);
  const bindings = preset.read(b);
  return Object.freeze({ id, scope, at: source.where(path), build: (ctx: FigureBuildContext) => preset.build(bindings, ctx, id) });
}

/** The figures of figures.yaml (`figures: [...]`), validated, aliases resolved; errors at file:line:column. */
export function readFigures(source: YamlSource): readonly FigureDefinition[] {
  const list = valueAt(source, ['figures']);
  if (!Array.isArray(list)) fail(source, ['figures'], 'a list of figures', list);
  const seen = new Set<string>();
  const own = new Map<string, FigureDefinition>();
  const aliases: { id: string; target: string; i: number }[] = [];
  const order: string[] = [];
  list.forEach((item, i) => {
    const path = ['figures', i];
    if (!isMapping(item)) fail(source, path, 'a figure { id, scope, preset, … }', item);
    const id = item.id;
    if (typeof id !== 'string' || !ID.test(id)) fail(source, [...path, 'id'], 'an id of lower-case letters, digits and -', id);
    if (seen.has(id)) fail(source, [...path, 'id'], 'an id not used by another figure', id);
    seen.add(id);
    order.push(id);
    if (item['same-as'] !== undefined) {
      for (const key of Object.keys(item)) if (key !== 'id' && key !== 'same-as') fail(source, [...path, key], 'nothing beside id and same-as (the figure is the other one)', key);
      aliases.push({ id, target: text({ source, path, id }, 'same-as'), i });
    } else own.set(id, readOne(source, i, id));
  });
  const all = new Map(own);
  for (const a of aliases) {
    const target = own.get(a.target);
    if (!target) fail(source, ['figures', a.i, 'same-as'], `the id of a figure defined in this file (not itself a same-as)`, a.target);
    all.set(a.id, Object.freeze({ id: a.id, scope: target.scope, at: source.where(['figures', a.i]), build: target.build }));
  }
  return Object.freeze(order.map((id) => all.get(id)!));
}

const cache = new WeakMap<YamlSource, readonly FigureDefinition[]>();

/** The edition's figures (read once per source); none when the edition has no figures.yaml. */
export function editionFigures(source: YamlSource | undefined): readonly FigureDefinition[] {
  if (!source) return [];
  let figures = cache.get(source);
  if (!figures) {
    figures = readFigures(source);
    cache.set(source, figures);
  }
  return figures;
}

/** The figure `id`, or an error listing the edition's figures. */
export function figureById(figures: readonly FigureDefinition[], id: string): FigureDefinition {
  const def = figures.find((f) => f.id === id);
  if (!def) throw ReportError.of('figure.unknown', { id, known: figures.map((f) => f.id) });
  return def;
}
