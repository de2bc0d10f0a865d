-- Adverts kept aside by earlier versions move to the jobs board as drafts (as sql/sqlite/schema_008).
INSERT INTO employers (name, slug)
SELECT DISTINCT CASE WHEN employer <> '' THEN employer ELSE 'Unknown employer' END,
       'pending-' || encode(convert_to(CASE WHEN employer <> '' THEN employer ELSE 'Unknown employer' END, 'UTF8'), 'hex')
FROM pending_adverts
ON CONFLICT DO NOTHING;
INSERT INTO jobs (reference, slug, title, employer_id, salary_text, description_markdown, status, source,
                  posted_at, updated_at)
SELECT 'pending:' || p.dedupe_key, 'pending-advert-' || p.id, p.title, e.id, p.salary_text, p.snippet, 'draft',
       p.source, p.imported_at, p.imported_at
FROM pending_adverts p
JOIN employers e ON e.slug = 'pending-' || encode(convert_to(CASE WHEN p.employer <> '' THEN p.employer ELSE 'Unknown employer' END, 'UTF8'), 'hex')
ON CONFLICT DO NOTHING;
DROP TABLE pending_adverts;
