-- Metric family: talent. Definitions in docs/data-contract.md ("Talent").
-- A high-level researcher has h_index >= $high_level_h (the edition's definitions). Institutions are rolled up (institution_roots, from
-- papers.sql); scholars without an institution, or without a province, are left out of those lists.

-- name: totals
SELECT count(*)::BIGINT AS total,
       (count(*) FILTER (WHERE h_index >= $high_level_h))::BIGINT AS high_level_total
FROM scholars;

-- name: by_country
SELECT country,
       count(*)::BIGINT AS scholars,
       (count(*) FILTER (WHERE h_index >= $high_level_h))::BIGINT AS high_level
FROM scholars
GROUP BY country
ORDER BY scholars DESC, country;

-- name: by_institution
SELECT i.institution_id AS institution_id,
       any_value(i.name_zh) AS name_zh,
       any_value(i.name_en) AS name_en,
       any_value(i.country) AS country,
       any_value(i.kind) AS kind,
       count(*)::BIGINT AS scholars,
       (count(*) FILTER (WHERE s.h_index >= $high_level_h))::BIGINT AS high_level
FROM scholars s
JOIN institution_roots r ON r.institution_id = s.institution_id
JOIN institutions i ON i.institution_key = r.root_id
GROUP BY i.institution_id
ORDER BY scholars DESC, i.institution_id;

-- name: by_province
SELECT province,
       count(*)::BIGINT AS scholars,
       (count(*) FILTER (WHERE h_index >= $high_level_h))::BIGINT AS high_level
FROM scholars
WHERE province IS NOT NULL
GROUP BY province
ORDER BY scholars DESC, province;
