-- Questions put to the community: where each was posted (so its posts are edited once it is
-- answered), and the members' answers with the asker's 👍/👎.
CREATE TABLE open_question_posts (
  open_question_id bigint NOT NULL REFERENCES open_questions(id) ON DELETE CASCADE,
  chat_id          bigint NOT NULL,
  message_id       bigint NOT NULL,
  PRIMARY KEY (open_question_id, chat_id)
);

CREATE TABLE open_question_answers (
  id               bigserial PRIMARY KEY,
  open_question_id bigint NOT NULL REFERENCES open_questions(id) ON DELETE CASCADE,
  -- /forget erases the answer with its author; the contribution made of it follows their choice.
  member_id        bigint REFERENCES members(id) ON DELETE CASCADE,
  text             text NOT NULL,
  language         text NOT NULL,
  named            boolean NOT NULL,
  -- The answer in the other languages when a model translated it ({} otherwise).
  translations     jsonb NOT NULL DEFAULT '{}',
  helpful          boolean,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX open_question_answers_question_idx ON open_question_answers (open_question_id);
