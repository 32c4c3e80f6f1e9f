/**
 * Characters the embedded fonts lack (fonts/fontsource.ts) print as empty boxes, or in whatever
 * system font Chromium finds. The build names them, and where they are, in one warning per place.
 */
import type { RenderedChapter } from '../chapters/render.ts';
import type { PageFigure } from '../figures/render.ts';
import type { RenderedTable } from '../tables/types.ts';
import { missingCharacters } from '../fonts/fontsource.ts';
import { message } from '../messages.ts';
import type { DocumentText } from './document.ts';

/** Text as printed: numeric character references (how escaped data is written) read back. */
function decodeReferences(html: string): string {
  return html.replace(/&#(x[0-9a-f]+|\d+);/gi, (ref, n: string) => {
    const cp = n[0] === 'x' || n[0] === 'X' ? parseInt(n.slice(1), 16) : Number(n);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : ref;
  });
}

/**
 * A part's missing characters, by the part (a chapter, figure or table object): the preview reuses
 * unchanged parts, the same objects, at every edit, and a figure's SVG is long to scan.
 */
const missingIn = new WeakMap<object, string[]>();
function missingOf(part: object | null, text: () => string): string[] {
  if (!part) return missingCharacters(decodeReferences(text()));
  let chars = missingIn.get(part);
  if (!chars) missingIn.set(part, (chars = missingCharacters(decodeReferences(text()))));
  return chars;
}

export function warnMissingGlyphs(
  locale: string,
  parts: { readonly text: DocumentText; readonly chapters: readonly RenderedChapter[]; readonly figures: readonly PageFigure[]; readonly tables?: readonly RenderedTable[] },
  warn: (line: string) => void,
): void {
  const places = [
    { where: 'cover and running heads', part: null, text: () => [parts.text.title, parts.text.subtitle ?? '', ...parts.text.coverLines, parts.text.contents, ...parts.text.backLines].join('\n') },
    ...parts.chapters.map((c) => ({ where: `chapter ${c.id}`, part: c, text: () => c.html })),
    ...parts.figures.map((f) => ({ where: `figure ${f.number} (${f.id})`, part: f, text: () => `${f.caption}\n${f.svg}\n${f.notes.join('\n')}` })),
    ...(parts.tables ?? []).map((t) => ({
      where: `table ${t.number} (${t.id})`,
      part: t,
      text: () => [t.caption, ...t.columns.map((c) => c.label), ...t.rows.flat(), ...t.notes].join('\n'),
    })),
  ];
  for (const place of places) {
    const chars = missingOf(place.part, place.text);
    if (chars.length > 0) warn(message('font.missing-glyphs', { locale, where: place.where, chars }));
  }
}
