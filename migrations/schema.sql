-- The schema after every migration. Written by `npx vitest run tests/db/schema.test.ts -u`; do not edit.

TABLE answer_citations
  question_id bigint NOT NULL
  experience_id bigint NOT NULL
  rank integer NOT NULL
  score double precision NOT NULL
  CONSTRAINT answer_citations_experience_id_fkey FOREIGN KEY (experience_id) REFERENCES experiences(id) ON DELETE CASCADE
  CONSTRAINT answer_citations_pkey PRIMARY KEY (question_id, experience_id)
  CONSTRAINT answer_citations_question_id_fkey FOREIGN KEY (question_id) REFERENCES questions(id) ON DELETE CASCADE

TABLE answer_messages
  chat_id bigint NOT NULL
  message_id bigint NOT NULL
  question_id bigint NOT NULL
  CONSTRAINT answer_messages_pkey PRIMARY KEY (chat_id, message_id)
  CONSTRAINT answer_messages_question_id_fkey FOREIGN KEY (question_id) REFERENCES questions(id) ON DELETE CASCADE

TABLE audit_log
  id bigint NOT NULL DEFAULT nextval('audit_log_id_seq'::regclass)
  actor_id bigint
  action text NOT NULL
  subject text
  details jsonb NOT NULL DEFAULT '{}'::jsonb
  created_at timestamp with time zone NOT NULL DEFAULT now()
  CONSTRAINT audit_log_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES members(id) ON DELETE SET NULL
  CONSTRAINT audit_log_pkey PRIMARY KEY (id)

TABLE changes
  topic text NOT NULL
  seq bigint NOT NULL
  key text
  CONSTRAINT changes_pkey PRIMARY KEY (topic, seq)

TABLE chats
  chat_id bigint NOT NULL
  kind text NOT NULL
  title text
  allowed boolean NOT NULL DEFAULT false
  settings jsonb NOT NULL DEFAULT '{}'::jsonb
  created_at timestamp with time zone NOT NULL DEFAULT now()
  CONSTRAINT chats_pkey PRIMARY KEY (chat_id)

TABLE experience_texts
  id bigint NOT NULL DEFAULT nextval('experience_texts_id_seq'::regclass)
  experience_id bigint NOT NULL
  language text NOT NULL
  is_original boolean NOT NULL
  origin text NOT NULL DEFAULT 'human'::text
  title text NOT NULL
  problem text NOT NULL
  solution text NOT NULL
  outcome text
  search_text text NOT NULL
  search_length integer NOT NULL
  tsv tsvector DEFAULT array_to_tsvector(array_remove(string_to_array(search_text, ' '::text), ''::text)) GENERATED
  CONSTRAINT experience_texts_experience_id_fkey FOREIGN KEY (experience_id) REFERENCES experiences(id) ON DELETE CASCADE
  CONSTRAINT experience_texts_experience_id_language_key UNIQUE (experience_id, language)
  CONSTRAINT experience_texts_language_check CHECK ((language = ANY (ARRAY['fa'::text, 'zh'::text, 'en'::text])))
  CONSTRAINT experience_texts_origin_check CHECK ((origin = ANY (ARRAY['human'::text, 'machine'::text])))
  CONSTRAINT experience_texts_pkey PRIMARY KEY (id)

