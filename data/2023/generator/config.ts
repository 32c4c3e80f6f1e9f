/**
 * Modelling choices that are not calibration targets: how papers are shared between countries,
 * citation shapes, institution sizes. Changing them changes the records but never a target
 * (the planner recomputes every residual so the targets still come out exactly).
 */
export const SEED = 2023;
export const YEARS = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021] as const;

/** Recency factor of mean citations per publication year (older papers have had longer to be cited). */
export const YEAR_FACTOR = [2.0, 1.85, 1.7, 1.5, 1.3, 1.1, 0.9, 0.7, 0.5, 0.3] as const;

/**
 * Co-authorship patterns of top-1% papers with three or more countries, and their counts. The
 * printed pair counts (图 23) are then completed with two-country papers, and each country's
 * top-1% total with single-country papers.
 */
export const TOP_MULTI: readonly (readonly [readonly string[], number])[] = [
  [['US', 'GB', 'DE', 'FR', 'IT', 'CA', 'AU', 'CH', 'NL', 'ES'], 120],
  [['US', 'GB', 'DE', 'FR', 'IT', 'CA', 'AU', 'CH', 'NL', 'ES', 'CN', 'JP'], 60],
  [['US', 'GB', 'DE'], 260],
  [['US', 'GB', 'CA'], 150],
  [['US', 'GB', 'AU'], 160],
  [['US', 'DE', 'FR'], 110],
  [['US', 'DE', 'CH'], 120],
  [['US', 'IT', 'DE'], 90],
  [['US', 'GB', 'IT'], 80],
  [['US', 'CA', 'CN'], 90],
  [['US', 'GB', 'CN'], 110],
  [['US', 'CN', 'AU'], 80],
  [['GB', 'DE', 'FR'], 90],
  [['GB', 'DE', 'NL'], 70],
  [['US', 'FR', 'CA'], 60],
  [['US', 'ES', 'IT'], 50],
];

/** Two-country top-1% papers for pairs the report does not print (each stays below the 10th pair). */
export const TOP_EXTRA_PAIRS: readonly (readonly [string, string, number])[] = [
  ['CN', 'AU', 70], ['CN', 'CA', 180], ['CN', 'JP', 90], ['CN', 'KR', 80], ['DE', 'FR', 150], ['GB', 'FR', 140],
  ['GB', 'IT', 120], ['ES', 'IT', 110], ['DE', 'NL', 100], ['GB', 'NL', 90], ['FR', 'IT', 90], ['GB', 'ES', 80],
  ['DE', 'CH', 120], ['GB', 'AU', 50], ['CA', 'GB', 90], ['US', 'JP', 160], ['US', 'KR', 140], ['US', 'IN', 120],
  ['US', 'NL', 180], ['US', 'ES', 120], ['CN', 'IN', 40], ['FR', 'CH', 60], ['FR', 'ES', 70], ['GB', 'IN', 60],
];

/** Two-and-more-country papers outside the top 1% (modelling; realistic co-authorship shares). */
export const NONTOP_MULTI: readonly (readonly [readonly string[], number])[] = [
  [['CN', 'US'], 18000], [['GB', 'US'], 7000], [['DE', 'US'], 5500], [['CA', 'US'], 6000], [['DE', 'GB'], 6000],
  [['FR', 'US'], 3000], [['AU', 'US'], 2500], [['IT', 'US'], 2500], [['CN', 'GB'], 8000], [['CH', 'US'], 1750],
  [['AU', 'CN'], 7000], [['CA', 'CN'], 5000], [['CN', 'JP'], 4000], [['CN', 'KR'], 3000], [['DE', 'FR'], 4000],
  [['FR', 'IT'], 3000], [['ES', 'IT'], 2500], [['CH', 'DE'], 3000], [['IN', 'US'], 3000], [['KR', 'US'], 2500],
  [['JP', 'US'], 2500], [['GB', 'IT'], 3000], [['FR', 'GB'], 3500], [['DE', 'NL'], 3000], [['GB', 'NL'], 2500],
  [['ES', 'GB'], 2500], [['AU', 'GB'], 3500], [['DE', 'GB', 'US'], 1000], [['CN', 'GB', 'US'], 750], [['CA', 'CN', 'US'], 500],
  [['FR', 'DE', 'IT', 'ES'], 800], [['CN', 'IN'], 1200], [['GB', 'IN'], 1500], [['DE', 'IN'], 900], [['JP', 'KR'], 700],
];

