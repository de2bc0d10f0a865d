-- Adverts from recruiters (issue 10): the PostgreSQL twin of sql/sqlite/schema_018_recruiters.sql
-- (see that file for the reasons). The columns are the same on both backends: a pending or rejected
-- advert is stored with status 'draft' and its moderation state beside it.
ALTER TABLE employers ADD COLUMN trusted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE employers ADD COLUMN organisation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN employer_id BIGINT REFERENCES employers(id) ON DELETE SET NULL;
ALTER TABLE invitations ADD COLUMN employer_id BIGINT REFERENCES employers(id) ON DELETE SET NULL;
ALTER TABLE jobs ADD COLUMN moderation TEXT NOT NULL DEFAULT '' CHECK (moderation IN ('', 'pending', 'rejected'));
ALTER TABLE jobs ADD COLUMN rejection_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN posted_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
CREATE INDEX jobs_moderation ON jobs (moderation, updated_at, id) WHERE moderation <> '';
