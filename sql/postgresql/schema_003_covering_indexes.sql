-- Listing queries filter on status as well as date (as sql/sqlite/schema_003).
DROP INDEX articles_by_date;
DROP INDEX articles_by_section;
CREATE INDEX articles_by_date ON articles (published_at DESC, id DESC, status);
CREATE INDEX articles_by_section ON articles (section_id, published_at DESC, id DESC, status);
CREATE INDEX articles_visibility ON articles (id, status, published_at, section_id);
