-- Job adverts from listing dumps now go to the jobs board (schema 005); move any kept aside by
-- earlier versions there as drafts for an editor to review, then drop the holding table.
INSERT OR IGNORE INTO employers (name, slug)
SELECT DISTINCT CASE WHEN employer <> '' THEN employer ELSE 'Unknown employer' END,
       'pending-' || lower(hex(CASE WHEN employer <> '' THEN employer ELSE 'Unknown employer' END))
FROM pending_adverts;
INSERT OR IGNORE INTO jobs (reference, slug, title, employer_id, salary_text, description_markdown, status, source,
                            posted_at, updated_at)
SELECT 'pending:' || p.dedupe_key, 'pending-advert-' || p.id, p.title, e.id, p.salary_text, p.snippet, 'draft',
       p.source, p.imported_at, p.imported_at
FROM pending_adverts p
JOIN employers e ON e.slug = 'pending-' || lower(hex(CASE WHEN p.employer <> '' THEN p.employer ELSE 'Unknown employer' END));
DROP TABLE pending_adverts;
