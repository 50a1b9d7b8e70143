-- Introductions: a member asks, under a contributor's experience, to be put in touch with its
-- company; the contributor accepts or declines. Each request is kept here (the asker's weekly
-- count, the one pending request per asker and experience, the decision). /forget of either
-- member deletes the rows with them.
CREATE TABLE introductions (
  id                    bigserial PRIMARY KEY,
  asker_member_id       bigint NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  contributor_member_id bigint NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  experience_id         bigint NOT NULL REFERENCES experiences(id) ON DELETE CASCADE,
  -- The asker's one line of why, shown to the contributor.
  reason                text NOT NULL,
  status                text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'expired')),
  -- Telegram @usernames as they were when each acted (members keep none); shared only on acceptance.
  asker_username        text,
  contributor_username  text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  decided_at            timestamptz
);
CREATE INDEX introductions_asker_idx ON introductions (asker_member_id, created_at);
CREATE INDEX introductions_contributor_idx ON introductions (contributor_member_id);
-- Asking again for the same experience while a request is pending sends nothing new.
CREATE UNIQUE INDEX introductions_one_pending_idx ON introductions (asker_member_id, experience_id) WHERE status = 'pending';
