bot-command-save = Keep a valuable message for the knowledge base (curators, group admins)
save-usage = Reply /save to a valuable message to keep it for the knowledge base. You may add what it answers, e.g. /save How do I pay a Chinese supplier?
save-not-saveable = I can keep only a member's text message. Reply /save to that message itself.
save-refused = Only the center's curators and this group's admins can keep messages with /save.
save-already = This message has been saved already.
save-too-short = This message is too short to keep: { $length } characters, and an experience needs at least { $min }.
save-too-long = This message is too long to keep: { $length } characters, and the limit is { $max }.
save-done-asked = Saved for review. I have asked its author in a private chat whether it may be kept and whether to show their name.
save-done-anonymous = Saved for review, without the author's name: they have not started a chat with me, so I cannot ask them.
save-consent-question =
    📌 Your message in <b>{ $group }</b> was marked as valuable, so that other members can learn from it:

    { $text }

    May we keep it in the knowledge base? The center's staff review it before anyone reads it. If you do not answer within { $days } days, it is kept without your name.
save-consent-a-group = a group
save-consent-button-named = ✅ Yes, with my name: { $who }
save-consent-button-anonymous = 🕶 Yes, without my name
save-consent-button-keep = ✅ Yes, keep it
save-consent-button-declined = ❌ No, do not keep it
save-consent-named = Thank you! Your message goes to the center's staff for review, with your name. /my shows where it stands.
save-consent-anonymous = Thank you! Your message goes to the center's staff for review, without your name. /my shows where it stands.
save-consent-declined = Understood: your message is not kept.
save-consent-already = You have answered this already.
