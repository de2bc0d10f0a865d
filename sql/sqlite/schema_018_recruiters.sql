-- Adverts from recruiters (issue 10): an organisation is an employer of the jobs board, trusted or not;
-- a recruiter belongs to one; an advert a recruiter posts waits for an editor unless its organisation
-- is trusted, and an editor may reject it with a reason the recruiter reads.

-- Trusted organisations' adverts go live at once; others wait in the moderation queue.
ALTER TABLE employers ADD COLUMN trusted INTEGER NOT NULL DEFAULT 0;
-- 1: an organisation recruiters may belong to (made or chosen in the newsroom); every other employer
-- came from an import and is only a name on the board.
ALTER TABLE employers ADD COLUMN organisation INTEGER NOT NULL DEFAULT 0;
-- A recruiter's organisation (NULL: none yet, so nothing to post for), and the one an invitation
-- gives the account it makes.
ALTER TABLE users ADD COLUMN employer_id INTEGER REFERENCES employers(id) ON DELETE SET NULL;
ALTER TABLE invitations ADD COLUMN employer_id INTEGER REFERENCES employers(id) ON DELETE SET NULL;

-- Moderation. SQLite cannot change jobs.status's CHECK constraint in place, and making the jobs table
-- again would rebuild its full-text index and triggers, so an advert waiting for an editor ('pending')
-- or turned down ('rejected') is stored with status 'draft', which every public query already hides,
-- and `moderation` says which; the newsroom reads the status as the moderation state when it is set.
-- The same columns exist on PostgreSQL, so both backends behave alike.
ALTER TABLE jobs ADD COLUMN moderation TEXT NOT NULL DEFAULT '' CHECK (moderation IN ('', 'pending', 'rejected'));
ALTER TABLE jobs ADD COLUMN rejection_reason TEXT NOT NULL DEFAULT '';
-- Who posted an advert in the newsroom (NULL for imports).
ALTER TABLE jobs ADD COLUMN posted_by INTEGER REFERENCES users(id) ON DELETE SET NULL;
-- The editors' queue, oldest first, read from this index alone.
CREATE INDEX jobs_moderation ON jobs (moderation, updated_at, id) WHERE moderation <> '';
