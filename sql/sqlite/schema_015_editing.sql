-- Safe editing and the newsroom's people (issue 10): article versions and revisions, the reader-facing
-- "Updated" time, SEO fields, the bin, an owner role, one-time invitations and the audit log.

-- Every article carries the version an editor's save must name (a save over a newer one is refused);
-- `revised_at` is the time readers see as "Updated" (0: never marked as a significant update), apart
-- from updated_at, which moves on every write (sitemaps, feeds). SEO title and description replace the
-- headline and standfirst in <title> and meta tags when set; canonical_url points elsewhere when the
-- story was first published there. deleted_at > 0: in the bin (a draft, hidden from readers), purged
-- 30 days later.
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN revised_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN seo_title TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN seo_description TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN canonical_url TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN deleted_at INTEGER NOT NULL DEFAULT 0;
-- Who created it in the newsroom (a writer may edit only their own drafts; NULL for imports), and when
-- a writer submitted the draft for an editor's review (0: not submitted).
ALTER TABLE articles ADD COLUMN created_by INTEGER REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN submitted_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_in_bin ON articles (deleted_at) WHERE deleted_at > 0;
-- The newsroom's list, newest first, and its counts by status, section, date, creator and review,
-- read from this index alone rather than from the rows with their bodies.
CREATE INDEX articles_newsroom ON articles (deleted_at, published_at, status, section_id, created_by, submitted_at);
-- Addresses an article had before an editor changed its slug: they redirect to the current one.
CREATE TABLE article_old_slugs (
  slug TEXT PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Owners manage people. SQLite cannot change the role CHECK constraint in place, and making the users
-- table again would run the ON DELETE actions of every table that points at it (sessions, revisions,
-- other modules' rows), so an owner is stored as an editor with is_owner = 1; the queries read the role
-- as 'owner' (sql/sqlite/queries.sql), and nothing else sees the difference.
ALTER TABLE users ADD COLUMN is_owner INTEGER NOT NULL DEFAULT 0;

-- One row per saved version of an article's text. Imported articles have none until their first
-- edit, which first records the stored text as the version it replaces.
CREATE TABLE article_revisions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  saved_at INTEGER NOT NULL,
  user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  saved_by TEXT NOT NULL,  -- the name at the time ("import" for text that came from a file)
  headline TEXT NOT NULL,
  standfirst TEXT NOT NULL,
  body_markdown TEXT NOT NULL,
  section TEXT NOT NULL,
  byline TEXT NOT NULL,
  tags TEXT NOT NULL,
  status TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  UNIQUE (article_id, version)
);

-- An invitation: a one-time link (only its hash is kept) that lets the person set their password.
-- Also used for a password reset (user_id set).
CREATE TABLE invitations (
  token_hash TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;

-- Every change made in the newsroom: who, what, when, the state before and after (JSON text).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user_id INTEGER,
  user_email TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  before TEXT NOT NULL DEFAULT '',
  after TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_time ON audit_log (at DESC, id DESC);
