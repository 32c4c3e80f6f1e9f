/**
 * The year window: a dump that also holds papers of 2010 and 2022 (and a patent and a move outside
 * the window) loads, leaves those records out with every row that belongs to them, counts them, and
 * gives exactly the metrics and the edition of the dump without them.
 */
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/main.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { InputError } from '../../src/errors.ts';
import { openDuckDb } from '../../src/base/engine.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { build, computeDatasetMetrics } from '../../src/pipeline.ts';
import { quietEffects } from '../helpers/memory-fs.ts';

const SAMPLE = join(PROJECT_ROOT, 'data/2023');

/** The sample dataset plus `extra` lines appended to some of its tables. */
function dump(extra: Record<string, string[]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'window-'));
  cpSync(SAMPLE, dir, { recursive: true });
  for (const [table, lines] of Object.entries(extra)) appendFileSync(join(dir, `${table}.csv`), `${lines.join('\n')}\n`);
  return dir;
}

const OUTSIDE = {
  papers: ['X-2010-a,2010,article,40', 'X-2010-b,2010,review,3', 'X-2022,2022,article,900'],
  paper_affiliations: ['X-2010-a,I-US-7,US', 'X-2010-a,I-US-stanford,US', 'X-2010-b,I-US-7,US', 'X-2010-b,I-US-stanford,US', 'X-2022,I-US-7,US', 'X-2022,I-US-stanford,US'],
  paper_topics: ['X-2022,T-BIO'],
  // One row of a left-out paper in an in-window year: it follows its paper out all the same.
  paper_citations_by_year: ['X-2022,2022,900', 'X-2010-a,2015,40'],
  patents: ['X-T-2011,2011,CN,I-CN-baidu,5000'],
  patent_topics: ['X-T-2011,T-BIO'],
  scholar_moves: ['S01134,2022,SE,JP,,'],
};

async function metricsOf(dir: string): Promise<{ metrics: MetricsDocument; lines: string[] }> {
  const fx = quietEffects(nodeFileSystem);
  const engine = await openDuckDb();
  try {
    return { metrics: await computeDatasetMetrics(fx, engine, dir, DEFINITIONS_2023), lines: fx.lines };
  } finally {
    engine.close();
  }
}

const withoutProvenance = ({ provenance: _, ...rest }: MetricsDocument) => rest;

describe('the year window', () => {
  let sample: Awaited<ReturnType<typeof metricsOf>>;
  let outside: Awaited<ReturnType<typeof metricsOf>>;
  let dir: string;
  beforeAll(async () => {
    dir = dump(OUTSIDE);
    sample = await metricsOf(SAMPLE);
    outside = await metricsOf(dir);
  });

  it('counts what it left out, per table, in the provenance (0 where nothing was)', () => {
    expect(outside.metrics.provenance.outside_window).toEqual({
      papers: 3,
      paper_affiliations: 6,
      paper_topics: 1,
      paper_citations_by_year: 2,
      patents: 1,
      patent_topics: 1,
      scholar_moves: 1,
    });
    expect(sample.metrics.provenance.outside_window).toEqual({
      papers: 0,
      paper_affiliations: 0,
      paper_topics: 0,
      paper_citations_by_year: 0,
      patents: 0,
      patent_topics: 0,
      scholar_moves: 0,
    });
  });

  it('says so in one load line', () => {
    const load = outside.lines.find((l) => l.startsWith('load'));
    expect(load).toMatch(
      /^load .* 10 tables, [\d,]+ rows; 3 papers, 1 patents, 1 scholar_moves outside 2012–2021 left out, with the rows that belong to them \(6 paper_affiliations, 1 paper_topics, 2 paper_citations_by_year, 1 patent_topics\)$/,
    );
    expect(sample.lines.find((l) => l.startsWith('load'))).not.toMatch(/left out/);
  });

  it('computes exactly the metrics of the records inside the window', () => {
    expect(withoutProvenance(outside.metrics)).toEqual(withoutProvenance(sample.metrics));
    expect(outside.metrics.papers.by_year_country.every((r) => r.year >= 2012 && r.year <= 2021)).toBe(true);
  });

  it('names each window separately when they differ', async () => {
    const shifted = dump({ papers: ['X-2012,2012,article,1'], paper_affiliations: ['X-2012,I-US-7,US'], patents: ['X-T-2011,2011,CN,I-CN-baidu,5000'] });
    const manifest = join(shifted, 'dataset.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('paper_years: [2012, 2021]', 'paper_years: [2013, 2021]'));
    const { lines } = await metricsOf(shifted);
    // Every sample paper of 2012 goes too, so the count is not 1; the wording is what is pinned here.
    expect(lines.find((l) => l.startsWith('load'))).toMatch(/; [\d,]+ papers, [\d,]+ scholar_moves outside 2013–2021; 1 patents outside 2012–2021 left out, with the rows that belong to them \([\d,]+ paper_affiliations/);
  });

  it('still refuses a year that is not a whole number, as bad input', async () => {
    const bad = dump({ papers: ['X-bad,20x0,article,1'] });
    const error = await metricsOf(bad).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map((p) => p.text)).toEqual([`${join(bad, 'papers.csv')}:${readFileSync(join(SAMPLE, 'papers.csv'), 'utf8').split('\n').length}: column "year": "20x0": expected a whole number`]);
  });

  it('builds the same edition from the dump as from the records inside the window', async () => {
    const root = mkdtempSync(join(tmpdir(), 'window-build-'));
    for (const d of ['templates', 'locales']) cpSync(join(PROJECT_ROOT, d), join(root, d), { recursive: true });
    const edition = async (data: string) => {
      const out = join(root, `out-${data === dir ? 'dump' : 'sample'}`);
      const result = await build(
        { root, edition: '2023', data, locales: ['en'], formats: ['html'], outDir: out, cacheDir: null },
        quietEffects(nodeFileSystem),
        { openEngine: openDuckDb, openPrinter: () => Promise.reject(new Error('no PDF here')), fonts: { read: (f) => readFileSync(f.file) } },
      );
      return { html: readFileSync(join(out, '2023/en/index.html'), 'utf8'), metrics: JSON.parse(readFileSync(join(out, '2023/metrics.json'), 'utf8')) as MetricsDocument, files: result.files.length };
    };
    // Calibration statements and marks hold only for the files they were made for (by digest): both
    // datasets go without, so that what differs can only come from the window.
    const uncalibrated = (d: string) => (rmSync(join(d, 'calibration.json'), { force: true }), d);
    const fromDump = await edition(uncalibrated(dir));
    const fromSample = await edition(uncalibrated(dump({})));
    expect(fromDump.files).toBe(3); // metrics.json, claims.json, en/index.html
    expect(fromDump.metrics.provenance.outside_window.papers).toBe(3);
    expect(fromDump.html).toBe(fromSample.html);
  }, 120_000);
});
