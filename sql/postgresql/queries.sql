-- Every query Gazette runs on PostgreSQL, by name: the same names as sql/sqlite/queries.sql (tests check). Parameters are bound by position ($1, $2, ...).
-- Articles are visible to readers when they are not drafts and their publication time has come (?now).

-- name: meta_get
SELECT value FROM meta WHERE key = $1;

-- name: meta_set
INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value;

-- name: section_by_slug
SELECT id, name, slug, description FROM sections WHERE slug = $1;

-- name: section_insert
-- Two writers adding the same section at once: the second gets no row and reads the first's.
INSERT INTO sections (name, slug, description, position) VALUES ($1, $2, $3, $4)
ON CONFLICT (slug) DO NOTHING RETURNING id;

-- name: section_set_description
UPDATE sections SET description = $2 WHERE id = $1 AND description = '';

-- name: sections_all
SELECT id, name, slug, description FROM sections ORDER BY position, name;

-- name: author_by_slug
SELECT id, name, slug, role, bio FROM authors WHERE slug = $1;

-- name: author_insert
INSERT INTO authors (name, slug, role, bio) VALUES ($1, $2, $3, $4) ON CONFLICT (slug) DO NOTHING RETURNING id;

-- name: author_set_profile
UPDATE authors SET role = $2, bio = $3 WHERE id = $1;

-- name: tag_by_slug
SELECT id, name, slug, description FROM tags WHERE slug = $1;

-- name: tag_insert
INSERT INTO tags (name, slug, description) VALUES ($1, $2, '') ON CONFLICT (slug) DO NOTHING RETURNING id;

-- name: article_id_by_dedupe_key
SELECT id FROM articles WHERE dedupe_key = $1;

-- name: article_id_by_dedupe_prefix
SELECT id, dedupe_key FROM articles WHERE dedupe_key COLLATE "C" >= $1 AND dedupe_key COLLATE "C" < $2 ORDER BY id LIMIT 1;

-- name: article_slug_taken
SELECT 1 FROM articles WHERE slug = $1;

-- name: article_insert
-- sort_key: publication time, then the id the row is about to get (see schema_006).
INSERT INTO articles (slug, dedupe_key, headline, standfirst, body_markdown, body_html, section_id, status,
                      published_at, updated_at, source_url, word_count, sort_key)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
        $9::bigint * 1048576 + ((SELECT coalesce(max(id), 0) + 1 FROM articles) % 1048576))
-- Two importers saving the same story at once: the second waits for the first, gets no row and reads
-- the first's id (store/content_store.cpp); the unique dedupe_key never lets a duplicate in.
ON CONFLICT DO NOTHING RETURNING id;

-- name: article_set_date
UPDATE articles SET published_at = $2, updated_at = $3, dedupe_key = $4, sort_key = $2::bigint * 1048576 + (id % 1048576)
WHERE id = $1;

-- name: article_refresh_search_facets
-- Writes the article's search filter words (schema_009): its section, authors and councils. The FTS
-- trigger indexes the article when they are first written and re-indexes it only when they change.
UPDATE articles SET search_facets = v.facets
FROM (SELECT 'zs' || a.section_id
        || coalesce((SELECT string_agg(' za' || author_id, '') FROM article_authors WHERE article_id = $1), '')
        || coalesce((SELECT string_agg(' zc' || council_id, '') FROM article_councils WHERE article_id = $1), '')
        AS facets
      FROM articles a WHERE a.id = $1) v
WHERE articles.id = $1 AND articles.search_facets IS DISTINCT FROM v.facets;

