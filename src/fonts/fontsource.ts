/**
 * The report's typeface: Noto Sans SC from @fontsource (TrueType outlines in unicode-range chunks).
 * Chromium embeds it as real CID TrueType subsets, and the very same files measure chart text, so a
 * label's measured width is the width it prints with. Only the chunks the text uses are embedded.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { ReportError } from '../errors.ts';

export const FONT_FAMILY = 'Noto Sans SC';
export const WEIGHTS = [400, 700] as const;
export type Weight = (typeof WEIGHTS)[number];

export interface FontFace {
  readonly weight: Weight;
  readonly file: string;
  /** Inclusive code point ranges, sorted. */
  readonly ranges: readonly (readonly [number, number])[];
}

const require = createRequire(import.meta.url);

function packageDir(): string {
  try {
    return dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
  } catch (error) {
    throw ReportError.of('font.missing', { file: '@fontsource/noto-sans-sc' }, error);
  }
}

/** Parses fontsource's CSS for one weight into its faces. */
export function parseFaces(css: string, weight: Weight, dir: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((part): [number, number] => {
      const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
    });
    faces.push(Object.freeze({ weight, file: join(dir, 'files', file), ranges: Object.freeze(ranges.sort((x, y) => x[0] - y[0])) }));
  }
  return faces;
}

let cachedFaces: readonly FontFace[] | undefined;
export function fontFaces(): readonly FontFace[] {
  if (!cachedFaces) {
    const dir = packageDir();
    cachedFaces = Object.freeze(WEIGHTS.flatMap((w) => parseFaces(readFileSync(join(dir, `${w}.css`), 'utf8'), w, dir)));
  }
  return cachedFaces;
}

export function covers(face: FontFace, codePoint: number): boolean {
  return face.ranges.some(([a, b]) => codePoint >= a && codePoint <= b);
}

/**
 * The faces (all weights) that `text` needs, in fontsource's order: what the documents embed. Chunks
 * overlap (CJK chunks also hold a few ASCII characters), and CSS checks overlapping faces from the
 * last declared to the first: so each character takes the last face of its weight that holds it, as
 * the browser would and as measureText does.
 */
export function facesFor(text: string, faces: readonly FontFace[] = fontFaces()): FontFace[] {
  const points = new Set<number>();
  for (const ch of text) points.add(ch.codePointAt(0)!);
  const used = new Set<FontFace>();
  for (const weight of WEIGHTS) {
    const own = faces.filter((f) => f.weight === weight).reverse();
    for (const cp of points) {
      const face = own.find((f) => covers(f, cp));
      if (face) used.add(face);
    }
  }
  return faces.filter((f) => used.has(f));
}

const opened = new Map<string, fontkit.Font>();
function open(file: string): fontkit.Font {
  let font = opened.get(file);
  if (!font) {
    font = fontkit.create(readFileSync(file)) as fontkit.Font;
    opened.set(file, font);
  }
  return font;
}

/** Width in px of `text` at `size` px, laid out run by run with the chunk that holds each character. */
export function measureText(text: string, size: number, weight: Weight = 400): number {
  const faces = fontFaces().filter((f) => f.weight === weight).reverse(); // last declared wins, as in CSS
  let width = 0;
  let run = '';
  let runFace: FontFace | undefined;
  const flush = () => {
    if (!run) return;
    if (runFace) {
      const font = open(runFace.file);
      width += (font.layout(run).advanceWidth / font.unitsPerEm) * size;
    } else width += run.length * size * 0.5; // a character no chunk holds (rare symbols): half an em
    run = '';
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const face = runFace && covers(runFace, cp) ? runFace : faces.find((f) => covers(f, cp));
    if (face !== runFace) {
      flush();
      runFace = face;
    }
    run += ch;
  }
  flush();
  return width;
}
