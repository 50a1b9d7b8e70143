-- search_text already holds our own tokens (src/text/tokenize.ts). to_tsvector('simple') parsed
-- them again: slow on import (1–3 s per 1,000 experiences), it split tokens such as "l/c" into
-- parts, and stored positions nobody reads. The tokens now become lexemes as they are, and
-- queries are built from the same literal lexemes (src/knowledge/lexical-search.ts).
DROP INDEX IF EXISTS experience_texts_tsv_idx;
ALTER TABLE experience_texts DROP COLUMN tsv;
ALTER TABLE experience_texts ADD COLUMN tsv tsvector
  GENERATED ALWAYS AS (array_to_tsvector(array_remove(string_to_array(search_text, ' '), ''))) STORED;
-- fastupdate off: otherwise new entries wait in a pending list that every search scans in full
-- until a VACUUM merges it, and PGlite never vacuums on its own.
CREATE INDEX experience_texts_tsv_idx ON experience_texts USING gin (tsv) WITH (fastupdate = off);
