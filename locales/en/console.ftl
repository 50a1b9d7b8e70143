# Console mode: the bot in a terminal, without Telegram. Printed as plain text.
console-banner = SME Bridge: local console
    You are talking to the bot on this computer, without Telegram.
    Type a question, or a command such as /start, /share, /my or /help.
    Buttons appear as [1], [2] …: type the number to press one.
    A line that starts with > is sent as a reply to the latest message of the chat you type in; /reply lists its recent messages, /reply <number> <text> replies to one.
    /lang fa, /lang zh or /lang en changes your language; /quit or Ctrl-D leaves.
console-telegram-hint = To use Telegram instead: create a bot with @BotFather, put BOT_TOKEN=<the token> in the .env file, and run npm start again.
console-seeded = The demo knowledge base was loaded: { $count } experiences.
console-lang-switched = Your Telegram language is now English. The bot speaks it with you unless you chose another with /language.
console-lang-usage = Use /lang fa, /lang zh or /lang en.
console-no-button = The last message has no button { $number }.
console-bye = Goodbye.
console-staff-chat-title = SME Bridge staff
console-staff-hint = You are an admin here, and the center's staff have a group chat, «{ $chat }»: /in staff types there, /in me back in your private chat with the bot. What the bot posts in the staff chat is shown under the chat's name.
console-seeded-pending = { $count ->
    [one] { $count } contribution from a member is waiting for review: members do not see it until staff approve it.
   *[other] { $count } contributions from members are waiting for review: members do not see them until staff approve them.
}
console-in-staff = Now typing in «{ $chat }», the staff's group chat. /in me goes back to your private chat.
console-in-me = Now typing in your private chat with the bot.
console-in-usage = Use /in staff (the staff's group chat), /in group (the members' group) or /in me (your private chat with the bot).
console-members-chat-title = Iran–China SME members
console-group-hint = Members talk in a group too, «{ $chat }»: /in group types there. In a group the bot answers only /ask <question>, a message that mentions it or a reply to it, and it posts there the questions nobody could answer.
console-in-group = Now typing in «{ $chat }», a members' group: the bot answers /ask <question>, a mention or a reply to it (> <text> replies to the group's latest message), and > /save right after a member's message keeps that message. /in me goes back to your private chat.
console-seeded-open-question = A member's question nobody could answer is posted in «{ $chat }»: type /in group, then the number of its “✍️ I can answer” button, to answer it and see the answer reach the asker and the staff's review.
console-link-opened = You opened the link: now in your private chat with the bot.
console-asker-chat = { $name } (demo asker), private chat
console-reply-usage = Use > <text> to reply to the latest message here, or /reply <number> <text> (for example /reply 3 /save) to reply to another; /reply alone lists them.
console-reply-nothing = There is no message to reply to in this chat yet.
console-reply-not-found = This chat has no message { $ref }: /reply lists its recent ones.
console-reply-list-hint = /reply <number> <text> replies to one of these; > <text> to the latest.
console-reply-you = you
console-reply-entry = { $ref } { $who }: { $text }
console-reply-entry-reply = { $ref } { $who }, replying to { $to }: { $text }
console-private-hint = (That came in your private chat with the bot: type /in me to answer there.)
