group-not-enabled = This group is not enabled for SME Bridge, so I am leaving it. To enable it, an admin of the bot adds me to it again, or the group's id ({ $chatId }) goes into ALLOWED_CHAT_IDS before I am added again.
group-allowed = Done: I answer questions in this group now. Ask with /ask followed by your question, mention me, or reply to one of my messages.
group-disallowed = Done: I no longer answer questions in this group.
group-allow-refused = Only an admin of the bot can enable or disable me in a group.
group-ask-empty = Write your question after /ask, for example: /ask How do I pay a Chinese supplier?
group-rate-limited = This group has asked { $limit } questions in the last minute. I can answer again in { $seconds } seconds.
group-settings-title = Settings of this group. Language of my messages here: { $language }. Answering questions: { $answering }.
group-settings-language-auto = each asker's own (English in what I post here on my own, such as questions for the community)
group-settings-language-auto-staff = each person's own (English in what I post here on my own: review cards, questions for the community)
group-settings-on = on
group-settings-off = off
group-settings-turn-on = ▶️ Turn answering on
group-settings-turn-off = ⏸ Turn answering off
group-settings-refused = Only the admins of this group can change its settings.
group-settings-private-only = In a private chat, /language sets your language. /settings is for a group's admins, sent in their group.
bot-command-ask = Ask the members' experiences a question
bot-command-settings = Language of this chat, answering on or off (group admins)
group-help =
    <b>SME Bridge in this group</b>
    Ask me with /ask followed by your question, mention me, or reply to one of my messages: I answer from the experiences member companies shared, in the language of your question.
    /save, sent as a reply to a valuable message (center staff, group admins), keeps it for the knowledge base, with its author's consent.
    /settings (group admins): the language of my messages here, and answering on or off.
    In a private chat with me you can ask, share your own experience (/share) and see the rest of my commands (/help).
group-answering-off = This group's admins have switched my answers off here (/settings). You can ask me in a private chat: { $bot }
group-ask-staff-chat = I do not answer questions in the staff chat. Ask me in a private chat ({ $bot }) or in the members' group.
group-language-elsewhere = Your own language is set with /language in a private chat with me. Here, the group's admins choose my language with /settings.
group-posts-language-hint = 🌐 For my posts here in English, a group admin sends /settings and picks English.
group-nothing-to-cancel = Nothing is under way here, so there is nothing to cancel.
