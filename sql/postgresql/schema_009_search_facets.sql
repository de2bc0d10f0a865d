-- Filter words (as sql/sqlite/schema_009): `search_facets` is written once an article's links are,
-- and only then, and only when it is not a draft, does the article have a search vector. Searches
-- filter on section, author and council by their columns and link tables, so the words themselves
-- are not indexed here; drafts are never in the index.
ALTER TABLE articles ADD COLUMN search_facets TEXT;
UPDATE articles SET search_facets = 'zs' || section_id
  || coalesce((SELECT string_agg(' za' || author_id, '') FROM article_authors WHERE article_id = articles.id), '')
  || coalesce((SELECT string_agg(' zc' || council_id, '') FROM article_councils WHERE article_id = articles.id), '');

CREATE OR REPLACE FUNCTION articles_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'draft' OR NEW.search_facets IS NULL THEN
    NEW.search_vector := NULL;
  ELSIF TG_OP = 'INSERT' OR NEW.search_vector IS NULL OR NEW.headline IS DISTINCT FROM OLD.headline
        OR NEW.standfirst IS DISTINCT FROM OLD.standfirst OR NEW.body_markdown IS DISTINCT FROM OLD.body_markdown THEN
    NEW.search_vector :=
      setweight(to_tsvector('gazette_english', NEW.headline), 'A') ||
      setweight(to_tsvector('gazette_english', NEW.standfirst), 'B') ||
      setweight(to_tsvector('gazette_english', NEW.body_markdown), 'C');
  END IF;
  RETURN NEW;
END $$;
-- Setting the vector to NULL makes the trigger write it again (or leave it out, for drafts).
UPDATE articles SET search_vector = NULL;
-- Newest matches first: the recency key of visible, indexed articles.
CREATE INDEX articles_searchable_by_key ON articles (sort_key) WHERE search_vector IS NOT NULL;