TABLE experiences
  id bigint NOT NULL DEFAULT nextval('experiences_id_seq'::regclass)
  external_id text NOT NULL
  status text NOT NULL
  language text NOT NULL
  country text NOT NULL
  industry text NOT NULL
  tags text[] NOT NULL DEFAULT '{}'::text[]
  contributor_name text
  contributor_company text
  contributor_city text
  contributor_member_id bigint
  source text NOT NULL DEFAULT 'import'::text
  reviewed_by bigint
  reviewed_at timestamp with time zone
  verified_on date
  created_at timestamp with time zone NOT NULL DEFAULT now()
  updated_at timestamp with time zone NOT NULL DEFAULT now()
  CONSTRAINT experiences_contributor_member_id_fkey FOREIGN KEY (contributor_member_id) REFERENCES members(id) ON DELETE SET NULL
  CONSTRAINT experiences_external_id_key UNIQUE (external_id)
  CONSTRAINT experiences_language_check CHECK ((language = ANY (ARRAY['fa'::text, 'zh'::text, 'en'::text])))
  CONSTRAINT experiences_pkey PRIMARY KEY (id)
  CONSTRAINT experiences_reviewed_by_fkey FOREIGN KEY (reviewed_by) REFERENCES members(id) ON DELETE SET NULL
  CONSTRAINT experiences_source_check CHECK ((source = ANY (ARRAY['import'::text, 'bot'::text, 'group'::text, 'open_question'::text])))
  CONSTRAINT experiences_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'pending'::text, 'published'::text, 'rejected'::text, 'archived'::text])))

TABLE feedback
  question_id bigint NOT NULL
  member_id bigint NOT NULL
  helpful boolean NOT NULL
  created_at timestamp with time zone NOT NULL DEFAULT now()
  CONSTRAINT feedback_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  CONSTRAINT feedback_pkey PRIMARY KEY (question_id, member_id)
  CONSTRAINT feedback_question_id_fkey FOREIGN KEY (question_id) REFERENCES questions(id) ON DELETE CASCADE

TABLE glossary_terms
  id bigint NOT NULL DEFAULT nextval('glossary_terms_id_seq'::regclass)
  concept text NOT NULL
  fa text[] NOT NULL DEFAULT '{}'::text[]
  zh text[] NOT NULL DEFAULT '{}'::text[]
  en text[] NOT NULL DEFAULT '{}'::text[]
  updated_at timestamp with time zone NOT NULL DEFAULT now()
  CONSTRAINT glossary_terms_concept_key UNIQUE (concept)
  CONSTRAINT glossary_terms_pkey PRIMARY KEY (id)

TABLE introductions
  id bigint NOT NULL DEFAULT nextval('introductions_id_seq'::regclass)
  asker_member_id bigint NOT NULL
  contributor_member_id bigint NOT NULL
  experience_id bigint NOT NULL
  reason text NOT NULL
  status text NOT NULL DEFAULT 'pending'::text
  asker_username text
  contributor_username text
  created_at timestamp with time zone NOT NULL DEFAULT now()
  decided_at timestamp with time zone
  CONSTRAINT introductions_asker_member_id_fkey FOREIGN KEY (asker_member_id) REFERENCES members(id) ON DELETE CASCADE
  CONSTRAINT introductions_contributor_member_id_fkey FOREIGN KEY (contributor_member_id) REFERENCES members(id) ON DELETE CASCADE
  CONSTRAINT introductions_experience_id_fkey FOREIGN KEY (experience_id) REFERENCES experiences(id) ON DELETE CASCADE
  CONSTRAINT introductions_pkey PRIMARY KEY (id)
  CONSTRAINT introductions_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'accepted'::text, 'declined'::text, 'expired'::text])))

TABLE jobs
  id bigint NOT NULL DEFAULT nextval('jobs_id_seq'::regclass)
  kind text NOT NULL
  payload jsonb NOT NULL DEFAULT '{}'::jsonb
  unique_key text
  run_at timestamp with time zone NOT NULL DEFAULT now()
  attempts integer NOT NULL DEFAULT 0
  max_attempts integer NOT NULL DEFAULT 5
  locked_until timestamp with time zone
  locked_by text
  last_error text
  last_error_at timestamp with time zone
  result jsonb
  created_at timestamp with time zone NOT NULL DEFAULT now()
  done_at timestamp with time zone
  failed_at timestamp with time zone
  progress jsonb
  held_until timestamp with time zone
  sequence_key text
  CONSTRAINT jobs_max_attempts_check CHECK ((max_attempts > 0))
  CONSTRAINT jobs_pkey PRIMARY KEY (id)

