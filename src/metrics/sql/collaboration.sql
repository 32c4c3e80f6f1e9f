-- Metric family: collaboration. Definitions in docs/data-contract.md ("Collaboration").
-- Reads top1_paper_countries, prepared by papers.sql.

-- Each top 1% paper adds 1 to every unordered pair of distinct countries among its countries;
-- a < b writes each pair once, its two codes in alphabetical order.
CREATE OR REPLACE TEMP TABLE collaboration_pairs AS
WITH top AS (SELECT paper_id, year, country FROM top1_paper_countries)
SELECT x.year, x.country AS a, y.country AS b
FROM top x JOIN top y ON x.paper_id = y.paper_id
WHERE x.country < y.country;

-- name: pairs
SELECT a, b, count(*)::BIGINT AS top1_papers
FROM collaboration_pairs
GROUP BY a, b
ORDER BY top1_papers DESC, a, b;

-- name: pairs_by_year
SELECT a, b, year, count(*)::BIGINT AS top1_papers
FROM collaboration_pairs
GROUP BY a, b, year
ORDER BY year, top1_papers DESC, a, b;