-- name: article_author_insert
INSERT INTO article_authors (article_id, author_id, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING;

-- name: article_tag_insert
INSERT INTO article_tags (article_id, tag_id) VALUES ($1, $2) ON CONFLICT DO NOTHING;

-- name: article_by_slug
SELECT a.id, a.slug, a.headline, a.standfirst, a.body_markdown, a.body_html, a.status, a.published_at,
       a.updated_at, a.source_url, a.word_count, s.id, s.name, s.slug, s.description
FROM articles a JOIN sections s ON s.id = a.section_id
WHERE a.slug = $1 AND a.status <> 'draft' AND a.published_at <= $2;

-- name: article_by_id
-- Any article, drafts and scheduled ones included (for editing).
SELECT a.id, a.slug, a.headline, a.standfirst, a.body_markdown, a.body_html, a.status, a.published_at,
       a.updated_at, a.source_url, a.word_count, s.id, s.name, s.slug, s.description
FROM articles a JOIN sections s ON s.id = a.section_id
WHERE a.id = $1;

-- name: article_update
-- An edit. The filter words are cleared first, so the index drops the old version now and takes the
-- new one once article_refresh_search_facets runs after the links: one re-index, not two.
UPDATE articles SET headline = $2, standfirst = $3, body_markdown = $4, body_html = $5, section_id = $6,
       status = $7, published_at = $8, updated_at = $9, word_count = $10, source_url = $11,
       sort_key = $8::bigint * 1048576 + (id % 1048576), search_facets = NULL
WHERE id = $1;

-- name: article_authors_clear
DELETE FROM article_authors WHERE article_id = $1;

-- name: article_tags_clear
DELETE FROM article_tags WHERE article_id = $1;

-- name: article_authors
SELECT au.id, au.name, au.slug, au.role, au.bio
FROM article_authors aa JOIN authors au ON au.id = aa.author_id
WHERE aa.article_id = $1 ORDER BY aa.position;

-- name: article_authors_of_many
-- See sql/sqlite/queries.sql. On PostgreSQL each query is a round trip: one for a page of cards, not 20.
SELECT aa.article_id, au.id, au.name, au.slug, au.role, au.bio
FROM article_authors aa JOIN authors au ON au.id = aa.author_id
WHERE aa.article_id = ANY (string_to_array($1, ',')::bigint[])
ORDER BY aa.article_id, aa.position;

-- name: article_tags
SELECT t.id, t.name, t.slug, t.description
FROM article_tags at JOIN tags t ON t.id = at.tag_id
WHERE at.article_id = $1 ORDER BY t.name;

-- name: articles_latest
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description
FROM articles a JOIN sections s ON s.id = a.section_id
WHERE a.status <> 'draft' AND a.published_at <= $1
ORDER BY a.published_at DESC, a.id DESC LIMIT $2 OFFSET $3;

-- name: articles_latest_count
SELECT count(*) FROM articles WHERE status <> 'draft' AND published_at <= $1;

-- name: articles_by_section
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description
FROM articles a JOIN sections s ON s.id = a.section_id
WHERE a.section_id = $4 AND a.status <> 'draft' AND a.published_at <= $1
ORDER BY a.published_at DESC, a.id DESC LIMIT $2 OFFSET $3;

-- name: articles_by_section_count
SELECT count(*) FROM articles WHERE section_id = $2 AND status <> 'draft' AND published_at <= $1;

-- name: articles_by_author
-- Streams from article_authors_listing (schema_012): one index range, stopping after the page.
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description
FROM article_authors aa JOIN articles a ON a.id = aa.article_id JOIN sections s ON s.id = a.section_id
WHERE aa.author_id = $4 AND aa.listed = 1 AND aa.published_at <= $1
ORDER BY aa.published_at DESC, aa.article_id DESC LIMIT $2 OFFSET $3;

-- name: articles_by_author_count
SELECT count(*) FROM article_authors WHERE author_id = $2 AND listed = 1 AND published_at <= $1;

-- name: articles_by_tag
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description
FROM article_tags at JOIN articles a ON a.id = at.article_id JOIN sections s ON s.id = a.section_id
WHERE at.tag_id = $4 AND at.listed = 1 AND at.published_at <= $1
ORDER BY at.published_at DESC, at.article_id DESC LIMIT $2 OFFSET $3;

-- name: articles_by_tag_count
SELECT count(*) FROM article_tags WHERE tag_id = $2 AND listed = 1 AND published_at <= $1;

-- name: articles_other_sections
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description
FROM articles a JOIN sections s ON s.id = a.section_id
WHERE a.section_id <> $4 AND a.status <> 'draft' AND a.published_at <= $1
ORDER BY a.published_at DESC, a.id DESC LIMIT $2 OFFSET $3;

-- name: sitemap_articles
SELECT a.slug, s.slug, a.published_at, a.updated_at
FROM articles a JOIN sections s ON s.id = a.section_id
WHERE a.status <> 'draft' AND a.published_at <= $1
ORDER BY a.id LIMIT $2 OFFSET $3;

-- name: next_scheduled_time
SELECT min(published_at) FROM articles WHERE status <> 'draft' AND published_at > $1;

-- name: schema_version
SELECT max(version) FROM schema_migrations;

-- name: schema_version_record
INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2);

