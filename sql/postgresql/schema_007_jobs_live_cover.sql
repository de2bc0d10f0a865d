CREATE INDEX jobs_liveness ON jobs (id, status, closes_at);
