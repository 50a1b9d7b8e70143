# Keeping knowledge current: machine translations, verification dates, the staff's re-verification digest.

answer-machine-note = Machine translation, not yet checked by staff.
answer-verified = Verified { $month }.
answer-verified-overdue = Verified { $month }: past its review date, it may be out of date.
bot-story-machine-note = This version is a machine translation, not yet checked by staff.

bot-digest-title = <b>Experiences to re-verify</b>: { $total } (page { $page } of { $pages })
bot-digest-intro = Verified more than { $months } months ago, or found unhelpful by { $thumbs } members since. Is each still true?
bot-digest-item = <b>{ $n }. { $title }</b>
    { $country } · { $industry } · { $verified }
bot-digest-never-verified = never verified
bot-digest-verified = verified { $month }
bot-digest-thumbs-down = 👎 from { $count } members since then. They asked:
bot-digest-question = • { $question }
bot-digest-empty = <b>Experiences to re-verify</b>: none left. Thank you!
bot-digest-button-still-true = ✅ Still true · { $n }
bot-digest-button-edit = ✏️ Edit · { $n }
bot-digest-button-archive = 🗄 Archive · { $n }
bot-digest-button-previous = ◀
bot-digest-button-next = ▶
bot-digest-confirmed = Verified today: « { $title } ».
bot-digest-archived = Archived: « { $title } » no longer appears in answers.
bot-digest-gone = Nothing to do: it is no longer published.
bot-digest-refused = Only center staff can do this.
