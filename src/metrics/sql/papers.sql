-- Metric family: papers. Definitions in docs/data-contract.md ("Papers", "Top 1% papers").

-- Per publication year: k = ceil(n/100); the threshold is the citations of the k-th most cited paper.
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
SELECT p.paper_id, p.year, p.citations, (p.citations >= t.threshold AND p.citations >= 1) AS top1
FROM papers p JOIN paper_thresholds t USING (year);

-- A paper's countries: the distinct countries of its affiliations (full counting).
CREATE OR REPLACE TEMP TABLE paper_countries AS
SELECT DISTINCT paper_id, country FROM paper_affiliations;

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
