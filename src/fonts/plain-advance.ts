/**
 * A run's width without shaping it, where shaping provably changes nothing: the sum of its glyphs'
 * advances (hmtx), in font units, exactly what fontkit's `layout(run).advanceWidth` gives for it.
 *
 * Why it is the same: fontkit's layout maps code points to glyphs through the cmap, gives each its
 * advance, then applies the font's GSUB and GPOS lookups. Every lookup, of any type, starts at a glyph
 * of a Coverage table (contextual ones at their first input coverage, mark attachment at its mark
 * coverage), so a run none of whose glyphs is in any Coverage table of GSUB or GPOS is left as it is.
 * Besides the lookups, layout changes advances only for marks (zeroed: GDEF class 3 or a Unicode mark),
 * default-ignorable characters (hidden), through a legacy `kern` table or an AAT `morx` table, and in
 * the Hangul, Arabic and Indic shapers (which compose or reorder): a font with either table, and any
 * character outside the plain set below, is always laid out by fontkit.
 *
 * Chart text is mostly Han, digits and Latin-1: for a CJK chunk none of its Han glyphs has a lookup for
 * horizontal text, so a label is summed glyph by glyph instead of shaped (a shaping run costs a plan,
 * feature set-up and a pass per lookup).
 */
import type * as fontkit from 'fontkit';

/**
 * Characters the default shaper handles as they come: printable Latin-1 (not the soft hyphen), general
 * punctuation (not its invisible marks, nor the fraction slash), CJK symbols and punctuation (not the combining tone marks
 * U+302A–302F), Han ideographs, fullwidth forms and halfwidth katakana (not halfwidth Hangul).
 */
const PLAIN = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u00ff\u2010-\u2027\u2030-\u2043\u2045-\u205e\u3000-\u3029\u3030-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff9f\uffe0-\uffee]$/u;

interface Tables {
  GSUB?: unknown;
  GPOS?: unknown;
  GDEF?: { glyphClassDef?: ClassDef };
  kern?: unknown;
  morx?: unknown;
  directory: { tables: Record<string, unknown> };
}
type ClassDef = { version: 1; startGlyph: number; classValueArray: ArrayLike<number> } | { version: 2; classRangeRecord: ArrayLike<{ start: number; end: number; class: number }> };

/** Per font: the glyphs a lookup may touch or that are marks, or null when the font is never summed. */
const touched = new WeakMap<fontkit.Font, Set<number> | null>();

const asArray = (v: unknown): unknown[] | undefined => {
  if (Array.isArray(v)) return v;
  const lazy = v as { toArray?: () => unknown[] } | null;
  return lazy && typeof lazy === 'object' && typeof lazy.toArray === 'function' ? lazy.toArray() : undefined;
};

/**
 * The features fontkit's default shaper applies to every glyph (its VARIATION, DIRECTIONAL, COMMON
 * and HORIZONTAL features, both directions). Its fractional features (frac, numr, dnom) apply only
 * around a fraction slash (U+2044), which PLAIN leaves out; other features only when asked for.
 */
const APPLIED = new Set(['rvrn', 'ltra', 'ltrm', 'rtla', 'rtlm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern']);

interface LayoutTable {
  featureList?: ArrayLike<{ tag: string; feature: { lookupListIndexes: ArrayLike<number> } }>;
  featureVariations?: unknown;
  lookupList?: unknown;
}

/**
 * Adds the glyphs of every Coverage table of the lookups an APPLIED feature uses, in any script and
 * language, and of the lookups those call (contextual lookups name others by index). A table with
 * feature variations, or one not shaped as expected, counts all its lookups.
 */
