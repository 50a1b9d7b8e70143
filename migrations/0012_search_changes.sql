-- Which experiences may now search differently, numbered: a process that keeps the published
-- texts in memory (src/knowledge/published-index-sync.ts) asks for the numbers above the last
-- one it applied before each question, one indexed range read, and reloads only those
-- experiences. Triggers record every change, whoever makes it (the bot, an import, psql).
-- Readers delete numbers far below their own (only the last 10,000 are kept); a reader that
-- finds the numbers after its own gone reloads everything.
CREATE TABLE search_changes (
  seq           bigserial PRIMARY KEY,
  -- NULL: anything may have changed (the texts were truncated); readers reload everything.
  experience_id bigint
);

-- Records the experiences a statement touched that are or were published (an experience that
-- was never published is not in any reader's memory and cannot become visible without an
-- update that is recorded). Writers that record take turns until they commit, so numbers are
-- handed out in commit order: a reader that has seen number n has seen every change below it.
CREATE FUNCTION search_changes_record() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids bigint[];
BEGIN
  IF TG_TABLE_NAME = 'experiences' THEN
    IF TG_OP = 'UPDATE' THEN
      SELECT array_agg(DISTINCT id) INTO ids FROM (
        SELECT id FROM new_rows WHERE status = 'published' UNION ALL SELECT id FROM old_rows WHERE status = 'published'
      ) c;
    ELSE
      SELECT array_agg(id) INTO ids FROM old_rows WHERE status = 'published';
    END IF;
  ELSE
    IF TG_OP = 'DELETE' THEN
      SELECT array_agg(DISTINCT r.experience_id) INTO ids FROM old_rows r JOIN experiences e ON e.id = r.experience_id AND e.status = 'published';
    ELSE
      SELECT array_agg(DISTINCT r.experience_id) INTO ids FROM new_rows r JOIN experiences e ON e.id = r.experience_id AND e.status = 'published';
    END IF;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(7310443);
    INSERT INTO search_changes (experience_id) SELECT unnest(ids);
  END IF;
  RETURN NULL;
END $$;

-- No trigger on inserting experiences: a new experience is found through its texts, whose
-- insertion is recorded (recording both doubled the rows an import writes here).
CREATE TRIGGER search_changes_experiences_update AFTER UPDATE ON experiences
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_changes_record();
CREATE TRIGGER search_changes_experiences_delete AFTER DELETE ON experiences
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_changes_record();
CREATE TRIGGER search_changes_texts_insert AFTER INSERT ON experience_texts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_changes_record();
CREATE TRIGGER search_changes_texts_update AFTER UPDATE ON experience_texts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_changes_record();
CREATE TRIGGER search_changes_texts_delete AFTER DELETE ON experience_texts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_changes_record();

CREATE FUNCTION search_changes_everything() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7310443);
  INSERT INTO search_changes (experience_id) VALUES (NULL);
  RETURN NULL;
END $$;
CREATE TRIGGER search_changes_texts_truncate AFTER TRUNCATE ON experience_texts
  FOR EACH STATEMENT EXECUTE FUNCTION search_changes_everything();
CREATE TRIGGER search_changes_experiences_truncate AFTER TRUNCATE ON experiences
  FOR EACH STATEMENT EXECUTE FUNCTION search_changes_everything();
