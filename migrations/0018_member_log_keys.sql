-- Logs name a member by a keyed hash of their Telegram id (src/log.ts memberLogName), never by
-- the id itself. The key is the member's own and random: /forget deletes it with the row, and
-- every log line written about them before then names no one any more. gen_random_uuid() draws
-- from the server's strong random source; an existing member gets a key of their own.
ALTER TABLE members ADD COLUMN log_key uuid NOT NULL DEFAULT gen_random_uuid();
