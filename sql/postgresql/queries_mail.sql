-- The bulletin and job alerts (src/store/mail_store.cpp). Parameters are bound by position ($1, $2, ...).

-- name: subscriber_by_email
SELECT id, email, name, status, daily, weekly, job_alerts, alert_instant, alert_categories, alert_places, alert_min_salary,
       alert_keywords, follow_councils, follow_sections, link_version, created_at, coalesce(confirmed_at, 0),
       coalesce(stopped_at, 0), stopped_reason, source
FROM subscribers WHERE email = $1;

-- name: subscriber_by_id
SELECT id, email, name, status, daily, weekly, job_alerts, alert_instant, alert_categories, alert_places, alert_min_salary,
       alert_keywords, follow_councils, follow_sections, link_version, created_at, coalesce(confirmed_at, 0),
       coalesce(stopped_at, 0), stopped_reason, source
FROM subscribers WHERE id = $1;

-- name: subscribers_page
-- Every subscriber, by id, after $1 (export and the newsroom's list).
SELECT id, email, name, status, daily, weekly, job_alerts, alert_instant, alert_categories, alert_places, alert_min_salary,
       alert_keywords, follow_councils, follow_sections, link_version, created_at, coalesce(confirmed_at, 0),
       coalesce(stopped_at, 0), stopped_reason, source
FROM subscribers WHERE id > $1 ORDER BY id LIMIT $2;

-- name: subscribers_receiving
-- Confirmed subscribers who asked for a kind of mailing ($1: daily, weekly, alerts), by id after $2.
SELECT id, email, name, status, daily, weekly, job_alerts, alert_instant, alert_categories, alert_places, alert_min_salary,
       alert_keywords, follow_councils, follow_sections, link_version, created_at, coalesce(confirmed_at, 0),
       coalesce(stopped_at, 0), stopped_reason, source
FROM subscribers
WHERE status = 'confirmed' AND id > $2
  AND (($1 = 'daily' AND daily = 1) OR ($1 = 'weekly' AND weekly = 1)
       OR ($1 = 'alerts' AND job_alerts = 1 AND alert_instant = 0) OR ($1 = 'instant' AND job_alerts = 1 AND alert_instant = 1))
ORDER BY id LIMIT $3;

-- name: subscriber_insert
INSERT INTO subscribers (email, name, status, daily, weekly, job_alerts, alert_categories, alert_places,
                         alert_min_salary, alert_keywords, follow_councils, follow_sections, created_at,
                         confirmed_at, source, alert_instant)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
ON CONFLICT (email) DO NOTHING
RETURNING id;

-- name: subscriber_set_choices
UPDATE subscribers SET name = $2, daily = $3, weekly = $4, job_alerts = $5, alert_categories = $6,
       alert_places = $7, alert_min_salary = $8, alert_keywords = $9, follow_councils = $10, follow_sections = $11,
       alert_instant = $12
WHERE id = $1;

-- name: subscriber_confirm
-- Confirms a pending (or unsubscribed, signing up again) subscriber; bounced and complained stay stopped.
UPDATE subscribers SET status = 'confirmed', confirmed_at = $2, stopped_at = NULL, stopped_reason = ''
WHERE id = $1 AND status IN ('pending', 'unsubscribed');

-- name: subscriber_stop
-- Stops mail to a subscriber ($2: unsubscribed, bounced or complained), with the reason.
UPDATE subscribers SET status = $2, stopped_at = $3, stopped_reason = $4
WHERE id = $1 AND status <> $2;

-- name: subscriber_restart
-- A stopped (unsubscribed) subscriber signing up again waits for a new confirmation.
UPDATE subscribers SET status = 'pending', link_version = link_version + 1
WHERE id = $1 AND status = 'unsubscribed';

-- name: subscriber_delete
DELETE FROM subscribers WHERE id = $1;

-- name: subscriber_counts
SELECT status, count(*) FROM subscribers GROUP BY status;

-- name: mailing_by_edition
SELECT id, kind, edition, state, subject, since, until, coalesce(lead_article_id, 0), dropped, item_order,
       created_at, coalesce(queued_at, 0), coalesce(finished_at, 0)
FROM mailings WHERE kind = $1 AND edition = $2;

-- name: mailing_by_id
SELECT id, kind, edition, state, subject, since, until, coalesce(lead_article_id, 0), dropped, item_order,
       created_at, coalesce(queued_at, 0), coalesce(finished_at, 0)
FROM mailings WHERE id = $1;

-- name: mailings_recent
SELECT id, kind, edition, state, subject, since, until, coalesce(lead_article_id, 0), dropped, item_order,
       created_at, coalesce(queued_at, 0), coalesce(finished_at, 0)
FROM mailings ORDER BY created_at DESC, id DESC LIMIT $1;

-- name: mailing_last_until
-- Where the next edition of a kind starts: the end of the last one queued, sent or found empty.
SELECT max(until) FROM mailings WHERE kind = $1 AND state IN ('queued', 'sent', 'cancelled');

-- name: alert_jobs_count
-- Live adverts posted in [$1, $2): is an instant alert worth making?
SELECT count(*) FROM jobs
WHERE status = 'live' AND (closes_at IS NULL OR closes_at > $3) AND posted_at >= $1 AND posted_at < $2;

-- name: mailing_insert
INSERT INTO mailings (kind, edition, state, subject, since, until, created_at)
VALUES ($1, $2, 'draft', $3, $4, $5, $6)
ON CONFLICT (kind, edition) DO NOTHING
RETURNING id;

-- name: mailing_set_window
UPDATE mailings SET since = $2, until = $3 WHERE id = $1 AND state IN ('draft', 'held');

-- name: mailing_edit
UPDATE mailings SET subject = $2, lead_article_id = nullif($3::bigint, 0), dropped = $4, item_order = $5
WHERE id = $1 AND state IN ('draft', 'held');

-- name: mailing_set_state
-- Moves a mailing from one state ($3) to another ($2); no rows when it was not in $3.
UPDATE mailings SET state = $2,
       queued_at = CASE WHEN $2 = 'queued' THEN $4 ELSE queued_at END,
       finished_at = CASE WHEN $2 IN ('sent', 'cancelled') THEN $4 ELSE finished_at END
WHERE id = $1 AND state = $3;

-- name: mailings_finish
-- Queued mailings with nothing left to send are sent.
UPDATE mailings SET state = 'sent', finished_at = $1
WHERE state = 'queued'
  AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.mailing_id = mailings.id AND o.state IN ('pending', 'sending'));

