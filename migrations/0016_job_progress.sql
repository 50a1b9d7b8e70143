-- Delivery through the database (src/bot/answer-sender.ts, src/bot/outbox-sender.ts).
-- What a job has done so far, kept across attempts: the message ids of the parts of a long
-- message already sent, so a retry resumes at the part that failed and never sends one twice.
ALTER TABLE jobs ADD COLUMN progress jsonb;
-- Until when the job was told to wait (Telegram's 429 retry_after): a notice about it waits too.
ALTER TABLE jobs ADD COLUMN held_until timestamptz;
-- Jobs with the same key are done one at a time, in the order they were queued: a chat's
-- answers arrive in the order its questions were asked, and one held back holds the later ones.
ALTER TABLE jobs ADD COLUMN sequence_key text;
CREATE INDEX jobs_sequence_idx ON jobs (sequence_key, id) WHERE sequence_key IS NOT NULL AND done_at IS NULL AND failed_at IS NULL;
