/**
 * The engine's layers (README, Layout): every module imports only from its own layer or lower ones.
 *
 *   base → load → metrics → {chapters, figures, tables} → claims → cache → html → pdf → pipeline → {check, diff, preview} → cli
 *
 * chapters, figures and tables are siblings: none imports another; what they share is in base (so are
 * check, diff and preview).
 * Type-only imports count as imports, except the few allowed below.
 */
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource, sourceFiles, withoutComments, lineOf } from './source.ts';

/** A module's layer: its folder under src/, or for a file directly in src/ the file itself. */
const LAYERS: readonly (readonly string[])[] = [
  // The base: shared by every stage. The process-wide files at the top of src/ and the fonts are base too.
  ['base', 'fonts', 'errors.ts', 'messages.ts', 'effects.ts', 'publish.ts'],
  ['load'],
  ['metrics'],
  ['chapters', 'figures', 'tables'],
  ['claims'],
  ['cache'],
  ['html'],
  ['pdf'],
  ['pipeline.ts', 'build-types.ts', 'library.ts', 'scaffold'],
  ['check', 'diff', 'preview'],
  ['cli'],
];

/**
 * Type-only imports from a lower layer to a higher one that are allowed: the presentation modules in
 * base (scope notes, modelled values, an edition's needs, the edition variables) read the metrics
 * document, whose shape is defined by the metrics stage that makes it (and the dataset manifest it
 * carries). Moving those types down would drag the loader's table formats into base with them.
 */
const TYPE_ONLY_ALLOWED: readonly (readonly [string, string])[] = [
  ['base', 'metrics/document.ts'],
  ['base', 'load/manifest.ts'],
];

/** Layers whose folders are siblings: none imports another. */
const SIBLINGS: readonly (readonly string[])[] = [
  ['chapters', 'figures', 'tables'],
  ['check', 'diff', 'preview'],
];

const unitOf = (file: string): string => (file.includes('/') ? file.split('/')[0]! : file);

function layerOf(file: string): number {
  const unit = unitOf(file);
  const layer = LAYERS.findIndex((units) => units.includes(unit));
  if (layer === -1) throw new Error(`src/${file}: in no layer (add its folder to LAYERS in test/base/layers.test.ts)`);
  return layer;
}

interface Import {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
  readonly line: number;
}

const IMPORT = /\b(?:import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = withoutComments(readSource(file), 'ts');
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4]!;
    const to = normalize(join(dirname(file), spec)).split('\\').join('/');
    // `import { type A, type B }` is as type-only as `import type { A, B }`.
    const names = m[2]?.trim();
    const allTypes = !!names && /^\{[^}]*\}$/.test(names) && names.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
    out.push({ from: file, to, typeOnly: !!m[1] || allTypes, line: lineOf(text, m.index!) });
  }
  return out;
}

const FILES = sourceFiles(['.ts']);
const IMPORTS = FILES.flatMap(importsOf).filter((i) => !i.to.startsWith('..'));

describe('the layers of src/', () => {
  it('finds the imports it checks', () => {
    expect(IMPORTS.length).toBeGreaterThan(300);
    expect(IMPORTS.some((i) => i.from === 'pipeline.ts' && i.to === 'chapters/render.ts')).toBe(true);
  });

  it('puts every module in a layer', () => {
    for (const file of FILES) expect(() => layerOf(file)).not.toThrow();
  });

  it('has no import from a lower layer to a higher one, nor between chapters, figures and tables', () => {
    const wrong: string[] = [];
    for (const i of IMPORTS) {
      const [a, b] = [layerOf(i.from), layerOf(i.to)];
      const sibling = unitOf(i.from) !== unitOf(i.to) && SIBLINGS.some((units) => units.includes(unitOf(i.from)) && units.includes(unitOf(i.to)));
      if (b <= a && !sibling) continue;
      if (i.typeOnly && TYPE_ONLY_ALLOWED.some(([from, to]) => unitOf(i.from) === from && i.to === to)) continue;
      wrong.push(`src/${i.from}:${i.line} imports ${i.typeOnly ? 'types of ' : ''}src/${i.to}`);
    }
    expect(wrong).toEqual([]);
  });

  it('would catch an upward import', () => {
    expect(layerOf('load/tables.ts')).toBeLessThan(layerOf('metrics/metrics.ts'));
    expect(layerOf('figures/render.ts')).toBeLessThan(layerOf('html/csv.ts'));
    expect(layerOf('figures/render.ts')).toBe(layerOf('tables/render.ts'));
  });
});
