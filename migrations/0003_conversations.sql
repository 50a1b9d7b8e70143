-- What members ask and how it went: questions, cited experiences, feedback, open questions,
-- and the bot's own bookkeeping (sessions, processed updates, chats, audit log).

CREATE TABLE questions (
  id            bigserial PRIMARY KEY,
  member_id     bigint REFERENCES members(id) ON DELETE CASCADE,
  chat_id       bigint,
  text          text NOT NULL,
  language      text NOT NULL,
  follow_up_of  bigint REFERENCES questions(id) ON DELETE SET NULL,
  abstained     boolean NOT NULL,
  answer_mode   text NOT NULL CHECK (answer_mode IN ('llm', 'offline')),
  answer_text   text NOT NULL,
  latency_ms    integer NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX questions_member_idx ON questions (member_id);

CREATE TABLE answer_citations (
  question_id   bigint NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  experience_id bigint NOT NULL REFERENCES experiences(id) ON DELETE CASCADE,
  rank          integer NOT NULL,
  score         double precision NOT NULL,
  PRIMARY KEY (question_id, experience_id)
);

CREATE TABLE feedback (
  question_id bigint NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  member_id   bigint NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  helpful     boolean NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (question_id, member_id)
);

CREATE TABLE open_questions (
  id           bigserial PRIMARY KEY,
  question_id  bigint REFERENCES questions(id) ON DELETE CASCADE,
  member_id    bigint REFERENCES members(id) ON DELETE CASCADE,
  text         text NOT NULL,
  language     text NOT NULL,
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE processed_updates (
  update_id    bigint PRIMARY KEY,
  processed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chats (
  chat_id    bigint PRIMARY KEY,
  kind       text NOT NULL,
  title      text,
  allowed    boolean NOT NULL DEFAULT false,
  settings   jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  id         bigserial PRIMARY KEY,
  actor_id   bigint REFERENCES members(id) ON DELETE SET NULL,
  action     text NOT NULL,
  subject    text,
  details    jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