TABLE members
  id bigint NOT NULL DEFAULT nextval('members_id_seq'::regclass)
  telegram_id bigint
  name text
  language text
  country text
  company text
  industry text
  role text NOT NULL DEFAULT 'member'::text
  consent_introductions boolean NOT NULL DEFAULT false
  created_at timestamp with time zone NOT NULL DEFAULT now()
  forgotten_at timestamp with time zone
  log_key uuid NOT NULL DEFAULT gen_random_uuid()
  telegram_language text
  chinese_script text
  CONSTRAINT members_chinese_script_check CHECK ((chinese_script = ANY (ARRAY['simplified'::text, 'traditional'::text])))
  CONSTRAINT members_language_check CHECK ((language = ANY (ARRAY['fa'::text, 'zh'::text, 'en'::text])))
  CONSTRAINT members_pkey PRIMARY KEY (id)
  CONSTRAINT members_role_check CHECK ((role = ANY (ARRAY['member'::text, 'curator'::text, 'admin'::text])))
  CONSTRAINT members_telegram_id_key UNIQUE (telegram_id)
  CONSTRAINT members_telegram_language_check CHECK ((telegram_language = ANY (ARRAY['fa'::text, 'zh'::text, 'en'::text])))

TABLE open_question_answers
  id bigint NOT NULL DEFAULT nextval('open_question_answers_id_seq'::regclass)
  open_question_id bigint NOT NULL
  member_id bigint
  text text NOT NULL
  language text NOT NULL
  named boolean NOT NULL
  translations jsonb NOT NULL DEFAULT '{}'::jsonb
  helpful boolean
  created_at timestamp with time zone NOT NULL DEFAULT now()
  experience_id bigint
  CONSTRAINT open_question_answers_experience_id_fkey FOREIGN KEY (experience_id) REFERENCES experiences(id) ON DELETE SET NULL
  CONSTRAINT open_question_answers_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  CONSTRAINT open_question_answers_open_question_id_fkey FOREIGN KEY (open_question_id) REFERENCES open_questions(id) ON DELETE CASCADE
  CONSTRAINT open_question_answers_pkey PRIMARY KEY (id)

TABLE open_question_posts
  open_question_id bigint NOT NULL
  chat_id bigint NOT NULL
  message_id bigint NOT NULL
  CONSTRAINT open_question_posts_open_question_id_fkey FOREIGN KEY (open_question_id) REFERENCES open_questions(id) ON DELETE CASCADE
  CONSTRAINT open_question_posts_pkey PRIMARY KEY (open_question_id, chat_id)

TABLE open_questions
  id bigint NOT NULL DEFAULT nextval('open_questions_id_seq'::regclass)
  question_id bigint
  member_id bigint
  text text NOT NULL
  language text NOT NULL
  status text NOT NULL DEFAULT 'open'::text
  created_at timestamp with time zone NOT NULL DEFAULT now()
  translations jsonb NOT NULL DEFAULT '{}'::jsonb
  CONSTRAINT open_questions_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  CONSTRAINT open_questions_pkey PRIMARY KEY (id)
  CONSTRAINT open_questions_question_id_fkey FOREIGN KEY (question_id) REFERENCES questions(id) ON DELETE CASCADE
  CONSTRAINT open_questions_status_check CHECK ((status = ANY (ARRAY['open'::text, 'answered'::text, 'closed'::text])))

TABLE processed_updates
  update_id bigint NOT NULL
  processed_at timestamp with time zone NOT NULL DEFAULT now()
  unfinished jsonb
  handler text
  CONSTRAINT processed_updates_pkey PRIMARY KEY (update_id)

