-- The newsroom's people and their signed-in sessions.
--
-- Passwords are stored only as libsodium argon2id strings (salt and cost parameters included). A
-- session is a random 32-byte token held by the browser in an HttpOnly cookie; the database keeps only
-- its BLAKE2b hash, so a copy of the database does not let anyone sign in. Each session has its own
-- CSRF token, which every form in the newsroom carries back.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('editor', 'writer', 'recruiter')),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- The newsroom finds articles by words in the headline (LIKE '%...%'): scanning this index reads the
-- headlines and dates alone, not the whole articles table with its bodies, and sorts the matches
-- before any article row is read.
CREATE INDEX articles_headline ON articles (headline, published_at);
