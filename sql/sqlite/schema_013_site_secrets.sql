-- Secrets the site keeps for itself, shared by every node on the database: the key that signs the
-- sign-in form's CSRF token. Made on first use, by whichever node asks first (INSERT OR IGNORE).
CREATE TABLE site_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
