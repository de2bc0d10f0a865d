-- The recency key (publication time * 2^20 + id mod 2^20), as sql/sqlite/schema_006: search takes the
-- newest matches by it and ranks a bounded window of them.
ALTER TABLE articles ADD COLUMN sort_key BIGINT;
UPDATE articles SET sort_key = published_at * 1048576 + (id % 1048576);
CREATE UNIQUE INDEX articles_by_sort_key ON articles (sort_key, status, published_at, section_id, id);
