-- Failed sign-ins counted in the database: the PostgreSQL twin of
-- sql/sqlite/schema_019_sign_in_throttle.sql (see that file for the columns).
CREATE TABLE sign_in_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL DEFAULT 0,
  since BIGINT NOT NULL DEFAULT 0,
  in_flight INTEGER NOT NULL DEFAULT 0,
  flight_at BIGINT NOT NULL DEFAULT 0
);
