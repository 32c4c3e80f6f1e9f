/** A chart preset of the engine: typed bindings read from a figure's YAML, and the figure they build. */
import type { BuiltFigure, FigureBuildContext } from '../types.ts';
import type { BindingSource } from './bindings.ts';

export interface Preset<B> {
  /** The preset's name in figures.yaml (`preset: ranked-bars`). */
  readonly name: string;
  /** The keys a figure of this preset may write beside id, scope, preset and texts. */
  readonly keys: readonly string[];
  read(b: BindingSource): B;
  build(bindings: B, ctx: FigureBuildContext, id: string): BuiltFigure;
}

export const definePreset = <B>(preset: Preset<B>): Preset<B> => preset;
