-- Review cards: where the bot showed a pending contribution to staff (the staff chat, or a
-- curator's private chat), so /review shows the next one without a card there, and a decision
-- edits every card of it in place. A card belongs to its contribution and goes with it.
CREATE TABLE review_cards (
  experience_id bigint NOT NULL REFERENCES experiences(id) ON DELETE CASCADE,
  chat_id       bigint NOT NULL,
  message_id    bigint NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (experience_id, chat_id)
);

-- `sme-bridge audit --since` reads the log from a day on.
CREATE INDEX audit_log_created_at_idx ON audit_log (created_at);
