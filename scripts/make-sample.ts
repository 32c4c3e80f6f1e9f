/**
 * Writes the small record-level sample in data/2023/ (papers, paper_affiliations, institutions):
 * about 1/400 of the 2023 edition's papers, with the published country order and citation levels,
 * so the walking skeleton prints plausible numbers. Deterministic: same bytes on every run.
 * The full-size calibrated dataset replaces it (see the dataset issue).
 *
 *   npx tsx scripts/make-sample.ts [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'data/2023';

/** mulberry32: a tiny seeded PRNG; Math.random would make the sample differ on every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(2023);
const pick = <T>(items: readonly T[], weight: (t: T) => number): T => {
  const total = items.reduce((s, t) => s + weight(t), 0);
  let r = rand() * total;
  for (const t of items) if ((r -= weight(t)) < 0) return t;
  return items[items.length - 1]!;
};

// [country, papers (published, Chapter 2 图 6 where printed), mean citations]
const COUNTRIES: [string, number, number][] = [
  ['US', 525794, 14], ['CN', 506775, 18], ['DE', 151435, 13], ['GB', 137826, 25], ['IN', 122982, 15],
  ['JP', 100000, 11], ['KR', 95000, 12], ['CA', 90000, 22], ['IT', 88000, 17], ['FR', 85000, 13],
  ['ES', 70000, 12], ['AU', 65000, 14], ['NL', 50000, 16], ['CH', 40000, 15], ['RU', 35000, 6],
];
const SCALE = 1 / 400;

const institutions: string[][] = [['institution_id', 'name_zh', 'name_en', 'country', 'kind', 'parent_id', 'province', 'city']];
const instByCountry = new Map<string, string[]>();
for (const [country] of COUNTRIES) {
  const ids: string[] = [];
  for (let i = 1; i <= 4; i++) {
    const id = `I-${country}-${i}`;
    ids.push(id);
    institutions.push([id, `${country} 研究机构 ${i}`, `${country} Research Institution ${i}`, country, i === 4 ? 'company' : 'university', '', '', '']);
  }
  instByCountry.set(country, ids);
}

const papers: string[][] = [['paper_id', 'year', 'doc_type', 'citations']];
const affiliations: string[][] = [['paper_id', 'institution_id', 'country']];
let n = 0;
for (const [country, published, meanCitations] of COUNTRIES) {
  const count = Math.round(published * SCALE);
  for (let i = 0; i < count; i++) {
    const id = `P${String(++n).padStart(6, '0')}`;
    const year = 2012 + Math.min(9, Math.floor(rand() * rand() * 10 + rand() * 5));
    // A skewed citation count with the country's mean: exponential of a uniform, scaled.
    const citations = Math.max(0, Math.round(-Math.log(1 - rand()) * meanCitations * (1 + (2021 - year) / 20)));
    papers.push([id, String(year), rand() < 0.08 ? 'review' : 'article', String(citations)]);
    const own = instByCountry.get(country)!;
    affiliations.push([id, own[Math.floor(rand() * own.length)]!, country]);
    if (rand() < 0.15) {
      const [partner] = pick(COUNTRIES.filter(([c]) => c !== country), ([, p]) => p);
      const theirs = instByCountry.get(partner)!;
      affiliations.push([id, theirs[Math.floor(rand() * theirs.length)]!, partner]);
    }
  }
}

const csv = (rows: string[][]) => rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',')).join('\n') + '\n';
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'institutions.csv'), csv(institutions));
writeFileSync(join(out, 'papers.csv'), csv(papers));
writeFileSync(join(out, 'paper_affiliations.csv'), csv(affiliations));
console.log(`${out}: ${papers.length - 1} papers, ${affiliations.length - 1} affiliations, ${institutions.length - 1} institutions`);
