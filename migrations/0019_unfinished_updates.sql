-- An update is kept with its claim until its handling has finished, and the process handling it
-- is named: when that process dies half-way (killed, crashed), another takes the update over and
-- handles it, since Telegram, which was told it was received, will not send it again.
ALTER TABLE processed_updates
  ADD COLUMN unfinished jsonb,
  ADD COLUMN handler text;
CREATE INDEX processed_updates_unfinished_idx ON processed_updates (update_id) WHERE unfinished IS NOT NULL;
