-- Headline-only matching (related reading and near-duplicate checks) gets a vector of the headline
-- alone, with its own GIN index. A weight-A query on search_vector makes PostgreSQL recheck every row
-- that has the word anywhere in its text, reading that row's whole vector: for a common word, thousands
-- of full-body vectors per query (an uncached article page took 150 ms at 100k articles). The
-- SQLite twin of this version changes nothing: FTS5 matches a column by itself.
ALTER TABLE articles ADD COLUMN headline_vector tsvector;

CREATE OR REPLACE FUNCTION articles_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'draft' OR NEW.search_facets IS NULL THEN
    NEW.search_vector := NULL;
    NEW.headline_vector := NULL;
  ELSIF TG_OP = 'INSERT' OR NEW.search_vector IS NULL OR NEW.headline_vector IS NULL
        OR NEW.headline IS DISTINCT FROM OLD.headline OR NEW.standfirst IS DISTINCT FROM OLD.standfirst
        OR NEW.body_markdown IS DISTINCT FROM OLD.body_markdown THEN
    NEW.headline_vector := to_tsvector('gazette_english', NEW.headline);
    NEW.search_vector :=
      setweight(NEW.headline_vector, 'A') ||
      setweight(to_tsvector('gazette_english', NEW.standfirst), 'B') ||
      setweight(to_tsvector('gazette_english', NEW.body_markdown), 'C');
  END IF;
  RETURN NEW;
END $$;

-- Search vectors are compressed with LZ4 where the server has it (PostgreSQL 14 and later, built with
-- lz4, as Debian's is): a search reads thousands of them (the newest matches, ranked), and LZ4 reads
-- them several times faster than the default pglz (a common word's window of 2,000 newest matches at
-- 100,000 articles: 570 ms with pglz, 16 ms with LZ4, warm). A server without LZ4 keeps pglz.
DO $$
BEGIN
  ALTER TABLE articles ALTER COLUMN search_vector SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
  RAISE NOTICE 'lz4 is not available: search vectors stay compressed with pglz';
END $$;

-- Indexed articles get their headline vector without their search vector being made again; the
-- concatenation with an empty vector writes the search vector anew, so it is stored with LZ4.
UPDATE articles SET headline_vector = to_tsvector('gazette_english', headline),
                    search_vector = search_vector || ''::tsvector
WHERE search_vector IS NOT NULL;
CREATE INDEX articles_headline_search ON articles USING gin (headline_vector);
