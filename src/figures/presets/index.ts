/** The engine's chart presets, by the name a figure writes (`preset: <name>`; `spec:` is the figure's own chart). */
import { choroplethPreset } from './choropleth.ts';
import { divergingBarsPreset } from './diverging-bars.ts';
import { groupedBarsPreset } from './grouped-bars.ts';
import { ownSpecPreset } from './own-spec.ts';
import type { Preset } from './preset.ts';
import { rankedBarsPreset } from './ranked-bars.ts';
import { timelinePreset } from './timeline.ts';
import { valueBandsPreset } from './value-bands.ts';
import { yearlyLinesPreset } from './yearly-lines.ts';

export const PRESETS: ReadonlyMap<string, Preset<unknown>> = new Map(
  ([rankedBarsPreset, groupedBarsPreset, yearlyLinesPreset, valueBandsPreset, divergingBarsPreset, choroplethPreset, timelinePreset] as Preset<never>[]).map((p) => [p.name, p as Preset<unknown>]),
);

/** A figure that writes `spec:` instead of `preset:`. */
export const OWN_SPEC = ownSpecPreset as Preset<unknown>;
