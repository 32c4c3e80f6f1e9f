-- Metric family: flows. Definitions in docs/data-contract.md ("Moves").
-- A move counts for countries when its two countries differ, and for cities when its two cities
-- are both known and differ (whatever the countries). Cities are keyed by their name alone.

-- name: totals
SELECT (count(*) FILTER (WHERE from_country <> to_country))::BIGINT AS total_moves FROM scholar_moves;

-- name: by_country
WITH ends AS (
  SELECT to_country AS country, 1 AS inflow, 0 AS outflow FROM scholar_moves WHERE from_country <> to_country
  UNION ALL
  SELECT from_country, 0, 1 FROM scholar_moves WHERE from_country <> to_country
)
SELECT country,
       sum(inflow)::BIGINT AS inflow,
       sum(outflow)::BIGINT AS outflow,
       count(*)::BIGINT AS total,
       (sum(inflow) - sum(outflow))::BIGINT AS net
FROM ends
GROUP BY country
ORDER BY total DESC, country;

-- name: by_city
WITH moves AS (
  SELECT from_city, to_city FROM scholar_moves
  WHERE from_city IS NOT NULL AND to_city IS NOT NULL AND from_city <> to_city
),
ends AS (
  SELECT to_city AS city, 1 AS inflow, 0 AS outflow FROM moves
  UNION ALL
  SELECT from_city, 0, 1 FROM moves
)
SELECT city,
       sum(inflow)::BIGINT AS inflow,
       sum(outflow)::BIGINT AS outflow,
       count(*)::BIGINT AS total,
       (sum(inflow) - sum(outflow))::BIGINT AS net
FROM ends
GROUP BY city
ORDER BY total DESC, city;
