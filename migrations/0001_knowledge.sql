-- Members, the knowledge base of experiences and their per-language texts.

CREATE TABLE members (
  id            bigserial PRIMARY KEY,
  telegram_id   bigint UNIQUE,
  name          text,
  language      text CHECK (language IN ('fa', 'zh', 'en')),
  country       text,
  company       text,
  industry      text,
  role          text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'curator', 'admin')),
  consent_introductions boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  forgotten_at  timestamptz
);

CREATE TABLE experiences (
  id                    bigserial PRIMARY KEY,
  external_id           text NOT NULL UNIQUE,
  status                text NOT NULL CHECK (status IN ('draft', 'pending', 'published', 'rejected', 'archived')),
  language              text NOT NULL CHECK (language IN ('fa', 'zh', 'en')),
  country               text NOT NULL,
  industry              text NOT NULL,
  tags                  text[] NOT NULL DEFAULT '{}',
  contributor_name      text,
  contributor_company   text,
  contributor_city      text,
  contributor_member_id bigint REFERENCES members(id) ON DELETE SET NULL,
  source                text NOT NULL DEFAULT 'import' CHECK (source IN ('import', 'bot', 'group', 'open_question')),
  reviewed_by           bigint REFERENCES members(id) ON DELETE SET NULL,
  reviewed_at           timestamptz,
  verified_on           date,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX experiences_status_idx ON experiences (status);
CREATE INDEX experiences_contributor_idx ON experiences (contributor_member_id);

-- One row per experience and language: the original and each translation.
-- search_text holds the normalised, segmented tokens joined by spaces (made in JavaScript by
-- src/text, because to_tsvector cannot segment Chinese or undo Persian spelling habits).
CREATE TABLE experience_texts (
  id             bigserial PRIMARY KEY,
  experience_id  bigint NOT NULL REFERENCES experiences(id) ON DELETE CASCADE,
  language       text NOT NULL CHECK (language IN ('fa', 'zh', 'en')),
  is_original    boolean NOT NULL,
  origin         text NOT NULL DEFAULT 'human' CHECK (origin IN ('human', 'machine')),
  title          text NOT NULL,
  problem        text NOT NULL,
  solution       text NOT NULL,
  outcome        text,
  search_text    text NOT NULL,
  search_length  integer NOT NULL,
  tsv            tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
  UNIQUE (experience_id, language)
);
CREATE INDEX experience_texts_tsv_idx ON experience_texts USING gin (tsv);

-- Document frequency of each search token over all texts, for BM25-style weighting.
CREATE TABLE term_stats (
  term text PRIMARY KEY,
  df   integer NOT NULL
);

-- The trilingual glossary used to expand questions across languages without a model.
CREATE TABLE glossary_terms (
  id        bigserial PRIMARY KEY,
  concept   text NOT NULL UNIQUE,
  fa        text[] NOT NULL DEFAULT '{}',
  zh        text[] NOT NULL DEFAULT '{}',
  en        text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);
