-- pgvector and pg_trgm where the server has them. Without pgvector the program runs
-- lexical-only (and says so at start-up); the embeddings table exists only with it.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    CREATE EXTENSION IF NOT EXISTS vector;
    -- Dimensions are left open so EMBEDDING_DIMENSIONS and the model can change; rows of
    -- another model are ignored by the query. Exact scan: fine at the sizes we run.
    EXECUTE 'CREATE TABLE text_embeddings (
      text_id    bigint NOT NULL REFERENCES experience_texts(id) ON DELETE CASCADE,
      model      text NOT NULL,
      embedding  vector NOT NULL,
      PRIMARY KEY (text_id, model)
    )';
  END IF;
END $$;
