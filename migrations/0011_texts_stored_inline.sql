-- A text row (fields, search_text and tsv) is typically 3-4 kB. Above 2 kB PostgreSQL tries to
-- compress its columns one by one, biggest first, and then moves tsv (which pglz cannot shrink)
-- to the TOAST table anyway: every imported row paid for compressing all its columns plus a
-- TOAST write, 3-4 % of an import into PGlite and ~2 % into PostgreSQL (bench speed). Rows up
-- to a page (8,160 bytes) now stay whole and uncompressed; longer ones are still toasted. They
-- take ~15 % more space, and reading them decompresses nothing. Applies to rows written from
-- now on; existing rows stay as they are until rewritten.
ALTER TABLE experience_texts SET (toast_tuple_target = 8160);
