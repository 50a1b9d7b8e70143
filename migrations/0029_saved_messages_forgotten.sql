-- A saved group message whose author used /forget: its contribution is erased with them, and the
-- row stays (without it) so the message is not saved again with nobody left to ask.
ALTER TABLE saved_messages DROP CONSTRAINT saved_messages_state_check;
ALTER TABLE saved_messages ADD CONSTRAINT saved_messages_state_check
  CHECK (state IN ('asked', 'named', 'anonymous', 'declined', 'no-answer', 'unreachable', 'forgotten'));
