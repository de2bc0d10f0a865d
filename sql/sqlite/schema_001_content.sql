-- Articles, authors, sections and tags; the content version that drives the page cache.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('content_version', '1');

CREATE TABLE sections (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  slug        TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  position    INTEGER NOT NULL DEFAULT 100
);

CREATE TABLE authors (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL DEFAULT '',
  bio  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE tags (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  slug        TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  slug          TEXT NOT NULL UNIQUE,
  -- Identity used by importers to recognise an article they have seen: headline slug + date.
  dedupe_key    TEXT NOT NULL UNIQUE,
  headline      TEXT NOT NULL,
  standfirst    TEXT NOT NULL DEFAULT '',
  body_markdown TEXT NOT NULL DEFAULT '',
  body_html     TEXT NOT NULL DEFAULT '',
  section_id    INTEGER NOT NULL REFERENCES sections (id),
  status        TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'scheduled', 'published')),
  published_at  INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  source_url    TEXT NOT NULL DEFAULT '',
  word_count    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_by_date ON articles (published_at DESC, id DESC);
CREATE INDEX articles_by_section ON articles (section_id, published_at DESC, id DESC);

CREATE TABLE article_authors (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  author_id  INTEGER NOT NULL REFERENCES authors (id),
  position   INTEGER NOT NULL,
  PRIMARY KEY (article_id, author_id)
) WITHOUT ROWID;
CREATE INDEX article_authors_by_author ON article_authors (author_id, article_id);

CREATE TABLE article_tags (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  tag_id     INTEGER NOT NULL REFERENCES tags (id),
  PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);

-- Job adverts found in listing dumps, kept until the jobs board stores them properly.
CREATE TABLE pending_adverts (
  id               INTEGER PRIMARY KEY,
  dedupe_key       TEXT NOT NULL UNIQUE,
  title            TEXT NOT NULL,
  employer         TEXT NOT NULL DEFAULT '',
  salary_text      TEXT NOT NULL DEFAULT '',
  snippet          TEXT NOT NULL DEFAULT '',
  recruiter        TEXT NOT NULL DEFAULT '',
  category_heading TEXT NOT NULL DEFAULT '',
  source           TEXT NOT NULL DEFAULT '',
  imported_at      INTEGER NOT NULL
);
