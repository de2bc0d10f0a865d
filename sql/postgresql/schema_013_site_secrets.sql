-- Secrets the site keeps for itself, shared by every node on the database (as sql/sqlite/schema_013).
CREATE TABLE site_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
