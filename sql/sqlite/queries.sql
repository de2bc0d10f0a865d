-- Every query Gazette runs on SQLite, by name. Parameters are bound by position (?1, ?2, ...).
-- Articles are visible to readers when they are not drafts and their publication time has come (?now).

-- name: meta_get
SELECT value FROM meta WHERE key = ?1;

-- name: meta_set
INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value;

-- name: content_version_bump
UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version';

-- name: section_by_slug
SELECT id, name, slug, description FROM sections WHERE slug = ?1;

-- name: section_insert
INSERT INTO sections (name, slug, description, position) VALUES (?1, ?2, ?3, ?4);

-- name: section_set_description
UPDATE sections SET description = ?2 WHERE id = ?1 AND description = '';

-- name: sections_all
SELECT id, name, slug, description FROM sections ORDER BY position, name;

-- name: author_by_slug
SELECT id, name, slug, role, bio FROM authors WHERE slug = ?1;

-- name: author_insert
INSERT INTO authors (name, slug, role, bio) VALUES (?1, ?2, ?3, ?4);

-- name: author_set_profile
UPDATE authors SET role = ?2, bio = ?3 WHERE id = ?1;

-- name: tag_by_slug
SELECT id, name, slug, description FROM tags WHERE slug = ?1;

-- name: tag_insert
INSERT INTO tags (name, slug, description) VALUES (?1, ?2, '');

-- name: article_id_by_dedupe_key
SELECT id FROM articles WHERE dedupe_key = ?1;

-- name: article_id_by_dedupe_prefix
SELECT id, dedupe_key FROM articles WHERE dedupe_key >= ?1 AND dedupe_key < ?2 ORDER BY id LIMIT 1;

-- name: article_slug_taken
SELECT 1 FROM articles WHERE slug = ?1;

-- name: article_insert
INSERT INTO articles (slug, dedupe_key, headline, standfirst, body_markdown, body_html, section_id, status,
                      published_at, updated_at, source_url, word_count)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12);

-- name: article_set_date
UPDATE articles SET published_at = ?2, updated_at = ?3, dedupe_key = ?4 WHERE id = ?1;

-- name: article_author_insert
INSERT OR IGNORE INTO article_authors (article_id, author_id, position) VALUES (?1, ?2, ?3);

-- name: article_tag_insert
INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?1, ?2);

-- name: article_by_slug
SELECT a.id, a.slug, a.headline, a.standfirst, a.body_markdown, a.body_html, a.status, a.published_at,
       a.updated_at, a.source_url, a.word_count, s.id, s.name, s.slug, s.description
FROM articles a JOIN sections s ON s.id = a.section_id
WHERE a.slug = ?1 AND a.status <> 'draft' AND a.published_at <= ?2;

-- name: article_authors
SELECT au.id, au.name, au.slug, au.role, au.bio
FROM article_authors aa JOIN authors au ON au.id = aa.author_id
WHERE aa.article_id = ?1 ORDER BY aa.position;

-- name: article_tags
SELECT t.id, t.name, t.slug, t.description
FROM article_tags at JOIN tags t ON t.id = at.tag_id
WHERE at.article_id = ?1 ORDER BY t.name;

-- name: articles_latest
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description
FROM articles a JOIN sections s ON s.id = a.section_id
WHERE a.status <> 'draft' AND a.published_at <= ?1
ORDER BY a.published_at DESC, a.id DESC LIMIT ?2 OFFSET ?3;

-- name: articles_latest_count
SELECT count(*) FROM articles WHERE status <> 'draft' AND published_at <= ?1;

-- name: articles_by_section
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description
FROM articles a JOIN sections s ON s.id = a.section_id
WHERE a.section_id = ?4 AND a.status <> 'draft' AND a.published_at <= ?1
ORDER BY a.published_at DESC, a.id DESC LIMIT ?2 OFFSET ?3;

-- name: articles_by_section_count
SELECT count(*) FROM articles WHERE section_id = ?2 AND status <> 'draft' AND published_at <= ?1;

-- name: articles_by_author
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description
FROM article_authors aa JOIN articles a ON a.id = aa.article_id JOIN sections s ON s.id = a.section_id
WHERE aa.author_id = ?4 AND a.status <> 'draft' AND a.published_at <= ?1
ORDER BY a.published_at DESC, a.id DESC LIMIT ?2 OFFSET ?3;

-- name: articles_by_author_count
SELECT count(*) FROM article_authors aa JOIN articles a ON a.id = aa.article_id
WHERE aa.author_id = ?2 AND a.status <> 'draft' AND a.published_at <= ?1;

-- name: articles_by_tag
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description
FROM article_tags at JOIN articles a ON a.id = at.article_id JOIN sections s ON s.id = a.section_id
WHERE at.tag_id = ?4 AND a.status <> 'draft' AND a.published_at <= ?1
ORDER BY a.published_at DESC, a.id DESC LIMIT ?2 OFFSET ?3;

-- name: articles_by_tag_count
SELECT count(*) FROM article_tags at JOIN articles a ON a.id = at.article_id
WHERE at.tag_id = ?2 AND a.status <> 'draft' AND a.published_at <= ?1;

-- name: articles_other_sections
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description
FROM articles a JOIN sections s ON s.id = a.section_id
WHERE a.section_id <> ?4 AND a.status <> 'draft' AND a.published_at <= ?1
ORDER BY a.published_at DESC, a.id DESC LIMIT ?2 OFFSET ?3;

-- name: sitemap_articles
SELECT a.slug, s.slug, a.published_at, a.updated_at
FROM articles a JOIN sections s ON s.id = a.section_id
WHERE a.status <> 'draft' AND a.published_at <= ?1
ORDER BY a.id LIMIT ?2 OFFSET ?3;

-- name: next_scheduled_time
SELECT min(published_at) FROM articles WHERE status <> 'draft' AND published_at > ?1;

-- name: advert_insert
INSERT OR IGNORE INTO pending_adverts (dedupe_key, title, employer, salary_text, snippet, recruiter,
                                       category_heading, source, imported_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9);

-- name: schema_version
SELECT max(version) FROM schema_migrations;

-- name: schema_version_record
INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2);
