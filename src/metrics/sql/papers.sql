-- Metric family: papers. Definitions in docs/data-contract.md ("Papers", "Top 1% papers",
-- "Institutions"). The temp tables prepared here (paper_flags, paper_countries, institution_roots)
-- are also read by the collaboration and topics families, which run after this one.
-- Every paper in the table is in scope: the loader rejects years outside the manifest's paper_years.

-- Per publication year: k = ceil(n/100); the threshold is the citations of the k-th most cited paper.
-- Which of several tied papers is k-th does not matter: they all have the same citations.
CREATE OR REPLACE TEMP TABLE paper_thresholds AS
WITH ranked AS (
  SELECT year, citations,
         row_number() OVER (PARTITION BY year ORDER BY citations DESC) AS k,
         count(*) OVER (PARTITION BY year) AS n
  FROM papers
)
SELECT year, citations AS threshold FROM ranked WHERE k = ceil(n / 100.0);

-- A paper is top 1% when its citations reach its year's threshold (ties included) and are at least 1.
CREATE OR REPLACE TEMP TABLE paper_flags AS
SELECT p.paper_id, p.year, p.doc_type, p.citations, (p.citations >= t.threshold AND p.citations >= 1) AS top1
FROM papers p JOIN paper_thresholds t USING (year);

-- A paper's countries: the distinct countries of its affiliations (full counting).
CREATE OR REPLACE TEMP TABLE paper_countries AS
SELECT DISTINCT paper_id, country FROM paper_affiliations;

-- Each institution's top-level parent, following parent_id until it is null. The loader has
-- rejected cycles; the depth bound only keeps a bug from looping forever.
CREATE OR REPLACE TEMP TABLE institution_roots AS
WITH RECURSIVE up(institution_id, ancestor, depth) AS (
  SELECT institution_id, institution_id, 0 FROM institutions
  UNION ALL
  SELECT up.institution_id, i.parent_id, up.depth + 1
  FROM up JOIN institutions i ON i.institution_id = up.ancestor
  WHERE i.parent_id IS NOT NULL AND up.depth < 10000
)
SELECT institution_id, arg_max(ancestor, depth) AS root_id FROM up GROUP BY institution_id;

-- A paper's institutions after the roll-up: two campuses of one system count the paper once.
CREATE OR REPLACE TEMP TABLE paper_institutions AS
SELECT DISTINCT a.paper_id, r.root_id AS institution_id
FROM paper_affiliations a JOIN institution_roots r USING (institution_id);

-- name: totals
SELECT count(*)::BIGINT AS total, (count(*) FILTER (WHERE top1))::BIGINT AS top1_total FROM paper_flags;

-- name: top1_thresholds
SELECT year, threshold AS citations FROM paper_thresholds ORDER BY year;

-- name: by_country
SELECT pc.country,
       count(*)::BIGINT AS papers,
       avg(f.citations) AS avg_citations,
       (count(*) FILTER (WHERE f.top1))::BIGINT AS top1,
       avg(f.citations) FILTER (WHERE f.top1) AS top1_avg_citations
FROM paper_countries pc JOIN paper_flags f USING (paper_id)
GROUP BY pc.country
ORDER BY papers DESC, pc.country;

-- name: by_institution
SELECT pi.institution_id,
       any_value(i.name_zh) AS name_zh,
       any_value(i.name_en) AS name_en,
       any_value(i.country) AS country,
       count(*)::BIGINT AS papers,
       avg(f.citations) AS avg_citations,
       (count(*) FILTER (WHERE f.top1))::BIGINT AS top1,
       avg(f.citations) FILTER (WHERE f.top1) AS top1_avg_citations
FROM paper_institutions pi
JOIN paper_flags f USING (paper_id)
JOIN institutions i USING (institution_id)
GROUP BY pi.institution_id
ORDER BY papers DESC, pi.institution_id;

-- name: by_year_country
SELECT f.year, pc.country,
       count(*)::BIGINT AS papers,
       (count(*) FILTER (WHERE f.top1))::BIGINT AS top1
FROM paper_countries pc JOIN paper_flags f USING (paper_id)
GROUP BY f.year, pc.country
ORDER BY f.year, papers DESC, pc.country;
