-- A question put to the community, translated by the model for the chats it is posted in
-- (their language set with /settings), kept so each post and its later edit say the same.
ALTER TABLE open_questions ADD COLUMN translations jsonb NOT NULL DEFAULT '{}'::jsonb;