/** Share of a rest-of-world country's papers written with one partner among the main countries. */
export const ROW_PARTNERS: readonly (readonly [string, number])[] = [['US', 0.025], ['CN', 0.04], ['GB', 0.02], ['DE', 0.02]];

/** Geometric decay of rest-of-world country sizes (first = largest). */
export const ROW_DECAY = 0.93;

/** Mean citations of non-top papers where no average is published (by country; default below). */
export const DEFAULT_MEAN: Readonly<Record<string, number>> = { AU: 15, ES: 12, NL: 16, CH: 17 };
export const ROW_MEAN = 8;
/** Mean citations of a multi-country paper outside the top 1%, relative to its countries' mean. */
export const NONTOP_MULTI_FACTOR = 0.35;

/** Named institutions with papers but no published paper numbers (kept below the top-10 lists). */
export const EXTRA_PAPER_INSTITUTIONS: Readonly<Record<string, { papers: number; top1: number; nontopMean: number }>> = {
  'I-TSINGHUA': { papers: 16900, top1: 360, nontopMean: 14 },
  'I-SJTU': { papers: 15100, top1: 210, nontopMean: 12 },
  'I-ZJU': { papers: 15600, top1: 230, nontopMean: 12 },
  'I-PKU': { papers: 12800, top1: 250, nontopMean: 14 },
  'I-HIT': { papers: 9800, top1: 150, nontopMean: 11 },
  'I-FUDAN': { papers: 8700, top1: 120, nontopMean: 12 },
  'I-NJU': { papers: 7600, top1: 100, nontopMean: 12 },
  'I-HKUST': { papers: 5200, top1: 140, nontopMean: 14 },
  'I-RUC': { papers: 2100, top1: 20, nontopMean: 8 },
  'I-XIDIAN': { papers: 8100, top1: 90, nontopMean: 9 },
  'I-SEU': { papers: 7400, top1: 100, nontopMean: 10 },
  'I-SCUT': { papers: 6900, top1: 80, nontopMean: 10 },
  'I-UTEXAS': { papers: 14900, top1: 420, nontopMean: 3 },
  'I-GOOGLE': { papers: 6800, top1: 430, nontopMean: 4 },
  'I-MICROSOFT': { papers: 7900, top1: 380, nontopMean: 4 },
  'I-IBM': { papers: 5600, top1: 150, nontopMean: 3 },
  'I-RAS': { papers: 6000, top1: 30, nontopMean: 5 },
};

/** Generic institutions per country: one per this many papers (at least a few). */
export const PAPERS_PER_GENERIC_INSTITUTION = 1200;

/** Pareto tail of citation extras above a top-1% threshold. */
export const TOP_TAIL_ALPHA = 2.4;
/** Mean extra citations of multi-country top papers above the threshold (before capping). */
export const TOP_MULTI_EXTRA_MEAN = 85;
/** Mean extra citations of top papers from countries without a published top-1% average. */
export const TOP_FREE_EXTRA_MEAN = 110;
export const REVIEW_RATE_TOP = 0.08;
export const REVIEW_RATE = 0.04;

/**
 * Scale of the topics' raw frontier values (citations per year): topic papers are chosen with
 * citations that put each topic near index × this value, the citation trend does the rest.
 */
export const TOPIC_RAW_SCALE = 22000;