function collectCoverage(table: LayoutTable, into: Set<number>): void {
  const lookups = asArray(table.lookupList) ?? [];
  const wanted: number[] = [];
  const features = table.featureList ? asArray(table.featureList) : undefined;
  if (table.featureVariations || !features) for (let i = 0; i < lookups.length; i++) wanted.push(i);
  else {
    for (const record of features as { tag?: unknown; feature?: { lookupListIndexes?: unknown } }[]) {
      const indexes = asArray(record?.feature?.lookupListIndexes);
      if (typeof record?.tag !== 'string' || !indexes) {
        for (let i = 0; i < lookups.length; i++) wanted.push(i);
        break;
      }
      if (APPLIED.has(record.tag)) for (const i of indexes) if (typeof i === 'number') wanted.push(i);
    }
  }
  const taken = new Set<number>();
  const seen = new Set<object>();
  const stack: unknown[] = [];
  const take = (i: number) => {
    if (taken.has(i)) return;
    taken.add(i);
    stack.push(lookups[i]);
  };
  wanted.forEach(take);
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const list = asArray(node);
    if (list) {
      for (const item of list) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    const record = node as Record<string, unknown>;
    // A Coverage table (format 1: a list of glyphs; format 2: ranges). Anything shaped alike is taken
    // too: more glyphs than needed only sends more runs to fontkit.
    const glyphs = asArray(record['glyphs']);
    if (record['version'] === 1 && glyphs) for (const g of glyphs) if (typeof g === 'number') into.add(g);
    const ranges = asArray(record['rangeRecords']);
    if (record['version'] === 2 && ranges) {
      for (const r of ranges as { start?: unknown; end?: unknown }[]) {
        if (typeof r?.start === 'number' && typeof r.end === 'number') for (let g = r.start; g <= r.end; g++) into.add(g);
      }
    }
    if (typeof record['lookupListIndex'] === 'number') take(record['lookupListIndex']);
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
}

function markGlyphs(classDef: ClassDef | undefined, into: Set<number>): void {
  if (!classDef) return;
  if (classDef.version === 1) {
    for (let i = 0; i < classDef.classValueArray.length; i++) if (classDef.classValueArray[i] === 3) into.add(classDef.startGlyph + i);
  } else if (classDef.version === 2) {
    for (let i = 0; i < classDef.classRangeRecord.length; i++) {
      const r = classDef.classRangeRecord[i]!;
      if (r.class === 3) for (let g = r.start; g <= r.end; g++) into.add(g);
    }
  }
}

function touchedGlyphs(font: fontkit.Font): Set<number> | null {
  let set = touched.get(font);
  if (set === undefined) {
    const f = font as unknown as Tables;
    const tables = f.directory.tables;
    if ('kern' in tables || 'morx' in tables || 'mort' in tables || !('hmtx' in tables)) set = null;
    else {
      set = new Set<number>();
      if ('GSUB' in tables) collectCoverage(f.GSUB as LayoutTable, set);
      if ('GPOS' in tables) collectCoverage(f.GPOS as LayoutTable, set);
      if ('GDEF' in tables) markGlyphs(f.GDEF?.glyphClassDef, set);
    }
    touched.set(font, set);
  }
  return set;
}

/**
 * The advance of `run` in font units when shaping cannot change it (see above), else undefined (the
 * caller lays it out with fontkit).
 */
export function plainAdvance(font: fontkit.Font, run: string): number | undefined {
  const skip = touchedGlyphs(font);
  if (skip === null) return undefined;
  const metrics = horizontalMetrics(font);
  let sum = 0;
  for (const ch of run) {
    if (!PLAIN.test(ch)) return undefined;
    const cp = ch.codePointAt(0)!;
    const id = metrics ? metrics.glyphId(cp) : font.glyphForCodePoint(cp).id;
    if (skip.has(id)) return undefined;
    sum += metrics ? metrics.advance(id) : font.glyphForCodePoint(cp).advanceWidth;
  }
  return sum;
}

/** fontkit's parts that map a code point to its glyph and give the glyph's hmtx advance (fontkit 2.0). */
interface MetricsInternals {
  _cmapProcessor?: { lookup?: (codePoint: number) => number };
  hmtx?: { metrics?: { length: number; get(i: number): { advance: number } | undefined } };
  vmtx?: unknown;
}

/**
 * A glyph's id and advance read straight from the cmap and hmtx tables: what `glyphForCodePoint(cp)`
 * and its `advanceWidth` give (fontkit's `_getTableMetrics`: a glyph past the last long metric takes
 * its advance), without making the glyph. Making it decodes its outline (the advance's getter also
 * works out vertical metrics from the glyph's box when the font has no vmtx), and in a WOFF2 font the
 * first glyph made decodes the whole transformed glyf table: most of what measuring a CJK chunk cost.
 * Null where fontkit's parts are not as expected: the glyphs are made then.
 */
const metricsOf = new WeakMap<fontkit.Font, { glyphId(cp: number): number; advance(id: number): number } | null>();
function horizontalMetrics(font: fontkit.Font): { glyphId(cp: number): number; advance(id: number): number } | null {
  let found = metricsOf.get(font);
  if (found === undefined) {
    const f = font as unknown as MetricsInternals;
    const cmap = f._cmapProcessor;
    const table = f.hmtx?.metrics;
    found =
      cmap && typeof cmap.lookup === 'function' && table && typeof table.length === 'number' && table.length > 0 && typeof table.get === 'function'
        ? {
            glyphId: (cp) => cmap.lookup!(cp),
            advance: (id) => (table.get(Math.min(id, table.length - 1))?.advance ?? 0),
          }
        : null;
    metricsOf.set(font, found);
  }
  return found;
}
