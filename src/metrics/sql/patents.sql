-- Metric family: patents. Definitions in docs/data-contract.md ("Patents").
-- Every patent in the table is in scope: the loader leaves out (and counts) years outside the manifest's patent_years.
-- A high-value patent has value_usd >= $high_value_usd (the edition's definitions); a null value is never
-- high-value.

-- The value band of each patent, with its position so lists can follow the bands' order.
CREATE OR REPLACE TEMP TABLE patent_bands AS
SELECT patent_id, country,
       CASE WHEN value_usd IS NULL THEN 'unknown'
            WHEN value_usd < 10000 THEN '0-10k'
            WHEN value_usd < 30000 THEN '10k-30k'
            WHEN value_usd < 300000 THEN '30k-300k'
            WHEN value_usd < 600000 THEN '300k-600k'
            WHEN value_usd < 3000000 THEN '600k-3M'
            WHEN value_usd < 20000000 THEN '3M-20M'
            ELSE '20M+' END AS band
FROM patents;

-- name: totals
SELECT count(*)::BIGINT AS total,
       (count(*) FILTER (WHERE value_usd >= $high_value_usd))::BIGINT AS high_value_total
FROM patents;

-- name: by_country
SELECT country,
       count(*)::BIGINT AS patents,
       (count(*) FILTER (WHERE value_usd >= $high_value_usd))::BIGINT AS high_value
FROM patents
GROUP BY country
ORDER BY patents DESC, country;

-- Assignees are rolled up to their top-level parent (institution_roots, from papers.sql), like
-- the institutions of papers. Patents without an assignee are not in this list.
-- name: by_assignee
SELECT i.institution_id AS institution_id,
       any_value(i.name_zh) AS name_zh,
       any_value(i.name_en) AS name_en,
       any_value(i.country) AS country,
       any_value(i.kind) AS kind,
       count(*)::BIGINT AS patents,
       (count(*) FILTER (WHERE p.value_usd >= $high_value_usd))::BIGINT AS high_value
FROM patents p
JOIN institution_roots r ON r.institution_id = p.assignee_id
JOIN institutions i ON i.institution_key = r.root_id
GROUP BY i.institution_id
ORDER BY patents DESC, i.institution_id;

-- name: by_year_country
SELECT year, country,
       count(*)::BIGINT AS patents,
       (count(*) FILTER (WHERE value_usd >= $high_value_usd))::BIGINT AS high_value
FROM patents
GROUP BY year, country
ORDER BY year, patents DESC, country;

-- Every band for every country (zeros included), countries by their patents, bands in their order.
-- name: value_bands
WITH bands AS (
  SELECT '0-10k' AS band, 1 AS position UNION ALL SELECT '10k-30k', 2 UNION ALL SELECT '30k-300k', 3
  UNION ALL SELECT '300k-600k', 4 UNION ALL SELECT '600k-3M', 5 UNION ALL SELECT '3M-20M', 6
  UNION ALL SELECT '20M+', 7 UNION ALL SELECT 'unknown', 8
),
countries AS (SELECT country, count(*) AS n FROM patent_bands GROUP BY country),
counts AS (SELECT country, band, count(*) AS patents FROM patent_bands GROUP BY country, band)
SELECT c.country AS country, b.band AS band, coalesce(k.patents, 0)::BIGINT AS patents
FROM countries c CROSS JOIN bands b
LEFT JOIN counts k ON k.country = c.country AND k.band = b.band
ORDER BY c.n DESC, c.country, b.position;
