-- The characters a member writes Chinese in, from their latest message with Chinese in it: the
-- bot's own words to them (commands, forms, buttons) are in the same characters, as an answer
-- to a question written in traditional characters is.
ALTER TABLE members ADD COLUMN chinese_script text CHECK (chinese_script IN ('simplified', 'traditional'));
