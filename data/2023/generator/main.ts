/**
 * Generates the 2023 edition's record-level dataset, calibrated to the published aggregates.
 *
 *   npx tsx data/2023/generator/main.ts [--scale 0.01] [--out DIR] [--force]
 *
 * Output: Parquet tables of the data contract plus dataset.yaml in DIR (default .cache/data/2023,
 * git-ignored). A digest of the generator's sources, the targets and the scale is stored beside the
 * output; when it matches, nothing is regenerated.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';
import type { PaperPlan } from './papers-plan.ts';
import type { Raw } from './targets.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
// Resolved from this file, so the generator runs from any working directory (the build calls it in process).
const ROOT = resolve(HERE, '../../..');
const TARGETS = join(ROOT, 'data/2023/targets.yaml');
const MANIFEST = join(ROOT, 'data/2023/dataset.yaml');

export interface GenerateOptions {
  scale: number;
  out: string;
  force?: boolean;
  log?: (msg: string) => void;
}

export function defaultOut(scale: number): string {
  return scale === 1 ? '.cache/data/2023' : `.cache/data/2023-scale-${scale}`;
}

/** What the output depends on: the generator's code, the targets, the manifest and the scale. */
export function digest(scale: number): string {
  const h = createHash('sha256');
  for (const f of readdirSync(HERE).filter((f) => f.endsWith('.ts')).sort()) h.update(f).update(readFileSync(join(HERE, f)));
  h.update(readFileSync(TARGETS)).update(readFileSync(MANIFEST)).update(`scale=${scale}`);
  // DuckDB's hash() draws every pseudo-random choice: another DuckDB version may give other bytes.
  h.update(`duckdb=${(createRequire(import.meta.url)('@duckdb/node-api/package.json') as { version: string }).version}`);
  return h.digest('hex');
}

async function copyOut(db: Db, table: string, select: string, order: string, out: string): Promise<void> {
  // ORDER BY makes the bytes independent of thread scheduling.
  await db.run(`COPY (SELECT * FROM (${select}) ORDER BY ${order}) TO '${join(out, `${table}.parquet`)}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 262144)`);
}

export async function generate(opts: GenerateOptions): Promise<{ skipped: boolean; seconds: number; plan?: PaperPlan }> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const final = resolve(opts.out);
  const dig = digest(opts.scale);
  const finalDigest = join(final, '.digest');
  if (!opts.force && existsSync(finalDigest) && readFileSync(finalDigest, 'utf8').trim() === dig) {
    return { skipped: true, seconds: 0 };
  }
  // Written to a sibling folder and moved into place at the end: an interrupted run or a concurrent
  // reader never sees half a dataset behind a valid digest.
  const out = `${final}.tmp-${process.pid}`;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  try {
    const plan = await generateInto(out, opts.scale, dig, log, started);
    rmSync(final, { recursive: true, force: true });
    renameSync(out, final);
    return { skipped: false, seconds: (Date.now() - started) / 1000, plan };
  } catch (e) {
    rmSync(out, { recursive: true, force: true });
    throw e;
  }
}