-- name: search_articles_by_rank
-- $1 tsquery text (src/store/pg_tsquery.cpp: every reader's term quoted), $2 lowest key (inclusive),
-- $3 highest key (exclusive), $4 limit, $5 offset, $6 ranking window, $7 section, $8 author, $9 council
-- (0: any); an empty $1 matches every indexed article (a search by filters alone). Only visible,
-- indexed articles have a search_vector (schema_009), so the date window and "published by now" are
-- the key range. The newest $6 matches are ranked by ts_rank with weights headline 1.0, standfirst 0.4,
-- body 0.1 (the 10:4:1 of SQLite's BM25); with two or more terms each term's rank is weighed by its
-- IDF ($10 the terms' tsqueries, $11 their IDFs, estimated on recent articles by the store, as SQLite's
-- gazette_rank does). Then one page gets ts_headline highlights and snippets. The last column is the
-- window's size: the exact total when under $6.
-- The match is written with to_tsquery($1) in place (not the q CTE) so that the planner can estimate
-- how common the words are: a common word walks the recency index and stops at the window, a rare one
-- uses the GIN index. The window is chosen first and only its rows are ranked: ranking before the
-- limit ranked every match (3 s for a word in every article of 100,000).
WITH q AS (SELECT to_tsquery('gazette_english', $1) AS q),
window_ids AS (
  SELECT a.id, a.sort_key AS k
  FROM articles a
  WHERE a.search_vector IS NOT NULL AND ($1 = '' OR a.search_vector @@ to_tsquery('gazette_english', $1))
    AND a.sort_key >= $2 AND a.sort_key < $3
    AND ($7::bigint = 0 OR a.section_id = $7)
    AND ($8::bigint = 0 OR EXISTS (SELECT 1 FROM article_authors f WHERE f.article_id = a.id AND f.author_id = $8))
    AND ($9::bigint = 0 OR EXISTS (SELECT 1 FROM article_councils f WHERE f.article_id = a.id AND f.council_id = $9))
  ORDER BY a.sort_key DESC LIMIT $6),
recent AS (
  SELECT w.id, w.k,
         CASE WHEN cardinality($10::text[]) = 0 THEN ts_rank('{0.0, 0.1, 0.4, 1.0}', a.search_vector, q.q)
              ELSE (SELECT sum(u.w * ts_rank('{0.0, 0.1, 0.4, 1.0}', a.search_vector, to_tsquery('gazette_english', u.t)))
                    FROM unnest($10::text[], $11::float8[]) AS u(t, w)) END AS score
  FROM window_ids w JOIN articles a ON a.id = w.id, q),
top AS (SELECT id, k, score FROM recent ORDER BY score DESC, k DESC LIMIT $4 OFFSET $5)
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description,
       ts_headline('gazette_english', a.headline, q.q,
                   'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3)),
       ts_headline('gazette_english', a.standfirst, q.q,
                   'MaxWords=28, MinWords=10, MaxFragments=1, FragmentDelimiter=…, StartSel=' || chr(2) || ', StopSel=' || chr(3)),
       -- The body's fragment only when the standfirst has none (a body fragment costs the most).
       CASE WHEN strpos(ts_headline('gazette_english', a.standfirst, q.q,
                                    'MaxWords=28, MinWords=10, MaxFragments=1, StartSel=' || chr(2) || ', StopSel=' || chr(3)),
                        chr(2)) > 0 THEN ''
            ELSE ts_headline('gazette_english', a.body_markdown, q.q,
                             'MaxWords=28, MinWords=10, MaxFragments=1, FragmentDelimiter=…, StartSel=' || chr(2) || ', StopSel=' || chr(3)) END,
       (SELECT count(*) FROM recent)
FROM top JOIN articles a ON a.id = top.id JOIN sections s ON s.id = a.section_id, q
ORDER BY top.score DESC, top.k DESC;

-- name: search_articles_by_rank_rowwise
-- The same query as search_articles_by_rank: PostgreSQL has no reason to fetch a phrase's page differently.
-- $1 tsquery text (src/store/pg_tsquery.cpp: every reader's term quoted), $2 lowest key (inclusive),
-- $3 highest key (exclusive), $4 limit, $5 offset, $6 ranking window, $7 section, $8 author, $9 council
-- (0: any); an empty $1 matches every indexed article (a search by filters alone). Only visible,
-- indexed articles have a search_vector (schema_009), so the date window and "published by now" are
-- the key range. The newest $6 matches are ranked by ts_rank with weights headline 1.0, standfirst 0.4,
-- body 0.1 (the 10:4:1 of SQLite's BM25); with two or more terms each term's rank is weighed by its
-- IDF ($10 the terms' tsqueries, $11 their IDFs, estimated on recent articles by the store, as SQLite's
-- gazette_rank does). Then one page gets ts_headline highlights and snippets. The last column is the
-- window's size: the exact total when under $6.
-- The match is written with to_tsquery($1) in place (not the q CTE) so that the planner can estimate
-- how common the words are: a common word walks the recency index and stops at the window, a rare one
-- uses the GIN index. The window is chosen first and only its rows are ranked: ranking before the
-- limit ranked every match (3 s for a word in every article of 100,000).
WITH q AS (SELECT to_tsquery('gazette_english', $1) AS q),
window_ids AS (
  SELECT a.id, a.sort_key AS k
  FROM articles a
  WHERE a.search_vector IS NOT NULL AND ($1 = '' OR a.search_vector @@ to_tsquery('gazette_english', $1))
    AND a.sort_key >= $2 AND a.sort_key < $3
    AND ($7::bigint = 0 OR a.section_id = $7)
    AND ($8::bigint = 0 OR EXISTS (SELECT 1 FROM article_authors f WHERE f.article_id = a.id AND f.author_id = $8))
    AND ($9::bigint = 0 OR EXISTS (SELECT 1 FROM article_councils f WHERE f.article_id = a.id AND f.council_id = $9))
  ORDER BY a.sort_key DESC LIMIT $6),
recent AS (
  SELECT w.id, w.k,
         CASE WHEN cardinality($10::text[]) = 0 THEN ts_rank('{0.0, 0.1, 0.4, 1.0}', a.search_vector, q.q)
              ELSE (SELECT sum(u.w * ts_rank('{0.0, 0.1, 0.4, 1.0}', a.search_vector, to_tsquery('gazette_english', u.t)))
                    FROM unnest($10::text[], $11::float8[]) AS u(t, w)) END AS score
  FROM window_ids w JOIN articles a ON a.id = w.id, q),
top AS (SELECT id, k, score FROM recent ORDER BY score DESC, k DESC LIMIT $4 OFFSET $5)
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description,
       ts_headline('gazette_english', a.headline, q.q,
                   'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3)),
       ts_headline('gazette_english', a.standfirst, q.q,
                   'MaxWords=28, MinWords=10, MaxFragments=1, FragmentDelimiter=…, StartSel=' || chr(2) || ', StopSel=' || chr(3)),
       -- The body's fragment only when the standfirst has none (a body fragment costs the most).
       CASE WHEN strpos(ts_headline('gazette_english', a.standfirst, q.q,
                                    'MaxWords=28, MinWords=10, MaxFragments=1, StartSel=' || chr(2) || ', StopSel=' || chr(3)),
                        chr(2)) > 0 THEN ''
            ELSE ts_headline('gazette_english', a.body_markdown, q.q,
                             'MaxWords=28, MinWords=10, MaxFragments=1, FragmentDelimiter=…, StartSel=' || chr(2) || ', StopSel=' || chr(3)) END,
       (SELECT count(*) FROM recent)
FROM top JOIN articles a ON a.id = top.id JOIN sections s ON s.id = a.section_id, q
ORDER BY top.score DESC, top.k DESC;

-- name: search_articles_by_date
-- Parameters as search_articles_by_rank ($6 unused but bound: the window). Newest first.
WITH q AS (SELECT to_tsquery('gazette_english', $1) AS q),
top AS (
  SELECT a.id, a.sort_key AS k FROM articles a
  WHERE a.search_vector IS NOT NULL AND ($1 = '' OR a.search_vector @@ to_tsquery('gazette_english', $1))
    AND a.sort_key >= $2 AND a.sort_key < $3 AND $6::bigint >= 0
    AND ($7::bigint = 0 OR a.section_id = $7)
    AND ($8::bigint = 0 OR EXISTS (SELECT 1 FROM article_authors f WHERE f.article_id = a.id AND f.author_id = $8))
    AND ($9::bigint = 0 OR EXISTS (SELECT 1 FROM article_councils f WHERE f.article_id = a.id AND f.council_id = $9))
  ORDER BY a.sort_key DESC LIMIT $4 OFFSET $5)
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description,
       ts_headline('gazette_english', a.headline, q.q,
                   'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3)),
       ts_headline('gazette_english', a.standfirst, q.q,
                   'MaxWords=28, MinWords=10, MaxFragments=1, FragmentDelimiter=…, StartSel=' || chr(2) || ', StopSel=' || chr(3)),
       -- The body's fragment only when the standfirst has none (a body fragment costs the most).
       CASE WHEN strpos(ts_headline('gazette_english', a.standfirst, q.q,
                                    'MaxWords=28, MinWords=10, MaxFragments=1, StartSel=' || chr(2) || ', StopSel=' || chr(3)),
                        chr(2)) > 0 THEN ''
            ELSE ts_headline('gazette_english', a.body_markdown, q.q,
                             'MaxWords=28, MinWords=10, MaxFragments=1, FragmentDelimiter=…, StartSel=' || chr(2) || ', StopSel=' || chr(3)) END
FROM top JOIN articles a ON a.id = top.id JOIN sections s ON s.id = a.section_id, q
ORDER BY top.k DESC;

-- name: search_articles_count
-- Matches of $1 with keys in [$2, $3), counting no further than $4; $5 section, $6 author, $7 council.
SELECT count(*) FROM (
  SELECT 1 FROM articles a
  WHERE a.search_vector IS NOT NULL AND ($1 = '' OR a.search_vector @@ to_tsquery('gazette_english', $1)) AND a.sort_key >= $2 AND a.sort_key < $3
    AND ($5::bigint = 0 OR a.section_id = $5)
    AND ($6::bigint = 0 OR EXISTS (SELECT 1 FROM article_authors f WHERE f.article_id = a.id AND f.author_id = $6))
    AND ($7::bigint = 0 OR EXISTS (SELECT 1 FROM article_councils f WHERE f.article_id = a.id AND f.council_id = $7))
  LIMIT $4) m;

-- name: search_idf_sample
-- As on SQLite (ts_rank weighs terms itself on PostgreSQL, so the search store does not run it there).
SELECT count(*), min(sort_key) FROM (
  SELECT sort_key FROM articles WHERE sort_key < $1 AND status <> 'draft' ORDER BY sort_key DESC LIMIT $2) m;

-- name: search_index_check
-- Articles whose search vector is wrong: missing for a visible article with its filter words written,
-- present for a draft, or not the vector of its text. The store fails when there is any.
SELECT count(*) FROM articles
WHERE (search_vector IS NOT NULL) <> (status <> 'draft' AND search_facets IS NOT NULL)
   OR (search_vector IS NOT NULL AND search_vector <>
       setweight(to_tsvector('gazette_english', headline), 'A') ||
       setweight(to_tsvector('gazette_english', standfirst), 'B') ||
       setweight(to_tsvector('gazette_english', body_markdown), 'C'));

-- name: naive_like_search
-- The naive baseline the benchmark compares against: a LIKE scan, newest first.
SELECT a.id FROM articles a
WHERE a.status <> 'draft' AND a.published_at <= $2
  AND (a.headline ILIKE $1 OR a.standfirst ILIKE $1 OR a.body_markdown ILIKE $1)
ORDER BY a.published_at DESC LIMIT 20;

-- name: council_upsert
INSERT INTO councils (gss_code, official_name, slug, type, nation, start_date, end_date)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (gss_code) DO UPDATE SET official_name = excluded.official_name, type = excluded.type,
  nation = excluded.nation, start_date = excluded.start_date, end_date = excluded.end_date;

-- name: council_count
SELECT count(*) FROM councils;

-- name: council_by_slug
SELECT id, gss_code, official_name, slug, type, nation, start_date, end_date FROM councils WHERE slug = $1;

-- name: council_id_by_gss
SELECT id FROM councils WHERE gss_code = $1;

-- name: councils_all
SELECT c.id, c.gss_code, c.official_name, c.slug, c.type, c.nation, c.start_date, c.end_date,
       (SELECT count(*) FROM article_councils ac WHERE ac.council_id = c.id)
FROM councils c ORDER BY c.nation, c.type, c.official_name;

-- name: article_council_insert
INSERT INTO article_councils (article_id, council_id, mentions) VALUES ($1, $2, $3)
ON CONFLICT (article_id, council_id) DO UPDATE SET mentions = excluded.mentions;

-- name: article_councils_clear
DELETE FROM article_councils WHERE article_id = $1;

-- name: article_councils
SELECT c.id, c.gss_code, c.official_name, c.slug, c.type, c.nation, c.start_date, c.end_date, ac.mentions
FROM article_councils ac JOIN councils c ON c.id = ac.council_id
WHERE ac.article_id = $1 ORDER BY ac.mentions DESC, c.official_name;

-- name: articles_by_council
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description
FROM article_councils ac JOIN articles a ON a.id = ac.article_id JOIN sections s ON s.id = a.section_id
WHERE ac.council_id = $4 AND ac.listed = 1 AND ac.published_at <= $1
ORDER BY ac.published_at DESC, ac.article_id DESC LIMIT $2 OFFSET $3;

-- name: articles_by_council_count
SELECT count(*) FROM article_councils WHERE council_id = $2 AND listed = 1 AND published_at <= $1;

-- name: articles_text_for_councils
SELECT id, headline, standfirst, body_markdown FROM articles WHERE id > $1 ORDER BY id LIMIT $2;

-- name: related_by_councils
SELECT ac2.article_id, count(*) FROM article_councils ac1
JOIN article_councils ac2 ON ac2.council_id = ac1.council_id AND ac2.article_id <> ac1.article_id
WHERE ac1.article_id = $1 GROUP BY ac2.article_id ORDER BY count(*) DESC, ac2.article_id DESC LIMIT $2;

-- name: shared_tag_count
SELECT count(*) FROM article_tags a
JOIN article_tags b ON b.article_id = $2 AND b.tag_id = a.tag_id
WHERE a.article_id = $1;

-- name: related_by_text
-- $1 tsquery text (any of a headline's rarest words), matched in headlines only (headline_vector,
-- schema_020), $2 article id to leave out, $3 limit. Scores are negative, better when lower, like
-- SQLite's BM25.
SELECT a.id, -ts_rank(a.headline_vector, q.q)::float8 AS score
FROM articles a, to_tsquery('gazette_english', $1) q
WHERE a.headline_vector @@ q AND a.id <> $2
ORDER BY score, a.id DESC LIMIT $3;

-- name: term_document_count_capped
-- Articles whose headline matches the tsquery $1, counting no further than $2: how rare a headline word
-- is, for related reading. Counted in headlines (headline_vector, schema_020) because counting in whole
-- texts rechecks up to $2 full vectors: 16 ms a word, a dozen words an uncached article page.
SELECT count(*) FROM (SELECT 1 FROM articles WHERE headline_vector @@ to_tsquery('gazette_english', $1) LIMIT $2) m;

-- name: article_total
SELECT count(*) FROM articles;

-- name: article_visibility
SELECT status, published_at FROM articles WHERE id = $1;

-- name: article_summary_by_id
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description
FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.id = $1;

-- name: employer_by_slug
SELECT e.id, e.name, e.slug, e.council_id, coalesce(c.slug, ''), coalesce(c.official_name, '')
FROM employers e LEFT JOIN councils c ON c.id = e.council_id WHERE e.slug = $1;

-- name: employer_insert
INSERT INTO employers (name, slug, council_id) VALUES ($1, $2, nullif($3::bigint, 0))
ON CONFLICT (slug) DO NOTHING RETURNING id;

-- name: job_id_by_reference
SELECT id FROM jobs WHERE reference = $1;

-- name: job_insert
INSERT INTO jobs (reference, slug, title, employer_id, location, region, salary_text, salary_parsed, salary_min,
                  salary_max, salary_currency, salary_period, salary_pro_rata, salary_annual_min, salary_annual_max,
                  contract, hours, category, category_set_by, closing_date, closes_at, posted_at,
                  description_markdown, description_html, apply_url, apply_email, employer_reference, status,
                  featured, source, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
        $24, $25, $26, $27, $28, $29, $30, $31)
ON CONFLICT (reference) DO NOTHING RETURNING id;

-- name: job_by_id
SELECT j.id, j.reference, j.slug, j.title, j.employer_id, e.name, e.slug, coalesce(e.council_id, 0),
       coalesce(c.slug, ''), coalesce(c.official_name, ''), j.location, j.region, j.salary_text, j.salary_parsed,
       j.salary_min, j.salary_max, j.salary_currency, j.salary_period, j.salary_pro_rata, j.salary_annual_min,
       j.salary_annual_max, j.contract, j.hours, j.category, j.category_set_by, j.closing_date, j.closes_at,
       j.posted_at, j.description_markdown, j.description_html, j.apply_url, j.apply_email, j.employer_reference,
       j.status, j.featured, j.updated_at
FROM jobs j JOIN employers e ON e.id = j.employer_id LEFT JOIN councils c ON c.id = e.council_id
WHERE j.id = $1;

-- name: jobs_by_ids
-- See sql/sqlite/queries.sql: one round trip for a page of adverts, not one an advert.
SELECT j.id, j.reference, j.slug, j.title, j.employer_id, e.name, e.slug, coalesce(e.council_id, 0),
       coalesce(c.slug, ''), coalesce(c.official_name, ''), j.location, j.region, j.salary_text, j.salary_parsed,
       j.salary_min, j.salary_max, j.salary_currency, j.salary_period, j.salary_pro_rata, j.salary_annual_min,
       j.salary_annual_max, j.contract, j.hours, j.category, j.category_set_by, j.closing_date, j.closes_at,
       j.posted_at, j.description_markdown, j.description_html, j.apply_url, j.apply_email, j.employer_reference,
       j.status, j.featured, j.updated_at
FROM jobs j JOIN employers e ON e.id = j.employer_id LEFT JOIN councils c ON c.id = e.council_id
WHERE j.id = ANY (string_to_array($1, ',')::bigint[]);

-- name: job_index_rows
-- Everything the in-memory job index filters, facets and sorts on; one row per advert that is not a draft.
SELECT j.id, j.employer_id, coalesce(e.council_id, 0), j.region, j.category, j.contract, j.hours,
       j.salary_annual_min, j.salary_annual_max, j.posted_at, j.closes_at, j.status, j.featured
FROM jobs j JOIN employers e ON e.id = j.employer_id WHERE j.status <> 'draft';

-- name: job_fts_ids
-- Unranked: the job index sorts by date, closing date or salary itself.
SELECT id FROM jobs WHERE search_vector @@ to_tsquery('gazette_english', $1) LIMIT $2;

-- name: job_fts_ids_ranked_live
-- Best match first (title 1.0, description 0.2, the 5:1 of SQLite), ranking only adverts live at $3.
SELECT j.id FROM jobs j, to_tsquery('gazette_english', $1) q
WHERE j.search_vector @@ q AND j.status = 'live' AND (j.closes_at IS NULL OR j.closes_at > $3)
ORDER BY ts_rank('{0.0, 0.0, 0.2, 1.0}', j.search_vector, q) DESC, j.id LIMIT $2;

-- name: job_count
SELECT count(*) FROM jobs;

-- name: jobs_for_sitemap
SELECT id, slug, updated_at FROM jobs WHERE status = 'live' AND (closes_at IS NULL OR closes_at > $1)
ORDER BY id LIMIT $2 OFFSET $3;

-- name: job_regions
SELECT DISTINCT region FROM jobs WHERE region <> '' ORDER BY region;

-- name: next_job_closing
SELECT min(closes_at) FROM jobs WHERE status = 'live' AND closes_at > $1;

-- name: job_live_count
SELECT count(*) FROM jobs WHERE status = 'live' AND (closes_at IS NULL OR closes_at > $1);

-- name: user_insert
-- An owner is stored as an editor with is_owner = 1 (schema_015).
INSERT INTO users (email, name, role, password_hash, created_at, is_owner)
VALUES ($1, $2, CASE WHEN $3 = 'owner' THEN 'editor' ELSE $3 END, $4, $5, ($3 = 'owner')::int) RETURNING id;

-- name: user_by_email
SELECT id, email, name, CASE WHEN is_owner = 1 THEN 'owner' ELSE role END, password_hash, disabled FROM users WHERE lower(email) = lower($1);

-- name: user_by_id
SELECT id, email, name, CASE WHEN is_owner = 1 THEN 'owner' ELSE role END, password_hash, disabled FROM users WHERE id = $1;

-- name: users_all
SELECT id, email, name, CASE WHEN is_owner = 1 THEN 'owner' ELSE role END, password_hash, disabled FROM users ORDER BY email;

-- name: user_set_password
UPDATE users SET password_hash = $2 WHERE id = $1;

-- name: user_set_disabled
UPDATE users SET disabled = $2 WHERE id = $1;

-- name: session_insert
INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5);

-- name: session_lookup
-- A live session of an enabled user.
SELECT u.id, u.email, u.name, CASE WHEN u.is_owner = 1 THEN 'owner' ELSE u.role END, u.password_hash, u.disabled,
       s.csrf_token, s.expires_at
FROM sessions s JOIN users u ON u.id = s.user_id
WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled = 0;

-- name: session_delete
DELETE FROM sessions WHERE token_hash = $1;

-- name: sessions_delete_for_user
DELETE FROM sessions WHERE user_id = $1;

-- name: sessions_delete_expired
DELETE FROM sessions WHERE expires_at <= $1;

-- name: newsroom_articles
-- Every article, drafts and scheduled ones included, newest first (the newsroom's list).
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description
FROM articles a JOIN sections s ON s.id = a.section_id
ORDER BY a.published_at DESC, a.id DESC LIMIT $1 OFFSET $2;

-- name: newsroom_articles_count
SELECT count(*) FROM articles;

-- name: newsroom_articles_matching
-- Headlines containing the text ($1 is a LIKE pattern with '\' escaping), newest first. The page is
-- chosen from a scan of the headline index (schema_010), which holds the dates too; only its rows are read.
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description
FROM (SELECT id, published_at FROM articles WHERE headline ILIKE $1 ESCAPE '\'
      ORDER BY published_at DESC, id DESC LIMIT $2 OFFSET $3) m
JOIN articles a ON a.id = m.id JOIN sections s ON s.id = a.section_id
ORDER BY m.published_at DESC, m.id DESC;

-- name: newsroom_articles_matching_count
SELECT count(*) FROM articles WHERE headline ILIKE $1 ESCAPE '\';

-- name: councils_current_by_slug_range
-- Current councils whose slug starts with a prefix ($1 <= slug < $2), for a place name typed in search.
SELECT id, gss_code, official_name, slug, type, nation, start_date, end_date FROM councils
WHERE slug COLLATE "C" >= $1 AND slug COLLATE "C" < $2 AND end_date = '' ORDER BY slug LIMIT $3;

-- name: councils_current_by_place
-- Current councils named "... of <place>" (London Borough of Newham, City of Edinburgh), for a place typed in search.
SELECT id, gss_code, official_name, slug, type, nation, start_date, end_date FROM councils
WHERE end_date = '' AND (slug LIKE '%-of-' || $1 OR slug LIKE '%-of-' || $1 || '-council') ORDER BY slug LIMIT $2;

-- name: councils_current_names
SELECT official_name FROM councils WHERE end_date = '' ORDER BY official_name;

-- name: council_by_gss
SELECT id, gss_code, official_name, slug, type, nation, start_date, end_date FROM councils WHERE gss_code = $1;

-- ---------------------------------------------------------------- change log (schema_011)

-- name: change_insert
INSERT INTO changes (at, names) VALUES ($1, $2) RETURNING seq;

-- name: changes_prune
DELETE FROM changes WHERE seq <= $1;

-- name: changes_since
SELECT seq, names FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2;

-- name: changes_by_seqs
-- See sql/sqlite/queries.sql. On PostgreSQL a seq is taken when the row is inserted, not when its
-- transaction commits, so a later seq can be visible before an earlier one.
SELECT seq, names FROM changes WHERE seq = ANY (string_to_array($1, ',')::bigint[]) ORDER BY seq;

-- name: changes_last_seq
SELECT coalesce(max(seq), 0) FROM changes;

-- name: changes_first_seq_after
-- The oldest change row kept, when it is past $1 + 1 (rows were pruned before a reader at $1 read
-- them); 0 otherwise. A missing seq with older rows still kept is not pruning: its transaction is still
-- open (PostgreSQL takes a seq at insert), or was rolled back.
SELECT CASE WHEN min(seq) > $1 + 1 THEN min(seq) ELSE 0 END FROM changes;

-- name: article_dependency_links
-- What an article's listing pages are: its section (kind 's'), authors ('u'), tags ('t') and councils ('c').
SELECT 's', section_id FROM articles WHERE id = $1
UNION ALL SELECT 'u', author_id FROM article_authors WHERE article_id = $1
UNION ALL SELECT 't', tag_id FROM article_tags WHERE article_id = $1
UNION ALL SELECT 'c', council_id FROM article_councils WHERE article_id = $1;

-- name: articles_due_between
-- Scheduled articles whose publication time passed in ($1, $2].
SELECT id FROM articles WHERE status <> 'draft' AND published_at > $1 AND published_at <= $2;

-- name: jobs_closing_between
-- Live adverts whose closing time passed in ($1, $2], with their employers.
SELECT id, employer_id FROM jobs WHERE status = 'live' AND closes_at > $1 AND closes_at <= $2;

-- name: job_close
UPDATE jobs SET status = 'closed', updated_at = $2 WHERE id = $1 AND status = 'live';

-- name: job_dependency_fields
SELECT j.employer_id, coalesce(e.council_id, 0), j.category FROM jobs j JOIN employers e ON e.id = j.employer_id
WHERE j.id = $1;

-- name: sitemap_articles_in_range
-- One sitemap part: the visible articles whose ids are in ($2, $3].
SELECT a.slug, s.slug, a.published_at, a.updated_at
FROM articles a JOIN sections s ON s.id = a.section_id
WHERE a.id > $2 AND a.id <= $3 AND a.status <> 'draft' AND a.published_at <= $1
ORDER BY a.id;

-- name: articles_max_id
SELECT coalesce(max(id), 0) FROM articles;

-- ---------------------------------------------------------------- related reading (schema_011)

-- name: related_ids
SELECT related_id FROM related_articles WHERE article_id = $1 ORDER BY position;

-- name: related_clear
DELETE FROM related_articles WHERE article_id = $1;

-- name: related_insert
INSERT INTO related_articles (article_id, position, related_id) VALUES ($1, $2, $3);

-- name: related_pending_add
INSERT INTO related_pending (article_id, priority, queued_at) VALUES ($1, $2, $3)
ON CONFLICT (article_id) DO UPDATE SET priority = GREATEST(related_pending.priority, excluded.priority);

-- name: related_pending_next
-- New, then edited, then the backlog; newest first within each (the newest are the most read).
SELECT p.article_id, p.priority FROM related_pending p JOIN articles a ON a.id = p.article_id
WHERE p.priority >= $2 ORDER BY p.priority DESC, a.published_at DESC, a.id DESC LIMIT $1;

-- name: related_pending_done
DELETE FROM related_pending WHERE article_id = $1;

-- name: related_pending_count
SELECT count(*) FROM related_pending;

-- name: related_done
-- True when the article has a stored list and is not waiting for a new one.
SELECT ((SELECT count(*) FROM related_pending WHERE article_id = $1) = 0)::int;

-- name: site_secret_insert
-- Keeps the first value stored under a name: two nodes making one at once agree on the first.
INSERT INTO site_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING;

-- name: site_secret
SELECT value FROM site_secrets WHERE name = $1;

-- ---------------------------------------------------------------- editing: versions, revisions, bin (schema_015)

-- name: article_editorial
-- What the newsroom keeps about an article beside its text: version, the "Updated" time readers see,
-- SEO fields, and when it went to the bin (0: not in it).
SELECT version, revised_at, seo_title, seo_description, canonical_url, deleted_at, coalesce(created_by, 0), submitted_at
FROM articles WHERE id = $1;

-- name: article_set_created_by
UPDATE articles SET created_by = $2 WHERE id = $1;

-- name: article_set_submitted
UPDATE articles SET submitted_at = $2 WHERE id = $1;

-- name: article_set_editorial
-- After a save: the next version, and the fields the newsroom sets. $2 is the version saved over.
UPDATE articles SET version = version + 1, revised_at = $3, seo_title = $4, seo_description = $5, canonical_url = $6
WHERE id = $1 AND version = $2;

-- name: article_set_seo
UPDATE articles SET seo_title = $2, seo_description = $3, canonical_url = $4 WHERE id = $1;

-- name: article_slug_remember
-- Before a new slug: the old address is kept (article_old_slugs) so links to it redirect.
INSERT INTO article_old_slugs (slug, article_id) SELECT slug, id FROM articles WHERE id = $1 AND slug <> $2
ON CONFLICT (slug) DO UPDATE SET article_id = excluded.article_id;

-- name: article_old_slug_forget
DELETE FROM article_old_slugs WHERE slug = $1;

-- name: article_id_by_old_slug
SELECT article_id FROM article_old_slugs WHERE slug = $1;

-- name: article_set_slug
UPDATE articles SET slug = $2 WHERE id = $1;

-- name: article_slug_owner
SELECT id FROM articles WHERE slug = $1;

-- name: article_set_deleted
UPDATE articles SET deleted_at = $2 WHERE id = $1;

-- name: articles_in_bin
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description, a.deleted_at
FROM articles a JOIN sections s ON s.id = a.section_id
WHERE a.deleted_at > 0 ORDER BY a.deleted_at DESC LIMIT $1;

-- name: articles_bin_expired
SELECT id FROM articles WHERE deleted_at > 0 AND deleted_at <= $1;

-- name: article_delete
DELETE FROM articles WHERE id = $1;

-- name: revision_insert
INSERT INTO article_revisions (article_id, version, saved_at, user_id, saved_by, headline, standfirst, body_markdown,
                               section, byline, tags, status, published_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
ON CONFLICT (article_id, version) DO NOTHING;

-- name: revisions_of
SELECT id, version, saved_at, saved_by, headline, standfirst, body_markdown, section, byline, tags, status,
       published_at
FROM article_revisions WHERE article_id = $1 ORDER BY version DESC LIMIT $2;

-- name: revision_by_version
SELECT id, version, saved_at, saved_by, headline, standfirst, body_markdown, section, byline, tags, status,
       published_at
FROM article_revisions WHERE article_id = $1 AND version = $2;

-- name: newsroom_articles_filtered
-- The newsroom's list with filters; each is ignored when its parameter is empty or 0: $1 status,
-- $2 section id, $3 author id, $4 published from, $5 published before, $6 headline LIKE pattern,
-- $9 created by (newsroom list) and $10 only drafts submitted for review.
-- Binned articles are left out (they are in the bin's own list). Headline words are matched in the
-- headline index (schema_010), so no article body is read to find them.
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description, a.submitted_at
FROM articles a JOIN sections s ON s.id = a.section_id
WHERE a.deleted_at = 0 AND ($1 = '' OR a.status = $1) AND ($2::bigint = 0 OR a.section_id = $2)
  AND ($3::bigint = 0 OR a.id IN (SELECT article_id FROM article_authors WHERE author_id = $3))
  AND ($4::bigint = 0 OR a.published_at >= $4) AND ($5::bigint = 0 OR a.published_at < $5)
  AND ($6 = '' OR a.id IN (SELECT id FROM articles WHERE headline ILIKE $6 ESCAPE '\')) AND ($9::bigint = 0 OR a.created_by = $9)
  AND ($10::bigint = 0 OR (a.status = 'draft' AND a.submitted_at > 0))
ORDER BY a.published_at DESC, a.id DESC LIMIT $7 OFFSET $8;

-- name: newsroom_articles_filtered_count
-- Counted in the covering index articles_newsroom (schema_015), not the table with its bodies.
SELECT count(*) FROM articles a
WHERE a.deleted_at = 0 AND ($1 = '' OR a.status = $1) AND ($2::bigint = 0 OR a.section_id = $2)
  AND ($3::bigint = 0 OR a.id IN (SELECT article_id FROM article_authors WHERE author_id = $3))
  AND ($4::bigint = 0 OR a.published_at >= $4) AND ($5::bigint = 0 OR a.published_at < $5)
  AND ($6 = '' OR a.id IN (SELECT id FROM articles WHERE headline ILIKE $6 ESCAPE '\')) AND ($7::bigint = 0 OR a.created_by = $7)
  AND ($8::bigint = 0 OR (a.status = 'draft' AND a.submitted_at > 0));

-- name: authors_all
SELECT id, name, slug, role, bio FROM authors ORDER BY name;

-- ---------------------------------------------------------------- people and audit (schema_015)

-- name: user_set_role
UPDATE users SET role = CASE WHEN $2 = 'owner' THEN 'editor' ELSE $2 END, is_owner = ($2 = 'owner')::int WHERE id = $1;

-- name: users_count_role
SELECT count(*) FROM users WHERE CASE WHEN is_owner = 1 THEN 'owner' ELSE role END = $1 AND disabled = 0;

-- name: invitation_insert
INSERT INTO invitations (token_hash, email, name, role, user_id, created_by, created_at, expires_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8);

-- name: invitation_lookup
SELECT email, name, role, coalesce(user_id, 0), expires_at FROM invitations WHERE token_hash = $1 AND expires_at > $2;

-- name: invitation_delete
DELETE FROM invitations WHERE token_hash = $1;

-- name: invitations_delete_expired
DELETE FROM invitations WHERE expires_at <= $1;

-- name: audit_insert
INSERT INTO audit_log (at, user_id, user_email, action, subject, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7);

-- name: audit_recent
SELECT id, at, user_email, action, subject, before, after FROM audit_log ORDER BY at DESC, id DESC LIMIT $1 OFFSET $2;

-- name: audit_count
SELECT count(*) FROM audit_log;

-- ---------------------------------------------------------------- sections, authors, tags by editors (schema_015)

-- name: section_update_description
UPDATE sections SET description = $2 WHERE id = $1;

-- name: tag_update_description
UPDATE tags SET description = $2 WHERE id = $1;

-- name: tags_all
SELECT id, name, slug, description FROM tags ORDER BY name LIMIT $1;

-- name: author_by_id
SELECT id, name, slug, role, bio FROM authors WHERE id = $1;

-- name: redirect_target
-- Where an old address now lives: the article's section slug, slug and publication time, when readers
-- may see it ($2 = now).
SELECT s.slug, a.slug, a.published_at
FROM redirects r JOIN articles a ON a.id = r.article_id JOIN sections s ON s.id = a.section_id
WHERE r.old_path = $1 AND a.status <> 'draft' AND a.published_at <= $2;

-- name: redirect_upsert
INSERT INTO redirects (old_path, article_id) VALUES ($1, $2)
ON CONFLICT (old_path) DO UPDATE SET article_id = excluded.article_id;

-- name: throttle_touch
INSERT INTO sign_in_throttle (key) VALUES ($1) ON CONFLICT (key) DO NOTHING;

-- name: throttle_begin
-- See sql/sqlite/queries.sql. Under READ COMMITTED, an UPDATE that waited for another's row lock checks
-- its WHERE again on the row as the other left it, so the limit holds across nodes.
UPDATE sign_in_throttle SET
  failures = CASE WHEN failures > 0 AND since + $3::bigint <= $2::bigint THEN 0 ELSE failures END,
  since = CASE WHEN failures > 0 AND since + $3::bigint <= $2::bigint THEN 0 ELSE since END,
  in_flight = CASE WHEN flight_at + 60 <= $2::bigint THEN 1 ELSE in_flight + 1 END,
  flight_at = $2::bigint
WHERE key = $1
  AND (CASE WHEN failures > 0 AND since + $3::bigint <= $2::bigint THEN 0 ELSE failures END)
    + (CASE WHEN flight_at + 60 <= $2::bigint THEN 0 ELSE in_flight END) < $4::integer;

-- name: throttle_state
SELECT failures, since, CASE WHEN flight_at + 60 <= $2::bigint THEN 0 ELSE in_flight END
FROM sign_in_throttle WHERE key = $1;

-- name: throttle_failed
UPDATE sign_in_throttle SET
  in_flight = GREATEST(in_flight - 1, 0),
  since = CASE WHEN failures = 0 THEN $2::bigint ELSE since END,
  failures = failures + 1
WHERE key = $1;

-- name: throttle_release
UPDATE sign_in_throttle SET in_flight = GREATEST(in_flight - 1, 0) WHERE key = $1;

-- name: throttle_delete
DELETE FROM sign_in_throttle WHERE key = $1;

-- name: throttle_delete_idle
DELETE FROM sign_in_throttle WHERE key = $1 AND failures = 0 AND in_flight = 0;

-- name: throttle_purge
DELETE FROM sign_in_throttle WHERE (failures = 0 OR since <= $1::bigint) AND (in_flight = 0 OR flight_at <= $2::bigint);
