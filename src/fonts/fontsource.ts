/**
 * The report's typeface: Noto Sans SC from @fontsource (TrueType outlines in unicode-range chunks).
 * Chromium embeds it as real CID TrueType subsets, and the very same files measure chart text, so a
 * label's measured width is the width it prints with. Only the chunks the text uses are embedded.
 *
 * Emoji and symbols Noto Sans SC lacks come from Noto Emoji (@fontsource/noto-emoji, monochrome
 * TrueType outlines, embedded the same way): its chunks are faces of the same family, declared
 * before Noto Sans SC's so that Noto Sans SC keeps every character it has (CSS checks overlapping
 * faces from the last declared). A text without such characters embeds and measures exactly as
 * before. What neither font has is listed by `missingCharacters`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { ReportError } from '../errors.ts';
import { distinctCodePoints } from './code-points.ts';
import { plainAdvance } from './plain-advance.ts';

export const FONT_FAMILY = 'Noto Sans SC';
export const WEIGHTS = [400, 700] as const;
export type Weight = (typeof WEIGHTS)[number];

export interface FontFace {
  /** The family the documents declare it under (the emoji fallback's chunks are Noto Sans SC's). */
  readonly family: string;
  readonly weight: Weight;
  readonly file: string;
  /** Inclusive code point ranges, sorted. */
  readonly ranges: readonly (readonly [number, number])[];
}

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch (error) {
    throw ReportError.of('font.missing', { file: name }, error);
  }
}

/** The fallback's packages, in declaration order (before the main typeface). */
const FALLBACK_PACKAGES = ['@fontsource/noto-emoji'] as const;
const MAIN_PACKAGE = '@fontsource/noto-sans-sc';

/** Parses fontsource's CSS for one weight into its faces. */
export function parseFaces(css: string, weight: Weight, dir: string, family: string = FONT_FAMILY): FontFace[] {
  const faces: FontFace[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((part): [number, number] => {
      const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
    });
    faces.push(Object.freeze({ family, weight, file: join(dir, 'files', file), ranges: Object.freeze(ranges.sort((x, y) => x[0] - y[0])) }));
  }
  return faces;
}

/** The faces of fontsource packages, in declaration order, all declared as `family`. */
export function loadFaces(packages: readonly string[], family: string): readonly FontFace[] {
  return Object.freeze(
    packages.flatMap((name) => {
      const dir = packageDir(name);
      return WEIGHTS.flatMap((w) => parseFaces(readFileSync(join(dir, `${w}.css`), 'utf8'), w, dir, family));
    }),
  );
}

let cachedFaces: readonly FontFace[] | undefined;
/** The sans faces (Noto Sans SC and its emoji fallback): headings, captions, tables, charts. */
export function fontFaces(): readonly FontFace[] {
  cachedFaces ??= loadFaces([...FALLBACK_PACKAGES, MAIN_PACKAGE], FONT_FAMILY);
  return cachedFaces;
}

/** Characters that are never drawn: controls, bidi and joiner marks, variation selectors. */
const INVISIBLE = /[\p{Cc}\p{Default_Ignorable_Code_Point}]/u;

/** The characters of `text` that no embedded face has (regular weight), each once, in code point order. */
export function missingCharacters(text: string, faces: readonly FontFace[] = fontFaces()): string[] {
  const missing = new Set<string>();
  for (const cp of distinctCodePoints(text)) {
    const ch = String.fromCodePoint(cp);
    if (INVISIBLE.test(ch)) continue;
    if (!faceFor(cp, 400, faces)) missing.add(ch);
  }
  return [...missing].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
}

export function covers(face: FontFace, codePoint: number): boolean {
  // The ranges are sorted by their start: binary search for the last one starting at or before the point.
  const ranges = face.ranges;
  let [low, high] = [0, ranges.length - 1];
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [a, b] = ranges[mid]!;
    if (codePoint < a) high = mid - 1;
    else if (codePoint > b) low = mid + 1;
    else return true;
  }
  return false;
}

/** Letters whose chunk ranges are taken as they are, without opening the font: Latin-1 and Han. */
const TRUSTED = /[\u0020-\u00ff\p{Script=Han}]/u;

/**
 * The face covers the code point and its file has a glyph for it. fontsource's ranges include some
 * symbols a chunk lacks (U+2615 in a Noto Sans SC chunk): for anything but Latin-1 and Han the font's
 * own character map decides, so such a symbol goes to the fallback or is reported missing.
 */
export function holds(face: FontFace, codePoint: number): boolean {
  if (!covers(face, codePoint)) return false;
  return TRUSTED.test(String.fromCodePoint(codePoint)) || open(face.file).hasGlyphForCodePoint(codePoint);
}

/**
 * The faces (all weights) that `text` needs, in fontsource's order: what the documents embed. Chunks
 * overlap (CJK chunks also hold a few ASCII characters), and CSS checks overlapping faces from the
 * last declared to the first: so each character takes the last face of its weight that holds it, as
 * the browser would and as measureText does.
 */
export function facesFor(text: string, faces: readonly FontFace[] = fontFaces()): FontFace[] {
  const points = distinctCodePoints(text);
  const used = new Set<FontFace>();
  for (const weight of WEIGHTS) {
    for (const cp of points) {
      const face = faceFor(cp, weight, faces);
      if (face) used.add(face);
    }
  }
  return faces.filter((f) => used.has(f));
}