TABLE questions
  id bigint NOT NULL DEFAULT nextval('questions_id_seq'::regclass)
  member_id bigint
  chat_id bigint
  text text NOT NULL
  language text NOT NULL
  follow_up_of bigint
  abstained boolean NOT NULL
  answer_mode text NOT NULL
  answer_text text NOT NULL
  latency_ms integer NOT NULL
  created_at timestamp with time zone NOT NULL DEFAULT now()
  CONSTRAINT questions_answer_mode_check CHECK ((answer_mode = ANY (ARRAY['llm'::text, 'offline'::text])))
  CONSTRAINT questions_follow_up_of_fkey FOREIGN KEY (follow_up_of) REFERENCES questions(id) ON DELETE SET NULL
  CONSTRAINT questions_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  CONSTRAINT questions_pkey PRIMARY KEY (id)

TABLE rate_limits
  key text NOT NULL
  window_start timestamp with time zone NOT NULL
  hits integer NOT NULL
  CONSTRAINT rate_limits_pkey PRIMARY KEY (key)

TABLE review_cards
  experience_id bigint NOT NULL
  chat_id bigint NOT NULL
  message_id bigint NOT NULL
  created_at timestamp with time zone NOT NULL DEFAULT now()
  CONSTRAINT review_cards_experience_id_fkey FOREIGN KEY (experience_id) REFERENCES experiences(id) ON DELETE CASCADE
  CONSTRAINT review_cards_pkey PRIMARY KEY (experience_id, chat_id)

TABLE saved_messages
  id bigint NOT NULL DEFAULT nextval('saved_messages_id_seq'::regclass)
  chat_id bigint NOT NULL
  message_id bigint NOT NULL
  experience_id bigint
  author_member_id bigint
  state text NOT NULL
  created_at timestamp with time zone NOT NULL DEFAULT now()
  decided_at timestamp with time zone
  CONSTRAINT saved_messages_author_member_id_fkey FOREIGN KEY (author_member_id) REFERENCES members(id) ON DELETE SET NULL
  CONSTRAINT saved_messages_chat_id_message_id_key UNIQUE (chat_id, message_id)
  CONSTRAINT saved_messages_experience_id_fkey FOREIGN KEY (experience_id) REFERENCES experiences(id) ON DELETE SET NULL
  CONSTRAINT saved_messages_pkey PRIMARY KEY (id)
  CONSTRAINT saved_messages_state_check CHECK ((state = ANY (ARRAY['asked'::text, 'named'::text, 'anonymous'::text, 'declined'::text, 'no-answer'::text, 'unreachable'::text, 'forgotten'::text])))

TABLE schema_migrations
  version integer NOT NULL
  name text NOT NULL
  applied_at timestamp with time zone NOT NULL DEFAULT now()
  CONSTRAINT schema_migrations_pkey PRIMARY KEY (version)

TABLE search_changes
  seq bigint NOT NULL DEFAULT nextval('search_changes_seq_seq'::regclass)
  experience_id bigint
  CONSTRAINT search_changes_pkey PRIMARY KEY (seq)

TABLE search_index_state
  id boolean NOT NULL DEFAULT true
  pipeline_version integer NOT NULL
  updated_at timestamp with time zone NOT NULL DEFAULT now()
  CONSTRAINT search_index_state_id_check CHECK (id)
  CONSTRAINT search_index_state_pkey PRIMARY KEY (id)

TABLE sessions
  key text NOT NULL
  value jsonb NOT NULL
  updated_at timestamp with time zone NOT NULL DEFAULT now()
  CONSTRAINT sessions_pkey PRIMARY KEY (key)

TABLE telegram_send_budget
  second timestamp with time zone NOT NULL
  used integer NOT NULL
  CONSTRAINT telegram_send_budget_pkey PRIMARY KEY (second)

TABLE term_stats
  term text NOT NULL
  df integer NOT NULL
  CONSTRAINT term_stats_pkey PRIMARY KEY (term)

TABLE text_embeddings
  text_id bigint NOT NULL
  model text NOT NULL
  embedding vector NOT NULL
  CONSTRAINT text_embeddings_pkey PRIMARY KEY (text_id, model)
  CONSTRAINT text_embeddings_text_id_fkey FOREIGN KEY (text_id) REFERENCES experience_texts(id) ON DELETE CASCADE

