-- The language a member's Telegram app is set to, as the bot reads it (fa, zh or en), from their
-- latest contact. What the bot sends on its own (a curator's decision, a community answer) is in
-- the member's chosen language (members.language, set with /language), else in this one.
ALTER TABLE members ADD COLUMN telegram_language text CHECK (telegram_language IN ('fa', 'zh', 'en'));
