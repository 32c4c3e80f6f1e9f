-- Metric family: topics. Definitions in docs/data-contract.md ("Topics", "Frontier index").
-- Reads top1_papers and top1_paper_countries, prepared by papers.sql: a topic's top 1% papers use the
-- same yearly thresholds as all papers.

-- The topic's top 1% papers (a paper linked twice to one topic counts once).
CREATE OR REPLACE TEMP TABLE topic_top1 AS
SELECT DISTINCT pt.topic_id AS topic_id, f.paper_id AS paper_id, f.year AS year, f.doc_type AS doc_type
FROM paper_topics pt JOIN top1_papers f USING (paper_id);

CREATE OR REPLACE TEMP TABLE topic_patents AS
SELECT DISTINCT pt.topic_id AS topic_id, p.patent_id AS patent_id, p.country AS country, (p.value_usd >= $high_value_usd) IS TRUE AS high_value
FROM patent_topics pt JOIN patents p USING (patent_id);

-- The yearly citation series of the topic's top 1% papers, over every year from the earliest
-- publication (or citation) year to the last citation year; a year without citations counts 0.
-- x is the year's offset from the series' start.
CREATE OR REPLACE TEMP TABLE topic_series AS
WITH cites AS (
  SELECT t.topic_id AS topic_id, c.year AS year, sum(c.citations) AS c
  FROM topic_top1 t JOIN paper_citations_by_year c USING (paper_id)
  GROUP BY t.topic_id, c.year
),
bounds AS (
  SELECT topic_id, min(year) AS y0, max(year) AS y1
  FROM (SELECT topic_id, year FROM topic_top1 UNION ALL SELECT topic_id, year FROM cites)
  GROUP BY topic_id
),
years AS (SELECT topic_id, y0, unnest(range(y0, y1 + 1)) AS year FROM bounds)
SELECT y.topic_id AS topic_id, (y.year - y.y0)::BIGINT AS x, coalesce(c.c, 0)::BIGINT AS c
FROM years y LEFT JOIN cites c USING (topic_id, year);

-- C_total: all citations of the series; T: its length in years; S_trend: the least-squares slope
-- of the series divided by its mean (relative growth per year; 0 for one year or no citations).
-- The slope comes from exact integer sums, (T·Σxc − Σx·Σc) / (T·Σx² − (Σx)²), so the result does not
-- depend on how the engine splits the work between threads.
-- The raw score (C_total / T) * exp(S_trend) is the citation velocity, raised by a rising trend
-- and lowered by a falling one; dividing by the largest raw score puts it in (0, 1].
CREATE OR REPLACE TEMP TABLE topic_frontier AS
WITH sums AS (
  SELECT topic_id, count(*) AS t, sum(x) AS sx, sum(x * x) AS sxx, sum(c) AS sc, sum(x * c) AS sxc
  FROM topic_series
  GROUP BY topic_id
),
stats AS (
  SELECT topic_id, sc AS c_total, t AS t_span,
         CASE WHEN t > 1 AND sc > 0
              THEN ((t * sxc - sx * sc)::DOUBLE / (t * sxx - sx * sx)::DOUBLE) / (sc::DOUBLE / t)
              ELSE 0 END AS s_trend
  FROM sums
),
raw AS (SELECT *, CASE WHEN c_total > 0 THEN (c_total::DOUBLE / t_span) * exp(s_trend) END AS score FROM stats)
SELECT topic_id, c_total, t_span, s_trend, score / max(score) OVER () AS frontier_index FROM raw;

-- name: topics
SELECT t.topic_id AS topic_id, t.name_zh AS name_zh, t.name_en AS name_en, t."group" AS "group",
       coalesce(p.top1_papers, 0)::BIGINT AS top1_papers,
       coalesce(p.reviews, 0)::BIGINT AS reviews,
       p.avg_pub_year,
       coalesce(q.patents, 0)::BIGINT AS patents,
       coalesce(q.high_value, 0)::BIGINT AS high_value,
       coalesce(f.c_total, 0)::BIGINT AS c_total,
       coalesce(f.t_span, 0)::BIGINT AS t_span,
       coalesce(f.s_trend, 0)::DOUBLE AS s_trend,
       f.frontier_index
FROM topics t
LEFT JOIN (
  SELECT topic_id, count(*) AS top1_papers, count(*) FILTER (WHERE doc_type = 'review') AS reviews, sum(year)::DOUBLE / count(*) AS avg_pub_year
  FROM topic_top1 GROUP BY topic_id
) p USING (topic_id)
LEFT JOIN (
  SELECT topic_id, count(*) AS patents, count(*) FILTER (WHERE high_value) AS high_value
  FROM topic_patents GROUP BY topic_id
) q USING (topic_id)
LEFT JOIN topic_frontier f USING (topic_id)
ORDER BY top1_papers DESC, topic_id;

-- name: top1_by_country
SELECT t.topic_id AS topic_id, pc.country AS country, count(*)::BIGINT AS n
FROM topic_top1 t JOIN top1_paper_countries pc USING (paper_id)
GROUP BY t.topic_id, pc.country
ORDER BY topic_id, n DESC, country;

-- name: patents_by_country
SELECT topic_id, country, count(*)::BIGINT AS n
FROM topic_patents
GROUP BY topic_id, country
ORDER BY topic_id, n DESC, country;

-- name: high_value_by_country
SELECT topic_id, country, count(*)::BIGINT AS n
FROM topic_patents
WHERE high_value
GROUP BY topic_id, country
ORDER BY topic_id, n DESC, country;
