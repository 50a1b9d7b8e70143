-- Numbered changes of what processes hold copies of in memory (the glossary now; roles and
-- group settings next), so every process follows what any other — a bot replica, the CLI,
-- psql — commits, without a restart. A follower (src/db/change-feed.ts) reads the numbers
-- of its topic above the last one it applied, one indexed range read before each use.
-- Numbers are contiguous within a topic: a follower that finds its next number gone (deleted
-- as old) knows it may have missed changes and reloads everything.
CREATE TABLE changes (
  topic text NOT NULL,
  seq   bigint NOT NULL,
  -- What changed within the topic; NULL: anything in it may have changed.
  key   text,
  PRIMARY KEY (topic, seq)
);

-- One number per statement that wrote to the table (a glossary is reloaded whole). Writers of
-- a topic take turns until they commit, so its numbers are handed out in commit order and
-- without gaps: a follower that has seen n has seen every change below it.
CREATE FUNCTION changes_record_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7310444, hashtext(TG_ARGV[0]));
  INSERT INTO changes (topic, seq, key)
    SELECT TG_ARGV[0], coalesce(max(seq), 0) + 1, NULL FROM changes WHERE topic = TG_ARGV[0];
  RETURN NULL;
END $$;

CREATE TRIGGER glossary_terms_changes AFTER INSERT OR UPDATE OR DELETE ON glossary_terms
  FOR EACH STATEMENT EXECUTE FUNCTION changes_record_statement('glossary');
CREATE TRIGGER glossary_terms_truncate_changes AFTER TRUNCATE ON glossary_terms
  FOR EACH STATEMENT EXECUTE FUNCTION changes_record_statement('glossary');
