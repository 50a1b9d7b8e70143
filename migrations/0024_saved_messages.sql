-- Group messages saved with /save: one contribution per message (a second /save finds it here),
-- and what its author said about keeping it. The contribution stays a draft, out of review,
-- until the author consents, or they cannot be asked, or 7 days pass without an answer.
CREATE TABLE saved_messages (
  id               bigserial PRIMARY KEY,
  chat_id          bigint NOT NULL,
  message_id       bigint NOT NULL,
  -- NULL once discarded (the author declined) or erased.
  experience_id    bigint REFERENCES experiences(id) ON DELETE SET NULL,
  -- The author as a member, when they are one; /forget erases the question with them.
  author_member_id bigint REFERENCES members(id) ON DELETE SET NULL,
  state            text NOT NULL CHECK (state IN ('asked', 'named', 'anonymous', 'declined', 'no-answer', 'unreachable')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  decided_at       timestamptz,
  UNIQUE (chat_id, message_id)
);
CREATE INDEX saved_messages_asked_idx ON saved_messages (created_at) WHERE state = 'asked';
