/**
 * A second edition compiled by the same engine: its own templates, figures, tables, sentences and
 * settings (test/fixtures/editions/mini), its own data (the sample moved back to 2007–2016, with other
 * topic ids and groups) and another focus pair (Germany and France). Nothing of the 2023 edition is in
 * it, so a name of that edition left in src/ would show here as an error or in the text.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { ROOT } from '../chapters/fixtures.ts';
import { quietEffects } from '../helpers/memory-fs.ts';
import { shiftedSample } from '../helpers/shifted-sample.ts';

const FIXTURE = join(ROOT, 'test/fixtures/editions/mini');
const project = mkdtempSync(join(tmpdir(), 'second-edition-'));
const out = join(project, 'out');
const pdfText = (locale: string) => execFileSync('pdftotext', [join(out, 'mini', locale, 'report.pdf'), '-'], { encoding: 'utf8' });

/** The sample, five years earlier, its topics renamed and regrouped. */
function miniData(): string {
  const dir = shiftedSample(join(ROOT, 'data/2023'), -5);
  for (const table of ['topics', 'paper_topics', 'patent_topics']) {
    const file = join(dir, `${table}.csv`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\bT-/g, 'M-').replace(/,frontier$/gm, ',emerging').replace(/,hot-2022$/gm, ',watch-2016'));
  }
  return dir;
}

let log: string[] = [];

beforeAll(async () => {
  cpSync(join(FIXTURE, 'templates'), join(project, 'templates'), { recursive: true });
  cpSync(join(FIXTURE, 'locales'), join(project, 'locales'), { recursive: true });
  // The engine's shared vocabulary (units, labels, country names) is every edition's.
  cpSync(join(ROOT, 'locales/shared'), join(project, 'locales/shared'), { recursive: true });
  const fx = quietEffects(nodeFileSystem);
  expect(await main(['build', '--data', miniData(), '--out', out, '--cache', 'off'], fx, project)).toBe(0);
  log = fx.lines;
}, 300_000);

describe('a second edition', () => {
  it('is the newest (the only) edition of its project, built in both locales to PDF and HTML', () => {
    expect(log.join('\n')).toMatch(/pdf zh .*pages/);
    expect(log.join('\n')).toMatch(/pdf en .*pages/);
    for (const locale of ['zh', 'en']) expect(readFileSync(join(out, 'mini', locale, 'index.html'), 'utf8')).toContain('<figure');
  });

  it('says its own years, focus pair and sentences, in both locales', () => {
    const en = pdfText('en');
    const zh = pdfText('zh');
    expect(en).toContain('This edition compares Germany with France over 2007–2016.');
    expect(zh).toMatch(/本版比较德国与法国在\s*2007—2016\s*年的论文/);
    expect(en).toMatch(/Papers a year: Germany and France, 2007–2016/);
    expect(en).toMatch(/The 5 leading countries by papers/);
    // No year after the window (the manifest's title says 2018), no range or heading of the 2023 edition.
    for (const text of [en, zh]) expect(text).not.toMatch(/\b20(19|2\d)\b|2012\s*[–—]\s*2021|hot technolog|热点技术/);
  });

  it('reads its thresholds from its own edition.yaml', () => {
    const metrics = JSON.parse(readFileSync(join(out, 'mini', 'metrics.json'), 'utf8'));
    expect(metrics.provenance.definitions).toMatchObject({ top_share: 0.02, high_value_usd: 500000, high_level_h: 15 });
    expect(metrics.provenance.manifest.paper_years).toEqual([2007, 2016]);
  });
});
