# /my: the member's own contributions and where each stands. Messages are sent as HTML.
my-empty = You have not shared any experience yet. Send /share to add one.
my-header = <b>Your experiences</b> ({ $count }), newest first:
my-item = { $index }. <b>{ $title }</b>
    { $status }
my-status-draft = 📝 Draft
my-status-pending = ⏳ Awaiting review
my-status-published = ✅ Published
my-status-rejected = ✖️ Not accepted
my-status-archived = 🗄 Archived
my-not-member = Please send /start first.
my-rejected-reason = { $status }: { $reason }
my-button-edit = ✏️ Edit
my-button-withdraw = ↩️ Withdraw
my-button-resubmit = 📤 Submit for review again
my-button-done = ✔️ Nothing, leave it
my-edit-which = Which part do you want to change? Send /cancel to stop.
my-edit-which-language = Which language version do you want to change?
my-edit-busy = You are in the middle of editing an experience. Answer the question above, or send /cancel to stop.
my-edit-saved = Saved. The staff will review the new version.
my-edit-unchanged = Nothing was changed.
my-edit-cancelled = Editing was cancelled; your experience is unchanged.
my-edit-failed = Sorry, the change could not be saved just now. Please try again in a few minutes.
my-not-editable = This experience is no longer awaiting review, so it cannot be changed now. Send /my to see where it stands.
my-withdrawn = Withdrawn: the staff will not review it. It stays under /my as a draft, and you can submit it again.
my-resubmitted = Submitted again: it <b>awaits review</b>.
my-gone = That experience is not among yours (it may have been removed). Send /my to see your experiences.
my-item-with-reason = { $index }. <b>{ $title }</b>
    { $status }: { $reason }
my-private-only = Please use /my in a private chat with me.