TABLE text_length_stats
  language text NOT NULL
  texts bigint NOT NULL DEFAULT 0
  total_length bigint NOT NULL DEFAULT 0
  CONSTRAINT text_length_stats_language_check CHECK ((language = ANY (ARRAY['fa'::text, 'zh'::text, 'en'::text])))
  CONSTRAINT text_length_stats_pkey PRIMARY KEY (language)

CREATE UNIQUE INDEX answer_citations_pkey ON answer_citations USING btree (question_id, experience_id);
CREATE UNIQUE INDEX answer_messages_pkey ON answer_messages USING btree (chat_id, message_id);
CREATE INDEX answer_messages_question_idx ON answer_messages USING btree (question_id);
CREATE INDEX audit_log_created_at_idx ON audit_log USING btree (created_at);
CREATE UNIQUE INDEX audit_log_pkey ON audit_log USING btree (id);
CREATE UNIQUE INDEX changes_pkey ON changes USING btree (topic, seq);
CREATE UNIQUE INDEX chats_pkey ON chats USING btree (chat_id);
CREATE UNIQUE INDEX experience_texts_experience_id_language_key ON experience_texts USING btree (experience_id, language);
CREATE UNIQUE INDEX experience_texts_pkey ON experience_texts USING btree (id);
CREATE INDEX experience_texts_tsv_idx ON experience_texts USING gin (tsv) WITH (fastupdate='on');
CREATE INDEX experiences_contributor_idx ON experiences USING btree (contributor_member_id);
CREATE UNIQUE INDEX experiences_external_id_key ON experiences USING btree (external_id);
CREATE UNIQUE INDEX experiences_pkey ON experiences USING btree (id);
CREATE INDEX experiences_status_idx ON experiences USING btree (status);
CREATE UNIQUE INDEX feedback_pkey ON feedback USING btree (question_id, member_id);
CREATE UNIQUE INDEX glossary_terms_concept_key ON glossary_terms USING btree (concept);
CREATE UNIQUE INDEX glossary_terms_pkey ON glossary_terms USING btree (id);
CREATE INDEX introductions_asker_idx ON introductions USING btree (asker_member_id, created_at);
CREATE INDEX introductions_contributor_idx ON introductions USING btree (contributor_member_id);
CREATE UNIQUE INDEX introductions_one_pending_idx ON introductions USING btree (asker_member_id, experience_id) WHERE (status = 'pending'::text);
CREATE UNIQUE INDEX introductions_pkey ON introductions USING btree (id);
CREATE UNIQUE INDEX jobs_kind_unique_key ON jobs USING btree (kind, unique_key) WHERE (unique_key IS NOT NULL);
CREATE INDEX jobs_pending_idx ON jobs USING btree (run_at, id) WHERE ((done_at IS NULL) AND (failed_at IS NULL));
CREATE UNIQUE INDEX jobs_pkey ON jobs USING btree (id);
CREATE INDEX jobs_sequence_idx ON jobs USING btree (sequence_key, id) WHERE ((sequence_key IS NOT NULL) AND (done_at IS NULL) AND (failed_at IS NULL));
CREATE UNIQUE INDEX members_pkey ON members USING btree (id);
CREATE UNIQUE INDEX members_telegram_id_key ON members USING btree (telegram_id);
CREATE INDEX open_question_answers_experience_idx ON open_question_answers USING btree (experience_id) WHERE (experience_id IS NOT NULL);
CREATE UNIQUE INDEX open_question_answers_pkey ON open_question_answers USING btree (id);
CREATE INDEX open_question_answers_question_idx ON open_question_answers USING btree (open_question_id);
CREATE UNIQUE INDEX open_question_posts_pkey ON open_question_posts USING btree (open_question_id, chat_id);
CREATE UNIQUE INDEX open_questions_pkey ON open_questions USING btree (id);
CREATE UNIQUE INDEX processed_updates_pkey ON processed_updates USING btree (update_id);
CREATE INDEX processed_updates_unfinished_idx ON processed_updates USING btree (update_id) WHERE (unfinished IS NOT NULL);
CREATE INDEX questions_member_idx ON questions USING btree (member_id);
CREATE UNIQUE INDEX questions_pkey ON questions USING btree (id);
CREATE UNIQUE INDEX rate_limits_pkey ON rate_limits USING btree (key);
CREATE UNIQUE INDEX review_cards_pkey ON review_cards USING btree (experience_id, chat_id);
CREATE INDEX saved_messages_asked_idx ON saved_messages USING btree (created_at) WHERE (state = 'asked'::text);
CREATE UNIQUE INDEX saved_messages_chat_id_message_id_key ON saved_messages USING btree (chat_id, message_id);
CREATE UNIQUE INDEX saved_messages_pkey ON saved_messages USING btree (id);
CREATE UNIQUE INDEX schema_migrations_pkey ON schema_migrations USING btree (version);
CREATE UNIQUE INDEX search_changes_pkey ON search_changes USING btree (seq);
CREATE UNIQUE INDEX search_index_state_pkey ON search_index_state USING btree (id);
CREATE UNIQUE INDEX sessions_pkey ON sessions USING btree (key);
CREATE UNIQUE INDEX telegram_send_budget_pkey ON telegram_send_budget USING btree (second);
CREATE UNIQUE INDEX term_stats_pkey ON term_stats USING btree (term);
CREATE UNIQUE INDEX text_embeddings_pkey ON text_embeddings USING btree (text_id, model);
CREATE UNIQUE INDEX text_length_stats_pkey ON text_length_stats USING btree (language);

