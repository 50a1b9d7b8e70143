# Introductions: a member asks to be put in touch with the company behind an experience; its
# contributor accepts or declines. Contacts are shared only on acceptance.
intro-button = 🤝 Connect me with this company
intro-private-only = Please ask for introductions in a private chat with me: open the story there and press the button again.
intro-ask-reason =
    🤝 You are asking to be introduced to the company behind «{ $title }».

    In one line (up to { $max } characters), why would you like to talk to them? They will see it with your name, company and country from /profile. Your Telegram contact is shared only if they accept. /cancel leaves.
intro-text-only = Please type your reason as text, or send /cancel to leave.
intro-cancelled = Cancelled: no request was sent.
intro-reason-invalid = Your reason is { $length } characters long; please write one line of { $min } to { $max } characters.
intro-sent = ✅ Your request was sent. I will tell you here when they answer. Nothing about your Telegram contact is shared unless they accept.
intro-already-pending = You have already asked for this introduction; it is waiting for their answer. I will tell you here when they reply.
intro-limited = You can ask for { $limit } introductions a week, and you have asked for { $limit } in the last seven days. You can ask again after { $when } (UTC).
intro-unavailable = This company does not take introduction requests at the moment.
intro-not-found = This request is not yours to answer, or it no longer exists.
intro-already-decided = This request was already answered: { $status ->
    [accepted] you accepted it.
    [declined] you declined it.
   *[expired] it expired unanswered.
}
intro-you-declined = Declined. Nothing of yours was shared; the member is told kindly that you could not take it up.
intro-you-expired = This request has expired: it was not answered within 14 days. Nothing was shared.
intro-button-accept = ✅ Accept
intro-button-decline = ❌ Decline
intro-consent-on = 🤝 Introductions are on: members who read your experiences may ask to be introduced to you. You will see who asks and why, and decide each time; your contact is shared only if you accept.
intro-consent-off = 🤝 Introductions are off: nobody can ask to be introduced to you through your experiences. Turn them on to let interested members ask; you will decide each request, and your contact is shared only if you accept.
intro-consent-button-on = Turn introductions on
intro-consent-button-off = Turn introductions off
intro-message-request =
    🤝 <b>A member asks to be introduced to you</b>, about your experience «{ $title }»:

    { $who }
    “{ $reason }”

    If you accept, you both receive each other's Telegram contact. If you decline, nothing of yours is shared.
intro-message-contact-to-asker =
    🤝 <b>Your introduction was accepted.</b>

    { $who } shared «{ $title }» and is happy to talk with you. Write to them: { $contact }
intro-message-contact-to-contributor =
    🤝 <b>You accepted an introduction.</b>

    { $who } read «{ $title }» and would like to talk: “{ $reason }”. Write to them: { $contact }
intro-message-declined = 🤝 About your introduction request for «{ $title }»: the company cannot take it up this time. Thank you for asking; nothing of yours was shared beyond your request, and you are welcome to keep asking me your questions.
intro-message-expired = 🤝 Your introduction request for «{ $title }» had no answer within 14 days, so it has lapsed. Nothing was shared; you may ask again.
