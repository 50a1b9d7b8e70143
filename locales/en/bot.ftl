# The bot's own words (src/bot). Messages sent as HTML: tags allowed, values are escaped by the code.

bot-start-greeting = Hello { $name }! I am <b>SME Bridge</b>, the assistant of the Iran–China SME cooperation center.
bot-start-howto = Ask me any business question in Persian, Chinese or English: payments, customs, suppliers, standards, logistics, financing. I answer from real experiences that member companies shared, name each one, and you can open its full story. If nothing fits, I can put your question to the community.
bot-start-choose = Choose your language, and if you like tell me about your company: when two experiences fit your question equally well, I will then show the one of a firm like yours first.
bot-button-profile = 📝 My company profile (optional)

bot-help =
    <b>How to use SME Bridge</b>
    Just write your question as a message. Reply to one of my answers to ask a follow-up.
    Under each answer: 📖 the full story of each experience, 👍 / 👎 to tell us if it helped, and 🙋 to ask the community.

    /start — welcome and language
    /language — change the language
    /profile — your company, country and industry
    /share — share your own experience
    /my — the experiences you shared
    /privacy — what we store and why
    /forget — delete your data
    /cancel — stop sharing or filling in your profile
bot-privacy =
    <b>What SME Bridge stores, and why</b>
    • Your Telegram id and name: to know who is asking and to keep your settings.
    • Your language and the optional profile (company, country, industry): to answer in your language and show experiences of similar firms first.
    • Your questions, the answers, the experiences cited, how long it took and your 👍 / 👎: to improve the knowledge base and see which topics lack experiences.
    • Questions you put to the community: so members who know can answer them.
    Nothing is sold or shared outside the center. /forget deletes all of it.

bot-language-choose = Choose your language:
bot-language-set = Done: I will speak English with you.
bot-language-name-fa = فارسی
bot-language-name-zh = 中文
bot-language-name-en = English

bot-profile-ask-company = What is your company's name? (or press Skip)
bot-profile-company-invalid = Please send the company name as a short text (up to 120 characters), or press Skip.
bot-profile-company-question = That looks like a question. To finish your profile, send your company's name or press Skip; to ask your question instead, send /cancel and then the question.
bot-profile-ask-country = Where is your company based? Press a button or type a two-letter country code such as TR.
bot-profile-country-invalid = Please press a button or type a two-letter country code such as TR.
bot-profile-ask-industry = Which industry are you in?
bot-profile-industry-invalid = Please choose your industry with one of the buttons.
bot-profile-saved = Saved. Company: { $company } · Country: { $country } · Industry: { $industry }. When two experiences fit a question equally well, the one of a firm like yours now comes first.
bot-profile-none = —
bot-profile-current = Your company profile. Company: { $company } · Country: { $country } · Industry: { $industry }. When two experiences fit a question equally well, the one of a firm like yours comes first.
bot-button-profile-change = ✏️ Change my profile
bot-button-profile-keep = ↩️ Keep: { $value }
bot-profile-cancelled = Your company profile was left as it was.
bot-profile-private-only = Please use /profile in a private chat with me.
bot-button-skip = Skip

bot-abstained-offer = Should I ask the community? Members who faced the same thing can answer, and you will hear back here.
bot-abstained-offer-group = Should I ask the community? Members who faced the same thing can answer, and I will send you their answer in a private chat with me.
bot-live-information-hint = If there is a business question behind it (how members cope with exchange-rate swings, say), ask it in your own words and I will look through members' experiences, or put it to the community.
bot-related-offer = Open one to read the whole story, or ask the community: members who faced the same thing can answer, and you will hear back here.
bot-related-offer-group = Open one to read the whole story, or ask the community: members who faced the same thing can answer, and I will send you their answer in a private chat with me.
bot-sources = Experiences cited:
bot-source-line = { $n }. <b>{ $title }</b> — { $who } · { $industry }
bot-button-story = 📖 { $title }
bot-button-helpful = 👍 Helpful
bot-button-not-helpful = 👎 Not helpful
bot-button-ask-community = 🙋 Ask the community
bot-feedback-thanks = Thank you, noted.
bot-community-opened = Your question is now open to the community. When a member answers, I will send it to you here.
bot-community-opened-group = Your question is now open to the community. When a member answers, I will send it to you in a private chat with me.
bot-community-already = This question is already open to the community.
bot-button-not-yours = This button is not yours to press, or no longer active. Nothing was changed.

bot-story-meta = { $country } · { $industry }
bot-story-original-note = There is no English version yet; this is the original in { $language ->
    [fa] Persian
    [zh] Chinese
   *[en] English
  }.
bot-story-translation-note = There is no English version yet; this is the { $language ->
    [fa] Persian
    [zh] Chinese
   *[en] English
  } translation of the original in { $original ->
    [fa] Persian
    [zh] Chinese
   *[en] English
  }.
bot-story-problem = Problem
# Instead of the Problem heading, while a contribution has none yet (a /save or an answer to an open question): staff write it before publishing.
bot-story-problem-pending = The problem it answers will be written by the center's staff before it is published.
bot-story-solution = What they did
bot-story-outcome = Outcome
bot-story-contributor = Shared by { $who }
# Between the contributor's name, company and city.
bot-story-who-separator = { ", " }
bot-story-verified = Last verified on { $date }
bot-story-not-found = That experience is not available (it may have been withdrawn).

bot-too-long = Your message is { $length } characters long; please shorten it to { $max } characters or less and ask again.
# A message that is not a question (src/answering/small-talk.ts): nothing is searched, nothing is put to the community.
bot-small-talk-greeting = Hello! Write me a business question — paying a supplier, clearing customs, finding a distributor — and I will answer from the experiences of member companies.
bot-small-talk-thanks = You are welcome! Ask me again whenever you need to.
bot-small-talk-ok = Good. Whenever you have another question, just write it.
bot-small-talk-yes = To put your question to members, press “🙋 Ask the community” under my answer; to ask something else, just write it.
bot-small-talk-no-words = Please write your question in words, for example: How do I pay a Chinese supplier?
bot-rate-limited = You have asked { $limit } questions in the last minute. Please wait { $seconds } seconds, then ask again.
bot-other-input = I can only read text. Write your business question as a message and I will look for members' experiences that answer it. /help shows what else I can do.
bot-unknown-command = I do not know that command. /help lists the ones I know.
bot-nothing-to-cancel = There is nothing to cancel. Write a question, or send /help to see what I can do.
bot-button-expired = This button is no longer active.
bot-button-invalid = This button is from an older version of the bot, or not valid. Nothing was changed.
bot-error-apology = Sorry, something went wrong on my side. Please try again in a moment.
bot-answer-delayed = Your answer is ready, but Telegram is slow to deliver it just now. It will arrive here as soon as Telegram takes it; there is no need to ask again.
# Under an answer shown while the model is still writing it; the finished answer replaces the message.
bot-answer-writing = ✍️ Still writing…

bot-command-start = Welcome and language
bot-command-help = How to use the bot
bot-command-language = Change the language
bot-command-profile = Your company profile
bot-command-share = Share your experience
bot-command-my = Experiences you shared
bot-command-privacy = What we store and why
bot-command-forget = Delete your data
bot-button-members-only = These buttons work for the member who asked. To rate answers and put your own questions to the community, start a private chat with me ({ $bot }) and ask there.
