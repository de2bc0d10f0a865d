-- Failed sign-ins, counted in the database so that every node of a cluster (and every process on one
-- machine) shares one count per email address and per client address (accounts::SignInThrottle).
-- `key` is the kind and the value ('account:ann@example.org', 'address:192.0.2.1'). A window starts at
-- the first failure (`since`); `in_flight` counts attempts checked but not yet ended, so parallel tries
-- count against the limit; an attempt still in flight after a minute (its process died) is forgotten.
CREATE TABLE sign_in_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL DEFAULT 0,
  since INTEGER NOT NULL DEFAULT 0,
  in_flight INTEGER NOT NULL DEFAULT 0,
  flight_at INTEGER NOT NULL DEFAULT 0
);
