-- Per-language count and total search_length of experience_texts, kept by triggers, so
-- retrieval reads N and the average text length for BM25 in one tiny lookup instead of
-- scanning experience_texts on every question.
CREATE TABLE text_length_stats (
  language     text PRIMARY KEY CHECK (language IN ('fa', 'zh', 'en')),
  texts        bigint NOT NULL DEFAULT 0,
  total_length bigint NOT NULL DEFAULT 0
);

INSERT INTO text_length_stats (language, texts, total_length)
SELECT l, count(t.id), coalesce(sum(t.search_length), 0)
FROM unnest(ARRAY['fa', 'zh', 'en']) AS l
LEFT JOIN experience_texts t ON t.language = l
GROUP BY l;

-- Statement-level triggers with transition tables: one stats update per statement, so a
-- bulk import costs three row updates, not one per text.
CREATE FUNCTION text_length_stats_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE text_length_stats s SET texts = s.texts - d.n, total_length = s.total_length - d.len
    FROM (SELECT language, count(*) AS n, sum(search_length) AS len FROM old_rows GROUP BY language) d
    WHERE s.language = d.language;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    UPDATE text_length_stats s SET texts = s.texts + d.n, total_length = s.total_length + d.len
    FROM (SELECT language, count(*) AS n, sum(search_length) AS len FROM new_rows GROUP BY language) d
    WHERE s.language = d.language;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER text_length_stats_insert AFTER INSERT ON experience_texts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION text_length_stats_apply();
CREATE TRIGGER text_length_stats_update AFTER UPDATE ON experience_texts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION text_length_stats_apply();
CREATE TRIGGER text_length_stats_delete AFTER DELETE ON experience_texts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION text_length_stats_apply();

CREATE FUNCTION text_length_stats_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE text_length_stats SET texts = 0, total_length = 0;
  RETURN NULL;
END $$;
CREATE TRIGGER text_length_stats_truncate AFTER TRUNCATE ON experience_texts
  FOR EACH STATEMENT EXECUTE FUNCTION text_length_stats_reset();
