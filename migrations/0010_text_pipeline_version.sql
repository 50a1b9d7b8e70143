-- Which version of the text pipeline (src/text/pipeline-version.ts) made the stored search
-- tokens. Every database before this migration was indexed by version 1; the program
-- re-indexes at start when its own version differs.
CREATE TABLE search_index_state (
  id               boolean PRIMARY KEY DEFAULT true CHECK (id),
  pipeline_version integer NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
INSERT INTO search_index_state (pipeline_version) VALUES (1);
