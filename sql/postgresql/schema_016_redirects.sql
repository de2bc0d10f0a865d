-- PostgreSQL twin of sql/sqlite/schema_016.
-- Old addresses of imported articles (a WordPress permalink, "/2012/03/budget-agreed"), each answered
-- with a 301 to the article's Gazette address. The server looks here only when nothing else answers
-- a path, just before its 404. Paths are stored as the server normalises them: no trailing slash.
CREATE TABLE redirects (
  old_path   TEXT PRIMARY KEY,
  article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX redirects_article ON redirects (article_id);
