-- The bulletin and job alerts: subscribers, mailings (one per edition), the outbox (one row per subscriber
-- and mailing: a restart after a crash sends the rest and nobody gets a second copy), single messages
-- (confirmations) and the lease that makes exactly one process send.
CREATE TABLE subscribers (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,          -- lower-cased
  name TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'confirmed', 'unsubscribed', 'bounced', 'complained')),
  daily INTEGER NOT NULL DEFAULT 1,
  weekly INTEGER NOT NULL DEFAULT 0,
  job_alerts INTEGER NOT NULL DEFAULT 0,
  alert_instant INTEGER NOT NULL DEFAULT 0,   -- alerts as adverts are published, not each morning
  alert_categories TEXT NOT NULL DEFAULT '',  -- category slugs, comma-separated
  alert_places TEXT NOT NULL DEFAULT '',      -- council slugs and region names, comma-separated
  alert_min_salary INTEGER NOT NULL DEFAULT 0,
  alert_keywords TEXT NOT NULL DEFAULT '',
  follow_councils TEXT NOT NULL DEFAULT '',   -- council slugs
  follow_sections TEXT NOT NULL DEFAULT '',   -- section slugs
  link_version INTEGER NOT NULL DEFAULT 1,    -- raised to revoke every link sent before
  created_at INTEGER NOT NULL,
  confirmed_at INTEGER,
  stopped_at INTEGER,
  stopped_reason TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT 'form'
);
CREATE INDEX subscribers_by_status ON subscribers (status, id);

CREATE TABLE mailings (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('daily', 'weekly', 'alerts', 'instant')),
  edition TEXT NOT NULL,                 -- the local date of the edition: 2026-12-02 (instant: 2026-12-02T09:15)
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'held', 'queued', 'sent', 'cancelled')),
  subject TEXT NOT NULL DEFAULT '',
  since INTEGER NOT NULL,                -- articles and adverts published in [since, until)
  until INTEGER NOT NULL,
  lead_article_id INTEGER,               -- pinned by an editor; NULL: the newest in the first section
  dropped TEXT NOT NULL DEFAULT '',      -- article ids left out by an editor
  item_order TEXT NOT NULL DEFAULT '',   -- article ids an editor moved, in their order
  created_at INTEGER NOT NULL,
  queued_at INTEGER,
  finished_at INTEGER,
  UNIQUE (kind, edition)
);

CREATE TABLE outbox (
  mailing_id INTEGER NOT NULL REFERENCES mailings (id),
  subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'dropped')),
  job_ids TEXT NOT NULL DEFAULT '',      -- the adverts chosen for this subscriber when it was queued
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  sent_at INTEGER,
  PRIMARY KEY (mailing_id, subscriber_id)
) WITHOUT ROWID;
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

-- Single messages to one subscriber (the confirmation link), sent before the outbox.
CREATE TABLE mail_notices (
  id INTEGER PRIMARY KEY,
  subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('confirm')),
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX mail_notices_due ON mail_notices (state, next_attempt_at);

-- Who may send now: one row, taken by a process when free or expired, renewed while it sends.
CREATE TABLE mail_lease (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
