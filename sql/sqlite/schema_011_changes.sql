-- The change log: every write names what it changed ("a42" an article, "s3" a section's listing,
-- "jobs" the jobs board, ...; see src/content/dependencies.h), in the same transaction as the write.
-- Each serving node reads the rows after the last one it saw and makes stale only the cached pages
-- that depend on those names. Old rows are pruned by the writers; a node that finds a gap in the
-- sequence (it was stopped or fell far behind) makes its whole cache stale.
CREATE TABLE changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  names TEXT NOT NULL
);

-- Related reading ("You may have missed") is computed when an article is written and stored here, so
-- an article page reads it with one query. `related_pending` holds articles whose list must be
-- (re)computed, by priority: 2 a new article (whose related articles may now list it in turn, so they
-- are queued after it), 1 an edited one, 0 the backlog of an imported or upgraded archive.
CREATE TABLE related_articles (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  related_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, position)
) WITHOUT ROWID;

CREATE TABLE related_pending (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  priority INTEGER NOT NULL DEFAULT 0,
  queued_at INTEGER NOT NULL
);

-- Every stored article still needs its list.
INSERT INTO related_pending (article_id, priority, queued_at)
SELECT id, 0, CAST(strftime('%s', 'now') AS INTEGER) FROM articles;
