-- Bulk imports: with fastupdate off (0008) every inserted text made ~100 separate GIN tree
-- insertions, one per distinct token, each decoding and re-encoding a compressed posting list;
-- that was 70 % of an import (10k experiences into PostgreSQL: 21 of 29 s). With fastupdate on,
-- inserts append to the pending list, and merging it sorts the entries by term first, so each
-- term's posting list is updated once per merge (same 10k import: 3.4 s of inserts + 2.3 s of
-- merging).
--
-- Searches scan the whole pending list on every lookup, which is why 0008 turned it off. So
-- every program transaction that writes experience_texts merges it before committing
-- (flush_search_index below, called by src/knowledge/search-index.ts): at rest the list is
-- empty and searches are as fast as before. A writer that forgets is bounded by
-- gin_pending_list_limit (4 MB by default), past which the inserting statement merges it.
-- Changing fastupdate takes an exclusive lock on the index only for this migration, never at
-- import time.
ALTER INDEX experience_texts_tsv_idx SET (fastupdate = on);

-- gin_clean_pending_list requires owning the index; SECURITY DEFINER lets a role that only
-- reads and writes the tables (when another role ran the migrations) merge it too. The
-- search_path is fixed to the migration's, so the name resolves to this schema's index.
CREATE FUNCTION flush_search_index() RETURNS bigint
  LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT
  AS $$ SELECT gin_clean_pending_list('experience_texts_tsv_idx'::regclass) $$;