FUNCTION changes_record_statement() RETURNS trigger
FUNCTION flush_search_index() RETURNS bigint
FUNCTION search_changes_everything() RETURNS trigger
FUNCTION search_changes_record() RETURNS trigger
FUNCTION text_length_stats_apply() RETURNS trigger
FUNCTION text_length_stats_reset() RETURNS trigger

CREATE TRIGGER search_changes_texts_delete AFTER DELETE ON experience_texts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_changes_record();
CREATE TRIGGER search_changes_texts_insert AFTER INSERT ON experience_texts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_changes_record();
CREATE TRIGGER search_changes_texts_truncate AFTER TRUNCATE ON experience_texts FOR EACH STATEMENT EXECUTE FUNCTION search_changes_everything();
CREATE TRIGGER search_changes_texts_update AFTER UPDATE ON experience_texts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_changes_record();
CREATE TRIGGER text_length_stats_delete AFTER DELETE ON experience_texts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION text_length_stats_apply();
CREATE TRIGGER text_length_stats_insert AFTER INSERT ON experience_texts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION text_length_stats_apply();
CREATE TRIGGER text_length_stats_truncate AFTER TRUNCATE ON experience_texts FOR EACH STATEMENT EXECUTE FUNCTION text_length_stats_reset();
CREATE TRIGGER text_length_stats_update AFTER UPDATE ON experience_texts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION text_length_stats_apply();
CREATE TRIGGER search_changes_experiences_delete AFTER DELETE ON experiences REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_changes_record();
CREATE TRIGGER search_changes_experiences_truncate AFTER TRUNCATE ON experiences FOR EACH STATEMENT EXECUTE FUNCTION search_changes_everything();
CREATE TRIGGER search_changes_experiences_update AFTER UPDATE ON experiences REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_changes_record();
CREATE TRIGGER glossary_terms_changes AFTER INSERT OR DELETE OR UPDATE ON glossary_terms FOR EACH STATEMENT EXECUTE FUNCTION changes_record_statement('glossary');
CREATE TRIGGER glossary_terms_truncate_changes AFTER TRUNCATE ON glossary_terms FOR EACH STATEMENT EXECUTE FUNCTION changes_record_statement('glossary');
