-- Metric family: papers. Definitions in docs/data-contract.md ("Papers", "Top 1% papers",
-- "Institutions"). The temp tables prepared here (paper_flags, paper_countries, institution_roots)
-- are also read by the collaboration and topics families, which run after this one.
-- Every paper in the table is in scope: the loader leaves out (and counts) years outside the manifest's paper_years.

-- Every result below is sorted explicitly, so DuckDB need not keep insertion order while it builds
-- the large temp tables: at 10× the 2023 size that saves much time and memory. Loading is over by
-- now; it needed file order for its line numbers.
SET preserve_insertion_order = false;

-- Per publication year: k = ceil(n × $top_share) (the edition's definitions; 0.01 for a top 1%); the
-- threshold is the citations of the k-th most cited paper, i.e. the largest citation count c such that
-- at least k papers of the year have c or more. The share is a DECIMAL so the product is exact: in
-- binary floating point 300 × 0.07 is 21.000000000000004, whose ceiling would be 22.
-- Counting papers per (year, citations) first keeps the sort small; ties need no tie-break.
CREATE OR REPLACE TEMP TABLE paper_thresholds AS
WITH counts AS (SELECT year, citations, count(*) AS m FROM papers GROUP BY year, citations),
cumulative AS (
  SELECT year, citations,
         sum(m) OVER (PARTITION BY year ORDER BY citations DESC) AS at_least,
         sum(m) OVER (PARTITION BY year) AS n
  FROM counts
)
SELECT year, max(citations) FILTER (WHERE at_least >= ceil(n * CAST($top_share AS DECIMAL(18, 9))))::INTEGER AS threshold
FROM cumulative GROUP BY year;

-- A paper is a top paper when its citations reach its year's threshold (ties included) and are at least 1.
-- paper_id is a number (a hash of the id, made by the loader: src/load/storage.ts), so the joins and
-- DISTINCTs below are on 8 bytes, not on text.
CREATE OR REPLACE TEMP TABLE paper_flags AS
SELECT p.paper_id AS paper_id, p.year AS year, p.doc_type AS doc_type, p.citations AS citations,
       (p.citations >= t.threshold AND p.citations >= 1) AS top1
FROM papers p JOIN paper_thresholds t USING (year);

-- Each institution's top-level parent, following parent_id until it is null. The loader has
-- rejected cycles; the depth bound only keeps a bug from looping forever. Institutions are keyed
-- here by institution_key, the number the loader made of each id, which parent_id and the tables
-- pointing to an institution hold (src/load/storage.ts); the text id is only printed.
CREATE OR REPLACE TEMP TABLE institution_roots AS
WITH RECURSIVE up(institution_id, ancestor, depth) AS (
  SELECT institution_key, institution_key, 0 FROM institutions
  UNION ALL
  SELECT up.institution_id AS institution_id, i.parent_id AS ancestor, up.depth + 1 AS depth
  FROM up JOIN institutions i ON i.institution_key = up.ancestor
  WHERE i.parent_id IS NOT NULL AND up.depth < 10000
)
SELECT institution_id, argMax(ancestor, depth) AS root_id FROM up GROUP BY institution_id;

-- One row per affiliation with its paper's facts and its rolled-up institution: the one big join.
CREATE OR REPLACE TEMP TABLE affiliation_facts AS
SELECT f.paper_id AS paper_id, f.year AS year, f.citations AS citations, f.top1 AS top1, a.country AS country, r.root_id AS root_id
FROM paper_affiliations a
JOIN paper_flags f USING (paper_id)
JOIN institution_roots r USING (institution_id);

-- Averages are the exact integer sum divided once, in double precision: sum(x)::DOUBLE / count(*).
-- avg() is not: DuckDB divides in extended precision and rounds again, one unit in the last place
-- away from ClickHouse's (and from the correctly rounded quotient) for some institutions.

-- A paper's institutions after the roll-up: two campuses of one system count the paper once.
-- Only this result reads them, so they are counted as they are found, never stored: at 10× the
-- 2023 size a stored copy held ~28 M rows beside the DISTINCT's own table (docs/scale.md).
-- name: by_institution
WITH paper_institutions AS (
  SELECT DISTINCT paper_id, citations, top1, root_id AS institution_id FROM affiliation_facts
),
counts AS (
  SELECT institution_id,
         count(*) AS papers,
         sum(citations)::DOUBLE / count(*) AS avg_citations,
         count(*) FILTER (WHERE top1) AS top1,
         (sum(citations) FILTER (WHERE top1))::DOUBLE / count(*) FILTER (WHERE top1) AS top1_avg_citations
  FROM paper_institutions
  GROUP BY institution_id
)
SELECT i.institution_id AS institution_id, i.name_zh AS name_zh, i.name_en AS name_en, i.country AS country, i.kind AS kind,
       c.papers::BIGINT AS papers, c.avg_citations, c.top1::BIGINT AS top1, c.top1_avg_citations
FROM counts c JOIN institutions i ON i.institution_key = c.institution_id
ORDER BY papers DESC, i.institution_id;

-- A paper's countries: the distinct countries of its affiliations (full counting).
CREATE OR REPLACE TEMP TABLE paper_countries AS
SELECT DISTINCT paper_id, year, citations, top1, country FROM affiliation_facts;

DROP TABLE affiliation_facts;

-- name: totals
SELECT count(*)::BIGINT AS total, (count(*) FILTER (WHERE top1))::BIGINT AS top1_total FROM paper_flags;

-- name: top1_thresholds
SELECT year, threshold AS citations FROM paper_thresholds ORDER BY year;

-- name: by_country
SELECT country,
       count(*)::BIGINT AS papers,
       sum(citations)::DOUBLE / count(*) AS avg_citations,
       (count(*) FILTER (WHERE top1))::BIGINT AS top1,
       (sum(citations) FILTER (WHERE top1))::DOUBLE / count(*) FILTER (WHERE top1) AS top1_avg_citations
FROM paper_countries
GROUP BY country
ORDER BY papers DESC, country;

-- name: by_year_country
SELECT year, country,
       count(*)::BIGINT AS papers,
       (count(*) FILTER (WHERE top1))::BIGINT AS top1
FROM paper_countries
GROUP BY year, country
ORDER BY year, papers DESC, country;
