# Console mode: the bot in a terminal, without Telegram. Printed as plain text.
console-banner = SME Bridge: local console
    You are talking to the bot on this computer, without Telegram.
    Type a question, or a command such as /start, /share, /my or /help.
    Buttons appear as [1], [2] …: type the number to press one.
    /lang fa, /lang zh or /lang en changes your language; /quit or Ctrl-D leaves.
console-telegram-hint = To use Telegram instead: create a bot with @BotFather, put BOT_TOKEN=<the token> in the .env file, and run npm start again.
console-seeded = The demo knowledge base was loaded: { $count } experiences.
console-lang-switched = Language: English.
console-lang-usage = Use /lang fa, /lang zh or /lang en.
console-no-button = The last message has no button { $number }.
console-bye = Goodbye.
