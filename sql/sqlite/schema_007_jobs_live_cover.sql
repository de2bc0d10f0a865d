-- Keyword search ranks only live adverts: this index answers "is it live" without reading advert rows.
CREATE INDEX jobs_liveness ON jobs (id, status, closes_at);