-- name: outbox_insert
INSERT INTO outbox (mailing_id, subscriber_id, job_ids) VALUES ($1, $2, $3)
ON CONFLICT (mailing_id, subscriber_id) DO NOTHING;

-- name: outbox_counts
SELECT state, count(*) FROM outbox WHERE mailing_id = $1 GROUP BY state;

-- name: outbox_due
SELECT mailing_id, subscriber_id, job_ids, attempts FROM outbox
WHERE state = 'pending' AND next_attempt_at <= $1
ORDER BY mailing_id, subscriber_id LIMIT $2;

-- name: outbox_claim
UPDATE outbox SET state = 'sending', attempts = attempts + 1
WHERE mailing_id = $1 AND subscriber_id = $2 AND state = 'pending';

-- name: outbox_sent
UPDATE outbox SET state = 'sent', sent_at = $3, last_error = '' WHERE mailing_id = $1 AND subscriber_id = $2;

-- name: outbox_retry
UPDATE outbox SET state = 'pending', next_attempt_at = $3, last_error = $4
WHERE mailing_id = $1 AND subscriber_id = $2;

-- name: outbox_failed
UPDATE outbox SET state = 'failed', last_error = $3 WHERE mailing_id = $1 AND subscriber_id = $2;

-- name: outbox_drop
-- A message that must not go (the subscriber stopped, or was deleted).
UPDATE outbox SET state = 'dropped', last_error = $3 WHERE mailing_id = $1 AND subscriber_id = $2;

