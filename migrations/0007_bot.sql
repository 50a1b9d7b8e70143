-- The bot's own bookkeeping: which Telegram messages carry which answer (so a reply to an
-- answer becomes a follow-up), and the per-member question counter behind the rate limit.

-- An answer split into several messages maps each of them to the same question.
CREATE TABLE answer_messages (
  chat_id     bigint NOT NULL,
  message_id  bigint NOT NULL,
  question_id bigint NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX answer_messages_question_idx ON answer_messages (question_id);

-- One row per limited key; the window starts at the first hit and lasts a minute. Kept in
-- the database (not process memory) so every bot replica counts against the same limit.
CREATE TABLE rate_limits (
  key          text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits         integer NOT NULL
);