const chosen = new WeakMap<readonly FontFace[], Map<number, FontFace | null>>();

/**
 * The face that draws `codePoint` at `weight`: the last declared one that holds it, as in CSS.
 * Remembered per list of faces: the ranges are long lists, and chart text asks for the same
 * characters again and again.
 */
export function faceFor(codePoint: number, weight: Weight, faces: readonly FontFace[] = fontFaces()): FontFace | undefined {
  let memo = chosen.get(faces);
  if (!memo) chosen.set(faces, (memo = new Map()));
  const key = codePoint * 2 + (weight === 700 ? 1 : 0);
  let face = memo.get(key);
  if (face === undefined) {
    face = null;
    for (let i = faces.length - 1; i >= 0; i--) {
      const f = faces[i]!;
      if (f.weight === weight && holds(f, codePoint)) {
        face = f;
        break;
      }
    }
    memo.set(key, face);
  }
  return face ?? undefined;
}

const opened = new Map<string, fontkit.Font>();
function open(file: string): fontkit.Font {
  let font = opened.get(file);
  if (!font) {
    font = fontkit.create(readFileSync(file)) as fontkit.Font;
    decompressNatively(font);
    opened.set(file, font);
  }
  return font;
}

/** The parts of fontkit's WOFF2 font (2.0) that its own decompression step sets up. */
interface Woff2Internals {
  _decompressed?: boolean;
  _dataPos: number;
  stream: { pos: number; readBuffer(n: number): Uint8Array; constructor: new (data: Uint8Array) => unknown };
  directory: { totalCompressedSize: number; tables: Record<string, { offset: number; length: number; transformLength?: number | null }> };
}

/**
 * A WOFF2 file's tables, decompressed by Node's own Brotli (zlib) rather than fontkit's decoder in
 * JavaScript: the same bytes, some ten times sooner, and the chart text of a cold build opens about
 * a hundred font chunks. Done as fontkit's `_decompress` does it (offsets of the tables in the
 * decompressed data, a stream over it); a font of another kind, a fontkit that no longer has those
 * parts, or data of another size than the tables say, is left to fontkit.
 */
export function decompressNatively(font: fontkit.Font): void {
  const f = font as unknown as Partial<Woff2Internals>;
  if (f._decompressed !== false && f._decompressed !== undefined) return;
  if (typeof f._dataPos !== 'number' || !f.stream || !f.directory || typeof (font as unknown as { _decompress?: unknown })._decompress !== 'function') return;
  f.stream.pos = f._dataPos;
  const compressed = f.stream.readBuffer(f.directory.totalCompressedSize);
  let size = 0;
  for (const tag in f.directory.tables) {
    const entry = f.directory.tables[tag]!;
    entry.offset = size;
    size += entry.transformLength ?? entry.length;
  }
  const data = brotliDecompressSync(compressed);
  if (data.length !== size) return; // not what fontkit expects: left to it
  f.stream = new f.stream.constructor(data) as Woff2Internals['stream'];
  f._decompressed = true;
}

/**
 * Widths already measured in this process. Chart labels are wrapped by trying many breaks of the same
 * texts, in every build of a preview, and a shaping run through fontkit is the costly part; the same
 * font files give the same width, so a width is measured once.
 */
const widths = new Map<string, number>();
const WIDTHS_KEPT = 100_000;

/**
 * A run's advance in ems, by chunk file and run: the same run comes back inside other texts (a word of
 * a wrapped label in each candidate line, a country name beside different numbers) and at other sizes.
 * In the figures of both locales, 8,170 runs were shaped, 5,006 of them distinct. The width is worked
 * out from it as before (ems × size, run by run), to the same bits.
 */
const runEms = new Map<string, number>();

/** Width in px of `text` at `size` px, laid out run by run with the chunk that holds each character. */
export function measureText(text: string, size: number, weight: Weight = 400): number {
  const key = `${weight} ${size} ${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  const width = measureUncached(text, size, weight);
  if (widths.size >= WIDTHS_KEPT) widths.clear();
  widths.set(key, width);
  return width;
}

function measureUncached(text: string, size: number, weight: Weight): number {
  let width = 0;
  let run = '';
  let runFace: FontFace | undefined;
  const flush = () => {
    if (!run) return;
    if (runFace) {
      const key = `${runFace.file}\u0000${run}`;
      let ems = runEms.get(key);
      if (ems === undefined) {
        const font = open(runFace.file);
        ems = (plainAdvance(font, run) ?? font.layout(run).advanceWidth) / font.unitsPerEm;
        if (runEms.size >= WIDTHS_KEPT) runEms.clear();
        runEms.set(key, ems);
      }
      width += ems * size;
    } else width += run.length * size * 0.5; // a character no chunk holds (rare symbols): half an em
    run = '';
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const face = runFace && holds(runFace, cp) ? runFace : faceFor(cp, weight); // last declared wins, as in CSS
    if (face !== runFace) {
      flush();
      runFace = face;
    }
    run += ch;
  }
  flush();
  return width;
}