-- name: outbox_drop_subscriber
UPDATE outbox SET state = 'dropped', last_error = $2 WHERE subscriber_id = $1 AND state = 'pending';

-- name: outbox_recover
-- After a crash: messages that were being handed to the relay go again.
UPDATE outbox SET state = 'pending' WHERE state = 'sending';

-- name: notice_insert
INSERT INTO mail_notices (subscriber_id, kind, created_at) VALUES ($1, $2, $3) RETURNING id;

-- name: notices_recent
-- Notices of a kind made for a subscriber since $3 (confirmation mails are limited per address).
SELECT count(*) FROM mail_notices WHERE subscriber_id = $1 AND kind = $2 AND created_at >= $3;

-- name: notices_due
SELECT id, subscriber_id, kind, attempts FROM mail_notices
WHERE state = 'pending' AND next_attempt_at <= $1 ORDER BY id LIMIT $2;

-- name: notice_claim
UPDATE mail_notices SET state = 'sending', attempts = attempts + 1 WHERE id = $1 AND state = 'pending';

-- name: notice_sent
UPDATE mail_notices SET state = 'sent', sent_at = $2, last_error = '' WHERE id = $1;

-- name: notice_retry
UPDATE mail_notices SET state = 'pending', next_attempt_at = $2, last_error = $3 WHERE id = $1;

-- name: notice_failed
UPDATE mail_notices SET state = 'failed', last_error = $2 WHERE id = $1;

-- name: notices_recover
UPDATE mail_notices SET state = 'pending' WHERE state = 'sending';

-- name: mail_lease_take
-- Takes the lease when it is free, expired or already ours; one row changed when we hold it.
INSERT INTO mail_lease (name, holder, expires_at) VALUES ($1, $2, $3)
ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
WHERE mail_lease.expires_at < $4 OR mail_lease.holder = excluded.holder;

-- name: mail_lease_release
DELETE FROM mail_lease WHERE name = $1 AND holder = $2;

-- name: mail_pending_total
SELECT (SELECT count(*) FROM outbox WHERE state = 'pending') + (SELECT count(*) FROM mail_notices WHERE state = 'pending');

-- name: bulletin_articles
-- Articles readers could see published in [$1, $2), sections in navigation order, newest first in each.
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.published_at, a.updated_at, a.word_count,
       s.id, s.name, s.slug, s.description
FROM articles a JOIN sections s ON s.id = a.section_id
WHERE a.status <> 'draft' AND a.published_at >= $1 AND a.published_at < $2
ORDER BY s.position, s.name, a.published_at DESC, a.id DESC
LIMIT $3;

-- name: bulletin_article_councils
-- The councils an article is linked to, by slug (for subscribers who follow councils).
SELECT c.slug FROM article_councils ac JOIN councils c ON c.id = ac.council_id WHERE ac.article_id = $1;

-- name: alert_jobs
-- Live adverts posted in [$1, $2), newest first: what job alerts and the bulletin's job block choose from.
SELECT j.id, j.title, j.slug, e.name, j.location, j.region, j.salary_text, j.category, coalesce(c.slug, ''),
       j.salary_annual_min, j.salary_annual_max, j.closing_date, j.description_markdown, j.featured
FROM jobs j JOIN employers e ON e.id = j.employer_id LEFT JOIN councils c ON c.id = e.council_id
WHERE j.status = 'live' AND (j.closes_at IS NULL OR j.closes_at > $3) AND j.posted_at >= $1 AND j.posted_at < $2
ORDER BY j.posted_at DESC, j.id DESC
LIMIT $4;

-- name: mail_lease_holder
SELECT holder, expires_at FROM mail_lease WHERE name = $1;

-- name: mail_lease_steal
-- Takes the lease from a holder known to be dead (a process of this host that no longer exists).
UPDATE mail_lease SET holder = $2, expires_at = $3 WHERE name = $1 AND holder = $4;
