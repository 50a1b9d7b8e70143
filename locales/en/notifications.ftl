# Messages the bot sends on its own (not as an answer), queued with notify() and sent by the outbox. Sent as HTML: values are escaped by the code.
notify-experience-published = ✅ Your experience <b>{ $title }</b> is now published: members who ask about it will find it. Thank you for sharing!
