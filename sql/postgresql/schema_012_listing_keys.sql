-- Author, tag and council listings stream from their link tables (as sql/sqlite/schema_012): each link
-- carries its article's publication time and whether readers may see it, kept by triggers.
ALTER TABLE article_authors ADD COLUMN published_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE article_authors ADD COLUMN listed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE article_tags ADD COLUMN published_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE article_tags ADD COLUMN listed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE article_councils ADD COLUMN published_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE article_councils ADD COLUMN listed INTEGER NOT NULL DEFAULT 0;

UPDATE article_authors l SET published_at = a.published_at, listed = (a.status <> 'draft')::int
  FROM articles a WHERE a.id = l.article_id;
UPDATE article_tags l SET published_at = a.published_at, listed = (a.status <> 'draft')::int
  FROM articles a WHERE a.id = l.article_id;
UPDATE article_councils l SET published_at = a.published_at, listed = (a.status <> 'draft')::int
  FROM articles a WHERE a.id = l.article_id;

DROP INDEX article_authors_by_author;
DROP INDEX article_tags_by_tag;
DROP INDEX article_councils_by_council;
CREATE INDEX article_authors_listing ON article_authors (author_id, listed, published_at DESC, article_id DESC);
CREATE INDEX article_tags_listing ON article_tags (tag_id, listed, published_at DESC, article_id DESC);
CREATE INDEX article_councils_listing ON article_councils (council_id, listed, published_at DESC, article_id DESC);

-- A new link takes its article's key before it is written.
CREATE FUNCTION link_listing_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT a.published_at, (a.status <> 'draft')::int INTO NEW.published_at, NEW.listed
  FROM articles a WHERE a.id = NEW.article_id;
  RETURN NEW;
END $$;
CREATE TRIGGER article_authors_listing_key BEFORE INSERT ON article_authors
  FOR EACH ROW EXECUTE FUNCTION link_listing_key();
CREATE TRIGGER article_tags_listing_key BEFORE INSERT ON article_tags
  FOR EACH ROW EXECUTE FUNCTION link_listing_key();
CREATE TRIGGER article_councils_listing_key BEFORE INSERT ON article_councils
  FOR EACH ROW EXECUTE FUNCTION link_listing_key();

CREATE FUNCTION articles_listing_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status OR NEW.published_at IS DISTINCT FROM OLD.published_at THEN
    UPDATE article_authors SET published_at = NEW.published_at, listed = (NEW.status <> 'draft')::int WHERE article_id = NEW.id;
    UPDATE article_tags SET published_at = NEW.published_at, listed = (NEW.status <> 'draft')::int WHERE article_id = NEW.id;
    UPDATE article_councils SET published_at = NEW.published_at, listed = (NEW.status <> 'draft')::int WHERE article_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER articles_listing_keys AFTER UPDATE OF status, published_at ON articles
  FOR EACH ROW EXECUTE FUNCTION articles_listing_keys();
