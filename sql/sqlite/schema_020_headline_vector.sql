-- On PostgreSQL this version adds a full-text vector of the headline alone, for headline-only matching
-- (sql/postgresql/schema_020_headline_vector.sql). SQLite needs nothing: FTS5 matches the headline
-- column by itself. The version exists on both backends so that their numbers stay the same.
SELECT 1;
