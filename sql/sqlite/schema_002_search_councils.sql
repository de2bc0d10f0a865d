-- Full-text search over articles (FTS5, kept in step by triggers inside the writing transaction),
-- the councils register and which councils each article mentions.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  headline, standfirst, body_markdown,
  content = 'articles', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, headline, standfirst, body_markdown)
  VALUES (new.id, new.headline, new.standfirst, new.body_markdown);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, headline, standfirst, body_markdown)
  VALUES ('delete', old.id, old.headline, old.standfirst, old.body_markdown);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, standfirst, body_markdown ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, headline, standfirst, body_markdown)
  VALUES ('delete', old.id, old.headline, old.standfirst, old.body_markdown);
  INSERT INTO articles_fts (rowid, headline, standfirst, body_markdown)
  VALUES (new.id, new.headline, new.standfirst, new.body_markdown);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

CREATE TABLE councils (
  id            INTEGER PRIMARY KEY,
  gss_code      TEXT NOT NULL UNIQUE,
  official_name TEXT NOT NULL,
  slug          TEXT NOT NULL UNIQUE,
  type          TEXT NOT NULL DEFAULT '',
  nation        TEXT NOT NULL DEFAULT '',
  start_date    TEXT NOT NULL DEFAULT '',
  end_date      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE article_councils (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  council_id INTEGER NOT NULL REFERENCES councils (id),
  mentions   INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (article_id, council_id)
) WITHOUT ROWID;
CREATE INDEX article_councils_by_council ON article_councils (council_id, article_id);
