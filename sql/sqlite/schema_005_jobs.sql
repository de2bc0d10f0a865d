-- The jobs board: employers (linked to a council when they are one) and adverts with parsed salaries.
CREATE TABLE employers (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  slug       TEXT NOT NULL UNIQUE,
  council_id INTEGER REFERENCES councils (id)
);

CREATE TABLE jobs (
  id                   INTEGER PRIMARY KEY,
  reference            TEXT NOT NULL UNIQUE,  -- stable identity for feeds and re-imports
  slug                 TEXT NOT NULL,
  title                TEXT NOT NULL,
  employer_id          INTEGER NOT NULL REFERENCES employers (id),
  location             TEXT NOT NULL DEFAULT '',
  region               TEXT NOT NULL DEFAULT '',
  salary_text          TEXT NOT NULL DEFAULT '',
  salary_parsed        INTEGER NOT NULL DEFAULT 0,
  salary_min           REAL,
  salary_max           REAL,
  salary_currency      TEXT NOT NULL DEFAULT 'GBP',
  salary_period        TEXT NOT NULL DEFAULT '',
  salary_pro_rata      INTEGER NOT NULL DEFAULT 0,
  salary_annual_min    REAL,
  salary_annual_max    REAL,
  contract             TEXT NOT NULL DEFAULT ''
                       CHECK (contract IN ('', 'permanent', 'fixed-term', 'temporary', 'secondment', 'interim')),
  hours                TEXT NOT NULL DEFAULT '' CHECK (hours IN ('', 'full-time', 'part-time', 'flexible')),
  category             TEXT NOT NULL DEFAULT '',
  category_set_by      TEXT NOT NULL DEFAULT 'auto' CHECK (category_set_by IN ('auto', 'advert', 'editor')),
  closing_date         TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD
  closes_at            INTEGER,                   -- end of the closing day, Unix seconds (UTC)
  posted_at            INTEGER NOT NULL,
  description_markdown TEXT NOT NULL DEFAULT '',
  description_html     TEXT NOT NULL DEFAULT '',
  apply_url            TEXT NOT NULL DEFAULT '',
  apply_email          TEXT NOT NULL DEFAULT '',
  employer_reference   TEXT NOT NULL DEFAULT '',
  status               TEXT NOT NULL DEFAULT 'live' CHECK (status IN ('draft', 'live', 'closed', 'filled')),
  featured             INTEGER NOT NULL DEFAULT 0,
  source               TEXT NOT NULL DEFAULT '',
  updated_at           INTEGER NOT NULL
);
CREATE INDEX jobs_by_posted ON jobs (posted_at DESC, id DESC, status, closes_at);
CREATE INDEX jobs_by_employer ON jobs (employer_id, posted_at DESC);

CREATE VIRTUAL TABLE jobs_fts USING fts5(
  title, description_markdown,
  content = 'jobs', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER jobs_fts_insert AFTER INSERT ON jobs BEGIN
  INSERT INTO jobs_fts (rowid, title, description_markdown) VALUES (new.id, new.title, new.description_markdown);
END;
CREATE TRIGGER jobs_fts_delete AFTER DELETE ON jobs BEGIN
  INSERT INTO jobs_fts (jobs_fts, rowid, title, description_markdown)
  VALUES ('delete', old.id, old.title, old.description_markdown);
END;
CREATE TRIGGER jobs_fts_update AFTER UPDATE OF title, description_markdown ON jobs BEGIN
  INSERT INTO jobs_fts (jobs_fts, rowid, title, description_markdown)
  VALUES ('delete', old.id, old.title, old.description_markdown);
  INSERT INTO jobs_fts (rowid, title, description_markdown) VALUES (new.id, new.title, new.description_markdown);
END;
