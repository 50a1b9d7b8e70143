-- Background work and outbound messages (src/jobs/): one row per job, taken by whichever
-- worker process asks first (FOR UPDATE SKIP LOCKED), for a lease, so a job whose worker died
-- is taken again when its lease runs out. A failed attempt is retried later with a growing
-- delay; after the last attempt the job stays here, failed, with its error.
CREATE TABLE jobs (
  id           bigserial PRIMARY KEY,
  kind         text NOT NULL,
  payload      jsonb NOT NULL DEFAULT '{}',
  -- At most one job of a kind per key, ever (e.g. housekeeping once per period); NULL: no limit.
  unique_key   text,
  run_at       timestamptz NOT NULL DEFAULT now(),
  attempts     integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
  -- Taken by a worker until then; NULL: not taken.
  locked_until timestamptz,
  locked_by    text,
  last_error   text,
  last_error_at timestamptz,
  -- What a finished job reports (e.g. the message ids an outbound message got).
  result       jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  done_at      timestamptz,
  failed_at    timestamptz
);
CREATE UNIQUE INDEX jobs_kind_unique_key ON jobs (kind, unique_key) WHERE unique_key IS NOT NULL;
-- What a worker looks for: the pending jobs, soonest first.
CREATE INDEX jobs_pending_idx ON jobs (run_at, id) WHERE done_at IS NULL AND failed_at IS NULL;

-- Messages sent to Telegram per second, by every process together: a sender takes a place in
-- the current second's count before each call, so all processes share Telegram's global limit.
CREATE TABLE telegram_send_budget (
  second timestamptz PRIMARY KEY,
  used   integer NOT NULL
);
