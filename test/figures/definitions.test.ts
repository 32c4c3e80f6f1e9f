/** figures.yaml read into figure definitions: ids, scopes, presets and same-as, errors at file:line:column. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFigures } from '../../src/figures/definitions.ts';
import { PRESETS } from '../../src/figures/presets/index.ts';
import { parseYaml } from '../../src/base/yaml.ts';
import { buildOne, copy, edition, ROOT, sampleMetrics } from '../chapters/fixtures.ts';
import { errorOf } from './presets/helpers.ts';

const read = (text: string) => readFigures(parseYaml('figures.yaml', text));
const bars = (id: string) => `  - { id: ${id}, scope: papers, preset: ranked-bars, rows: { from: papers.by_country }, label: { country: country }, value: papers }\n`;

describe('figures.yaml', () => {
  it('reads figures in order, a same-as taking the other figure\'s scope and chart', () => {
    const figs = read(`figures:\n${bars('a')}  - { id: b, same-as: a }\n`);
    expect(figs.map((f) => [f.id, f.scope, f.at])).toEqual([['a', 'papers', 'figures.yaml:2:5'], ['b', 'papers', 'figures.yaml:3:5']]);
    expect(figs[1]!.build).toBe(figs[0]!.build);
  });

  it('names the place of each mistake', () => {
    expect(errorOf(() => read(`figures:\n${bars('a')}${bars('a')}`))).toBe('figures.yaml:3:11: figures.1.id: expected an id not used by another figure, got "a"');
    expect(errorOf(() => read(`figures:\n${bars('a').replace('ranked-bars', 'pie')}`))).toMatch(/^figures\.yaml:2:37: figures\.0\.preset: expected one of ranked-bars, grouped-bars, yearly-lines, value-bands, diverging-bars, choropleth, timeline \(or spec: for the figure's own chart\), got "pie"$/);
    expect(errorOf(() => read(`figures:\n${bars('a').replace('papers,', 'books,')}`))).toMatch(/figures\.0\.scope: expected one of papers, patents/);
    expect(errorOf(() => read(`figures:\n${bars('a').replace(' }\n', ', colour: red }\n')}`))).toMatch(/figures\.0\.colour: expected one of id, scope, preset, texts, rows, label, value, label_column, modelled/);
    expect(errorOf(() => read('figures:\n  - { id: b, same-as: nowhere }\n'))).toMatch(/^figures\.yaml:2:23: figures\.0\.same-as: expected the id of a figure defined in this file/);
    expect(errorOf(() => read(`figures:\n${bars('a')}  - { id: b, same-as: a, scope: papers }\n`))).toMatch(/figures\.1\.scope: expected nothing beside id and same-as/);
    expect(errorOf(() => read(`figures:\n${bars('a').replace('{ from: papers.by_country }', '{ from: papers.by_country, top: -1 }')}`))).toMatch(/figures\.0\.rows\.top: expected a whole number ≥ 1/);
  });

  it('of the 2023 edition: a path the metrics lack names the figure, its place in figures.yaml and the path', async () => {
    const metrics = copy(await sampleMetrics()) as { patents?: unknown };
    delete metrics.patents;
    const message = await buildOne('patents-countries', 'en', metrics as never).then(() => 'no error', (e: Error) => e.message);
    expect(message).toMatch(/^\/.*templates\/2023\/figures\.yaml:\d+:\d+: figure "patents-countries": the metrics document has no "patents"$/);
  });

  it('of the 2023 edition: every figure a chapter places is defined there', async () => {
    const ed = await edition();
    const ids = new Set(readFigures(ed.figures!).map((f) => f.id));
    const placed = ed.chapters.flatMap((c) => [...c.text.matchAll(/\{\{\s*figure\s+"([a-z0-9-]+)"/g)].map((m) => m[1]!));
    expect(placed.length).toBeGreaterThan(30);
    for (const id of placed) expect(ids.has(id), id).toBe(true);
  });
});

/** Every .ts file under a folder of src/. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the figure engine (src/figures) names no edition', () => {
  it('has none of the 2023 figure ids, topic ids or topic groups', async () => {
    const ed = await edition();
    const figureIds = readFigures(ed.figures!).map((f) => f.id);
    const topics = readFileSync(join(ROOT, 'data/2023/topics.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[0]!);
    // A preset of the engine may share its name with a figure (value-bands): that name is the engine's.
    const figureWords = figureIds.filter((id) => !PRESETS.has(id));
    const dataWords = [...topics, ed.topics!.hot.group];
    expect(figureIds.length).toBeGreaterThan(30);
    expect(topics.length).toBeGreaterThan(5);
    const quoted = (text: string, word: string) => [`'${word}'`, `"${word}"`, `\`${word}\``, `'${word}`].some((q) => text.includes(q));
    const anywhere = (text: string, word: string) => new RegExp(`(^|[^\\w-])${word}([^\\w-]|$)`).test(text);
    for (const file of sources(join(ROOT, 'src/figures'))) {
      const text = readFileSync(file, 'utf8');
      for (const word of figureWords) expect(quoted(text, word), `${file} names figure "${word}"`).toBe(false);
      for (const word of dataWords) expect(anywhere(text, word), `${file} names "${word}"`).toBe(false);
    }
  });
});
