-- Metric family: papers. Definitions in docs/data-contract.md ("Papers", "Top 1% papers",
-- "Institutions"). The temp tables prepared here (top1_papers, top1_paper_countries,
-- institution_roots) are also read by the collaboration and topics families, which run after this one.
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
-- A paper is a top paper when its citations reach its year's threshold (ties included) and are at
-- least 1. paper_id is a number (a hash of the id, made by the loader: src/load/storage.ts), so the
-- join and the DISTINCTs below are on 8 bytes, not on text. The papers' flags are not stored apart:
-- at 10× the 2023 size a stored copy of the papers held ~0.5 GB beside this join's hash table.
CREATE OR REPLACE TEMP TABLE affiliation_facts AS
SELECT p.paper_id AS paper_id, p.year AS year, p.citations AS citations,
       (p.citations >= t.threshold AND p.citations >= 1) AS top1, a.country AS country, r.root_id AS root_id
FROM paper_affiliations a
JOIN papers p USING (paper_id)
JOIN paper_thresholds t ON t.year = p.year
JOIN institution_roots r USING (institution_id);

-- The top papers (about 1 %), for the topics family.
CREATE OR REPLACE TEMP TABLE top1_papers AS
SELECT p.paper_id AS paper_id, p.year AS year, p.doc_type AS doc_type
FROM papers p JOIN paper_thresholds t USING (year)
WHERE p.citations >= t.threshold AND p.citations >= 1;

-- The top papers' countries (the distinct countries of their affiliations), for the collaboration
-- and topics families.
CREATE OR REPLACE TEMP TABLE top1_paper_countries AS
SELECT DISTINCT paper_id, year, country FROM affiliation_facts WHERE top1;

-- Counting distinct papers per institution and per country needs each paper's distinct institutions
-- and countries: a DISTINCT over ~25 M groups at 10× the 2023 size, whose hash table was the largest
-- thing in memory (docs/scale.md, fifth pass). A paper has one year, so the DISTINCT never crosses
-- years: it runs one year at a time (`-- for each year of papers`, src/metrics/queries.ts), and each
-- year's rows are counted at once into small per-year tables, summed over the years below. Sums of
-- whole numbers are exact, so the split changes no result.
CREATE OR REPLACE TEMP TABLE institution_year_counts AS
SELECT root_id AS institution_id, count(*) AS paper_count, sum(citations) AS citation_sum,
       count(*) FILTER (WHERE top1) AS top1_count, sum(citations) FILTER (WHERE top1) AS top1_citation_sum
FROM affiliation_facts WHERE false GROUP BY root_id;

-- A paper's institutions after the roll-up: two campuses of one system count the paper once.
-- for each year of papers
INSERT INTO institution_year_counts
SELECT institution_id, count(*) AS paper_count, sum(citations) AS citation_sum,
       count(*) FILTER (WHERE top1) AS top1_count, sum(citations) FILTER (WHERE top1) AS top1_citation_sum
FROM (SELECT DISTINCT paper_id, citations, top1, root_id AS institution_id FROM affiliation_facts WHERE year = $year) AS paper_institutions
GROUP BY institution_id;

CREATE OR REPLACE TEMP TABLE country_year_counts AS
SELECT year, country, count(*) AS paper_count, sum(citations) AS citation_sum,
       count(*) FILTER (WHERE top1) AS top1_count, sum(citations) FILTER (WHERE top1) AS top1_citation_sum
FROM affiliation_facts WHERE false GROUP BY year, country;

-- A paper's countries: the distinct countries of its affiliations (full counting).
-- for each year of papers
INSERT INTO country_year_counts
SELECT year, country, count(*) AS paper_count, sum(citations) AS citation_sum,
       count(*) FILTER (WHERE top1) AS top1_count, sum(citations) FILTER (WHERE top1) AS top1_citation_sum
FROM (SELECT DISTINCT paper_id, year, citations, top1, country FROM affiliation_facts WHERE year = $year) AS paper_countries
GROUP BY year, country;

DROP TABLE affiliation_facts;

-- Averages are the exact integer sum divided once, in double precision: sum(x)::DOUBLE / count.
-- avg() is not: DuckDB divides in extended precision and rounds again, one unit in the last place
-- away from ClickHouse's (and from the correctly rounded quotient) for some institutions.

-- name: by_institution
WITH counts AS (
  SELECT institution_id,
         sum(paper_count) AS papers,
         sum(citation_sum)::DOUBLE / sum(paper_count) AS avg_citations,
         sum(top1_count) AS top1,
         sum(top1_citation_sum)::DOUBLE / sum(top1_count) AS top1_avg_citations
  FROM institution_year_counts
  GROUP BY institution_id
)
SELECT i.institution_id AS institution_id, i.name_zh AS name_zh, i.name_en AS name_en, i.country AS country, i.kind AS kind,
       c.papers::BIGINT AS papers, c.avg_citations, c.top1::BIGINT AS top1, c.top1_avg_citations
FROM counts c JOIN institutions i ON i.institution_key = c.institution_id
ORDER BY papers DESC, i.institution_id;

-- name: totals
SELECT count(*)::BIGINT AS total, (count(*) FILTER (WHERE p.citations >= t.threshold AND p.citations >= 1))::BIGINT AS top1_total
FROM papers p JOIN paper_thresholds t USING (year);

-- name: top1_thresholds
SELECT year, threshold AS citations FROM paper_thresholds ORDER BY year;

-- name: by_country
SELECT country,
       sum(paper_count)::BIGINT AS papers,
       sum(citation_sum)::DOUBLE / sum(paper_count) AS avg_citations,
       sum(top1_count)::BIGINT AS top1,
       sum(top1_citation_sum)::DOUBLE / sum(top1_count) AS top1_avg_citations
FROM country_year_counts
GROUP BY country
ORDER BY papers DESC, country;

-- name: by_year_country
SELECT year, country, paper_count::BIGINT AS papers, top1_count::BIGINT AS top1
FROM country_year_counts
ORDER BY year, papers DESC, country;