async function generateInto(out: string, scale: number, dig: string, log: (m: string) => void, started: number): Promise<PaperPlan> {
  // The generator proper (DuckDB, the planners) is loaded only to make the dataset: the build calls
  // make() before every run, and an up-to-date dataset must cost no more than the digest's reads.
  const [{ openDb }, { planPapers }, { writePaperTables }, { loadTargets }, { writeOtherTables }, { planTopics }, { calibrationEntries }] = await Promise.all([
    import('./db.ts'),
    import('./papers-plan.ts'),
    import('./papers-sql.ts'),
    import('./targets.ts'),
    import('./others.ts'),
    import('./topics.ts'),
    import('./calibration.ts'),
  ]);
  const opts = { scale };
  const digestFile = join(out, '.digest');
  const targets: Raw = loadTargets(TARGETS);
  const plan = planPapers(targets, opts.scale);
  // Topics pick their papers among the top 1% and set review flags, so they come before the SQL.
  const topics = planTopics(targets, opts.scale, plan);
  for (const w of [...plan.warnings, ...topics.warnings]) log(`warning: ${w}`);
  log(`papers planned: ${plan.top.length} top-1%, ${plan.groups.length} groups (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const db = await openDb();
  try {
    await writePaperTables(db, plan);
    log(`papers expanded (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    await writeOtherTables(db, targets, opts.scale, plan, topics, log);
    log(`other tables expanded (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    await copyOut(db, 'papers', 'SELECT paper_id, year, doc_type, citations FROM all_papers', 'paper_id', out);
    await copyOut(db, 'paper_affiliations', 'SELECT paper_id, institution_id, country FROM all_affiliations', 'paper_id, country, institution_id', out);
    await copyOut(db, 'institutions', 'SELECT * FROM institutions', 'institution_id', out);
    // Contract columns only (the plan keeps helper columns such as a patent's planned band).
    for (const [table, columns, order] of [
      ['topics', 'topic_id, name_zh, name_en, "group"', 'topic_id'],
      ['paper_topics', 'paper_id, topic_id', 'paper_id, topic_id'],
      ['paper_citations_by_year', 'paper_id, year, citations', 'paper_id, year'],
      ['patents', 'patent_id, year, country, assignee_id, value_usd', 'patent_id'],
      ['patent_topics', 'patent_id, topic_id', 'patent_id, topic_id'],
      ['scholars', 'scholar_id, country, institution_id, h_index, province, city', 'scholar_id'],
      ['scholar_moves', 'scholar_id, year, from_country, to_country, from_city, to_city', 'scholar_id, year, from_country, to_country, from_city, to_city'],
    ] as const) {
      const exists = (await db.all(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'out_${table}'`))[0]!.n as number;
      if (exists) await copyOut(db, table, `SELECT ${columns} FROM out_${table}`, order, out);
    }
  } finally {
    db.close();
  }
  // The manifest, with a note that these records are a reconstruction (the edition must say so).
  const manifest = readFileSync(MANIFEST, 'utf8').replace(/^#.*\n/gm, '');
  writeFileSync(join(out, 'dataset.yaml'),
    `# Generated by data/2023/generator (do not edit): a record-level reconstruction calibrated to the published\n# aggregates of the 2023 edition (source: AMiner). See data/2023/ASSUMPTIONS.md and targets.yaml.\n${manifest}`);
  copyFileSync(TARGETS, join(out, 'targets.yaml'));
  // The calibration holds for these very files (the report checks their SHA-256 before it says so).
  const inputs = Object.fromEntries(
    readdirSync(out)
      .filter((f) => f.endsWith('.parquet'))
      .sort()
      .map((f) => [f.slice(0, -'.parquet'.length), createHash('sha256').update(readFileSync(join(out, f))).digest('hex')]),
  );
  writeFileSync(join(out, 'calibration.json'), `${JSON.stringify({ note: 'Reconstruction calibrated to the published aggregates of the 2023 edition (source: AMiner); assumed = not printed, chosen by the project.', inputs, entries: calibrationEntries(targets) }, null, 1)}\n`);
  writeFileSync(digestFile, `${dig}\n`);
  return plan;
}

/**
 * The edition's data maker, as templates/2023/edition.yaml declares it (`data: { make: … }`): the
 * build calls it before every run; the digest check makes an up-to-date dataset cost a few reads.
 */
export function make(options: { readonly out: string; readonly log: (line: string) => void }): Promise<{ skipped: boolean }> {
  return generate({ scale: 1, out: options.out, log: options.log });
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const scale = Number(arg('scale') ?? '1');
  if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be in (0, 1]');
  const out = arg('out') ?? defaultOut(scale);
  const r = await generate({ scale, out, force: process.argv.includes('--force'), log: (m) => console.log(m) });
  console.log(r.skipped ? `${out} is up to date (digest matches)` : `generated ${out} in ${r.seconds.toFixed(1)} s`);
}
