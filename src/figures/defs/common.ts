/** Shared pieces of the figure definitions: top-N sizes and the ranked-bar figure. */
import { describe, rankedBars, type BarRow } from '../charts.ts';
import { modelledLookup } from '../../tables/modelled.ts';
import type { BuiltFigure, FigureContext, FigureDefinition, Scope } from '../types.ts';

/** How many entries a ranking figure shows. */
export const TOP = 10;

/** Messages of a figure: `figures.<id>.caption` (markup), `.title` (plain), `.axis`, all given `n`. */
export function texts(ctx: FigureContext, id: string, values: Record<string, unknown>) {
  const key = `figures.${id}`;
  return {
    caption: ctx.t.t(`${key}.caption`, values),
    title: ctx.t.text(`${key}.title`, values),
    axis: (name = 'axis') => ctx.t.text(`${key}.${name}`, values),
  };
}

export function description(ctx: FigureContext, title: string, list: string): string {
  return ctx.t.text('figure.description', { title, list });
}

/** A ranking figure: the first TOP rows as horizontal bars. */
export function rankedFigure(id: string, scope: Scope, rows: (ctx: FigureContext) => BarRow[], options: { digits?: number; labelField?: string } = {}): FigureDefinition {
  return {
    id,
    scope,
    build(ctx): BuiltFigure {
      const modelled = modelledLookup(ctx.metrics);
      const data = rows(ctx).slice(0, TOP).map((r) => ({ ...r, modelled: r.where ? modelled(r.where) : false }));
      const x = texts(ctx, id, { n: data.length });
      const spec = rankedBars(data, x.axis(), options);
      return { spec, caption: x.caption, title: x.title, description: description(ctx, x.title, describe(ctx.t.locale, data)), modelled: data.some((r) => r.modelled) };
    },
  };
}

/** The same figure under another id (a key-points figure that repeats a chapter's). */
export function alias(def: FigureDefinition, id: string): FigureDefinition {
  return { id, scope: def.scope, build: (ctx) => def.build(ctx) };
}

export const institutionLabel = (ctx: FigureContext, r: { name_zh: string; name_en: string }) => (ctx.t.locale === 'zh' ? r.name_zh : r.name_en);

/** The metrics family, or an error naming it when the dataset has none. */
export function family<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`the metrics document has no "${name}" (the dataset has no table for it)`);
  return value;
}
