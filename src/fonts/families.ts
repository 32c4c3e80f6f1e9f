/**
 * The report's families: a serif for running text, the sans (fontsource.ts) for everything that
 * labels or displays: headings, captions, tables, charts, running heads, the contents.
 *
 *   zh body: Noto Serif SC, Latin included. Its Latin letters and figures are drawn for the Han (the
 *            same weight and height on the CJK em), so a line mixing "2023 年" and "AI" reads as one
 *            face; a separate Latin serif would add a fourth family for a few words per line.
 *   en body: Source Serif 4, with Noto Serif SC behind it for a Chinese name or punctuation.
 *   both:    Noto Sans SC last, with its emoji fallback: what no serif has is drawn in the sans, never
 *            in a system font.
 *
 * All are fontsource's TrueType chunks, so Chromium embeds each as a CID TrueType subset.
 */
import { FONT_FAMILY, covers, facesFor, fontFaces, holds, loadFaces, type FontFace } from './fontsource.ts';
import { distinctCodePoints } from './code-points.ts';

export const SANS = FONT_FAMILY;
export const SERIF_ZH = 'Noto Serif SC';
export const SERIF_EN = 'Source Serif 4';

const PACKAGES: Readonly<Record<string, readonly string[]>> = {
  [SERIF_ZH]: ['@fontsource/noto-serif-sc'],
  [SERIF_EN]: ['@fontsource/source-serif-4'],
};

/** The running text's families for a locale, in CSS fallback order (the sans last). */
export function bodyFamilies(locale: string): readonly string[] {
  return locale === 'zh' ? [SERIF_ZH, SANS] : [SERIF_EN, SERIF_ZH, SANS];
}

/** A CSS font-family list. */
export const fontStack = (families: readonly string[], generic: string): string => [...families.map((f) => `'${f}'`), generic].join(', ');

const loaded = new Map<string, readonly FontFace[]>();
/** A family's faces in declaration order. */
export function familyFaces(family: string): readonly FontFace[] {
  if (family === SANS) return fontFaces();
  let faces = loaded.get(family);
  if (!faces) {
    const packages = PACKAGES[family];
    if (!packages) throw new Error(`no fontsource package for the family ${family}`);
    loaded.set(family, (faces = loadFaces(packages, family)));
  }
  return faces;
}

/**
 * Noto Sans SC draws quotes, apostrophes and the ellipsis full width, as Chinese sets them: in an
 * English heading "China’s" would read "China’ s". In English documents these few code points of the
 * sans come from Source Serif 4, declared under the sans family after its own faces (the last
 * declared face wins). Charts are measured without it, a little wider than they print: never cut.
 */
const LATIN_MARKS: readonly (readonly [number, number])[] = [[0x2018, 0x201f], [0x2026, 0x2026]];

function latinMarksForSans(distinct: readonly number[]): FontFace[] {
  const points = distinct.filter((cp) => LATIN_MARKS.some(([a, b]) => cp >= a && cp <= b));
  if (points.length === 0) return [];
  return facesFor(String.fromCodePoint(...points), familyFaces(SERIF_EN)).map((face) =>
    Object.freeze({ ...face, family: SANS, ranges: Object.freeze(LATIN_MARKS.filter(([a, b]) => face.ranges.some(([x, y]) => x <= b && a <= y))) }),
  );
}

/** Whether some face of the family holds the code point (at either weight). */
function familyHolds(faces: readonly FontFace[], codePoint: number): boolean {
  return faces.some((f) => covers(f, codePoint) && holds(f, codePoint));
}

/**
 * The font chunks a document of `locale` needs for `text`: the sans for all of it (any text may be a
 * heading or a table cell), and each body family for the characters no family before it in the body
 * list holds (a character falls back to the next family in CSS, so only then does that family draw it).
 */
export function documentFaces(text: string, locale: string): FontFace[] {
  const points = distinctCodePoints(text);
  // The faces depend on the set of code points only (each step below asks which chunks hold them):
  // the preview's edits and the two locales of a build mostly ask for a set seen before.
  const key = `${locale}\n${Uint32Array.from(points).sort().join(',')}`;
  let faces = recentFaces.get(key);
  if (!faces) {
    if (recentFaces.size >= 8) recentFaces.delete(recentFaces.keys().next().value!);
    recentFaces.set(key, (faces = facesOfPoints(points, locale)));
  }
  return [...faces];
}

const recentFaces = new Map<string, readonly FontFace[]>();

function facesOfPoints(points: readonly number[], locale: string): FontFace[] {
  const distinct = String.fromCodePoint(...points);
  const faces: FontFace[] = [...facesFor(distinct, fontFaces())];
  let remaining = points.map((cp) => String.fromCodePoint(cp));
  for (const family of bodyFamilies(locale)) {
    if (family === SANS || remaining.length === 0) continue;
    const own = familyFaces(family);
    faces.push(...facesFor(remaining.join(''), own));
    remaining = remaining.filter((ch) => !familyHolds(own, ch.codePointAt(0)!));
  }
  if (locale !== 'zh') faces.push(...latinMarksForSans(points));
  return faces;
}
