-- PostgreSQL twin of sql/sqlite/queries_recruiters.sql. Adverts from recruiters (issue 10, schema_018): organisations, a recruiter's organisation, adverts
-- posted and edited in the newsroom, and the editors' moderation queue. Read by src/store/advert_store.cpp.

-- name: organisations_all
-- Every organisation with its number of recruiters, by name.
SELECT e.id, e.name, e.slug, e.trusted, (SELECT count(*) FROM users u WHERE u.employer_id = e.id)
FROM employers e WHERE e.organisation = 1 ORDER BY lower(e.name), e.id;

-- name: organisation_by_id
SELECT e.id, e.name, e.slug, e.trusted, (SELECT count(*) FROM users u WHERE u.employer_id = e.id)
FROM employers e WHERE e.id = $1 AND e.organisation = 1;

-- name: organisation_mark
-- An employer (new, or known from imports) becomes an organisation recruiters may belong to.
UPDATE employers SET organisation = 1 WHERE id = $1;

-- name: organisation_set_trusted
UPDATE employers SET trusted = $2 WHERE id = $1 AND organisation = 1;

-- name: user_organisation
SELECT coalesce(employer_id, 0) FROM users WHERE id = $1;

-- name: user_set_organisation
UPDATE users SET employer_id = nullif($2, 0) WHERE id = $1;

-- name: users_organisations
-- Every user's organisation (0: none), for the people screen.
SELECT id, coalesce(employer_id, 0) FROM users;

-- name: invitation_set_organisation
UPDATE invitations SET employer_id = nullif($2, 0) WHERE token_hash = $1;

-- name: invitation_organisation
SELECT coalesce(employer_id, 0) FROM invitations WHERE token_hash = $1;

-- name: advert_state
-- What the newsroom knows of an advert beyond the board's fields: its moderation state ('' once
-- approved or for imports), the reason it was rejected, who posted it (0: an import) and its source.
SELECT moderation, rejection_reason, coalesce(posted_by, 0), source FROM jobs WHERE id = $1;

-- name: advert_set_posted
UPDATE jobs SET posted_by = nullif($2, 0), moderation = $3 WHERE id = $1;

-- name: advert_set_state
UPDATE jobs SET status = $2, moderation = $3, rejection_reason = $4, updated_at = $5 WHERE id = $1;

-- name: advert_update
UPDATE jobs SET slug = $2, title = $3, location = $4, region = $5, salary_text = $6, salary_parsed = $7,
                salary_min = $8, salary_max = $9, salary_currency = $10, salary_period = $11, salary_pro_rata = $12,
                salary_annual_min = $13, salary_annual_max = $14, contract = $15, hours = $16, category = $17,
                category_set_by = $18, closing_date = $19, closes_at = $20, description_markdown = $21,
                description_html = $22, apply_url = $23, apply_email = $24, employer_reference = $25, status = $26,
                moderation = $27, rejection_reason = $28, updated_at = $29
WHERE id = $1;

-- name: advert_set_category
-- An editor's choice of category: recorded as set by an editor, so classifying by keywords never
-- replaces it.
UPDATE jobs SET category = $2, category_set_by = 'editor', updated_at = $3 WHERE id = $1;

-- name: adverts_of_employer
-- An organisation's adverts, newest change first, with the status the newsroom shows.
SELECT j.id, j.title, CASE WHEN j.moderation <> '' THEN j.moderation ELSE j.status END, j.rejection_reason,
       j.closing_date, j.updated_at, j.slug, e.name
FROM jobs j JOIN employers e ON e.id = j.employer_id
WHERE j.employer_id = $1 ORDER BY j.updated_at DESC, j.id DESC LIMIT $2 OFFSET $3;

-- name: adverts_pending
-- The editors' moderation queue, oldest first.
SELECT j.id, j.title, j.moderation, j.rejection_reason, j.closing_date, j.updated_at, j.slug, e.name
FROM jobs j JOIN employers e ON e.id = j.employer_id
WHERE j.moderation = 'pending' ORDER BY j.updated_at, j.id LIMIT $1;

-- name: adverts_from_newsroom
-- Adverts posted in the newsroom by any organisation, newest change first (what editors look after).
SELECT j.id, j.title, CASE WHEN j.moderation <> '' THEN j.moderation ELSE j.status END, j.rejection_reason,
       j.closing_date, j.updated_at, j.slug, e.name
FROM jobs j JOIN employers e ON e.id = j.employer_id
WHERE j.source = 'newsroom' ORDER BY j.updated_at DESC, j.id DESC LIMIT $1 OFFSET $2;
