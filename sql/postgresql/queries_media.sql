-- Pictures (schema_017): the media library, lead images, body images, authors' photos and
-- employers' logos. Read with queries.sql, in the same name space (store/sql_catalog.cpp).
-- Columns of a media row, in this order, in every query that returns one:
-- id, hash, format, width, height, bytes, widths, name, alt, credit, created_at, updated_at.

-- name: media_insert
INSERT INTO media (hash, format, width, height, bytes, widths, name, alt, credit, uploaded_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id;

-- name: media_by_id
SELECT id, hash, format, width, height, bytes, widths, name, alt, credit, created_at, updated_at
FROM media WHERE id = $1;

-- name: media_by_hash
SELECT id, hash, format, width, height, bytes, widths, name, alt, credit, created_at, updated_at
FROM media WHERE hash = $1 ORDER BY id LIMIT 1;

-- name: media_find
-- Newest first; $1 '' lists everything, otherwise name or alt text containing it (ASCII case ignored).
SELECT id, hash, format, width, height, bytes, widths, name, alt, credit, created_at, updated_at
FROM media WHERE $1 = '' OR strpos(lower(name), lower($1)) > 0 OR strpos(lower(alt), lower($1)) > 0
ORDER BY updated_at DESC, id DESC LIMIT $2 OFFSET $3;

-- name: media_count
SELECT count(*) FROM media WHERE $1 = '' OR strpos(lower(name), lower($1)) > 0 OR strpos(lower(alt), lower($1)) > 0;

-- name: media_replace_file
UPDATE media SET hash = $2, format = $3, width = $4, height = $5, bytes = $6, widths = $7, updated_at = $8
WHERE id = $1;

-- name: media_set_details
UPDATE media SET alt = $2, credit = $3 WHERE id = $1;

-- name: media_usage
-- Where a picture is used: articles, as lead image ('lead') or in the body ('body'), newest first;
-- then authors ('author': id, name, slug) and employers ('employer': id, name, slug).
SELECT * FROM (
  SELECT a.id, a.headline, a.status, a.published_at, 'lead' FROM article_lead_images l
  JOIN articles a ON a.id = l.article_id WHERE l.media_id = $1
  UNION ALL
  SELECT a.id, a.headline, a.status, a.published_at, 'body' FROM article_body_media b
  JOIN articles a ON a.id = b.article_id WHERE b.media_id = $1
  ORDER BY 4 DESC, 1 DESC) used
UNION ALL
SELECT au.id, au.name, au.slug, 0::bigint, 'author' FROM author_photos p JOIN authors au ON au.id = p.author_id
WHERE p.media_id = $1
UNION ALL
SELECT e.id, e.name, e.slug, 0::bigint, 'employer' FROM employer_logos g JOIN employers e ON e.id = g.employer_id
WHERE g.media_id = $1;

-- name: author_photo
SELECT m.id, m.hash, m.format, m.width, m.height, m.bytes, m.widths, m.name, m.alt, m.credit, m.created_at,
       m.updated_at
FROM author_photos p JOIN media m ON m.id = p.media_id WHERE p.author_id = $1;

-- name: author_photo_set
INSERT INTO author_photos (author_id, media_id) VALUES ($1, $2)
ON CONFLICT (author_id) DO UPDATE SET media_id = excluded.media_id;

-- name: author_photo_clear
DELETE FROM author_photos WHERE author_id = $1;

-- name: employer_logo
SELECT m.id, m.hash, m.format, m.width, m.height, m.bytes, m.widths, m.name, m.alt, m.credit, m.created_at,
       m.updated_at
FROM employer_logos g JOIN media m ON m.id = g.media_id WHERE g.employer_id = $1;

-- name: employer_logo_set
INSERT INTO employer_logos (employer_id, media_id) VALUES ($1, $2)
ON CONFLICT (employer_id) DO UPDATE SET media_id = excluded.media_id;

-- name: employer_logo_clear
DELETE FROM employer_logos WHERE employer_id = $1;

-- name: employer_job_ids
SELECT id FROM jobs WHERE employer_id = $1;

-- name: article_lead_image
SELECT m.id, m.hash, m.format, m.width, m.height, m.bytes, m.widths, m.name, l.alt, l.credit, m.created_at,
       m.updated_at, l.caption
FROM article_lead_images l JOIN media m ON m.id = l.media_id WHERE l.article_id = $1;

-- name: article_lead_images_of_many
SELECT m.id, m.hash, m.format, m.width, m.height, m.bytes, m.widths, m.name, l.alt, l.credit, m.created_at,
       m.updated_at, l.caption, l.article_id
FROM article_lead_images l JOIN media m ON m.id = l.media_id
WHERE l.article_id = ANY (string_to_array($1, ',')::bigint[]);

-- name: article_lead_image_set
INSERT INTO article_lead_images (article_id, media_id, alt, caption, credit) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (article_id) DO UPDATE SET media_id = excluded.media_id, alt = excluded.alt,
  caption = excluded.caption, credit = excluded.credit;

-- name: article_lead_image_clear
DELETE FROM article_lead_images WHERE article_id = $1;

-- name: article_body_media_clear
DELETE FROM article_body_media WHERE article_id = $1;

-- name: article_body_media_add
INSERT INTO article_body_media (media_id, article_id) VALUES ($1, $2) ON CONFLICT DO NOTHING;
