-- The contribution a member's answer to a community question became, so its review card can show
-- the asker's question as they wrote it (the contribution keeps only what is in the answer's
-- language) and the structuring job can give the model the question itself.
ALTER TABLE open_question_answers ADD COLUMN experience_id bigint REFERENCES experiences(id) ON DELETE SET NULL;
CREATE INDEX open_question_answers_experience_idx ON open_question_answers (experience_id) WHERE experience_id IS NOT NULL;
