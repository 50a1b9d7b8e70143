# Center staff: roles (/staff), review cards (/review) and their decisions. Sent as HTML: values are escaped by the code.
curation-not-staff = This is for center staff only. Nothing was changed.
curation-admin-only = Only an admin can change the staff. Nothing was changed.
curation-private-or-staff-chat = Use /review in the staff chat or in your private chat with me.

## /staff
curation-staff-usage = To add a curator: reply to their message with <code>/staff add</code>, or send <code>/staff add 123456789</code> (their Telegram id). <code>/staff remove</code> works the same way.
curation-staff-list = <b>Center staff</b> ({ $count }):
curation-staff-line = • { $name } — { $role }
curation-staff-nobody-named = id { $id }
curation-role-admin = admin
curation-role-curator = curator
curation-role-member = member
curation-staff-added = { $name } is now a curator.
curation-staff-removed = { $name } is no longer on the staff.
curation-staff-unchanged = Nothing to change: { $name } is already { $role }.
curation-staff-target-admin = { $name } is an admin: admins are set with ADMIN_IDS in the bot's settings, not with /staff.

## The card
curation-card-title = 📝 <b>Contribution #{ $id }</b> · { $status }
curation-status-pending = ⏳ awaiting review
curation-status-published = ✅ published
curation-status-rejected = ❌ rejected
curation-status-archived = 🗄 archived
curation-status-draft = 📝 withdrawn
curation-card-meta = { $industry } · { $country }{ $tags }
curation-card-structured = 🤖 <i>Structured by the model from a member's answer to a question put to the community: check it says what they wrote. The asker received the answer as written.</i>
curation-card-asked = ❓ <i>The question put to the community, as its asker wrote it ({ $language }), for reference only: the contribution's own fields stay in its language.</i>
    { $question }
curation-card-shortened = ✂️ <i>Long texts are shortened here to fit one message; ✏️ Edit shows each field in full.</i>
curation-card-shortened-decided = ✂️ <i>Long texts are shortened here to fit one message.</i>
curation-card-version = <b>{ $language }</b>{ $machine }
curation-card-machine = (machine translation)
curation-card-field = <i>{ $field }:</i> { $text }
curation-card-contributor = 👤 { $name }{ $company } · { $country } · earlier contributions: { $earlier }, approved: { $approved }
curation-card-anonymous = (not named)
curation-card-similar = <b>Most similar published:</b>
curation-card-similar-line = { $index }. { $title } <code>{ $externalId }</code>
curation-card-similar-none = No similar published experience.
curation-card-warnings = ⚠️ <b>Check:</b> { $warnings }
curation-warning-instructions = text that reads like instructions to an assistant
curation-warning-base64 = an encoded (base64) blob
curation-warning-zero-width = invisible characters
curation-warning-link = a link
curation-warning-phone = a phone number
curation-warning-email = an e-mail address
curation-warning-short-solution = the solution is one short sentence
curation-warning-problem-missing = the problem is not written yet (the question it answers was not seen, or is in another language): write it with ✏️ Edit before approving
curation-button-approve = ✅ Approve
curation-button-edit = ✏️ Edit
curation-button-merge = 🔀 Merge
curation-button-reject = ❌ Reject
curation-outcome = { $outcome } by { $name }, { $at }
curation-outcome-published = ✅ Approved
curation-outcome-rejected = ❌ Rejected
curation-outcome-archived = 🔀 Merged
curation-outcome-draft = ↩️ Withdrawn by the contributor
curation-someone = a curator

## Decisions
curation-approved = Approved and published.
curation-rejected = Rejected.
curation-merged = Merged.
curation-already-decided = Already decided: { $outcome } by { $name }, { $at }. Nothing was changed.
curation-already-withdrawn = The contributor withdrew it. Nothing was changed.
curation-not-found = This contribution no longer exists.
curation-bad-target = That experience cannot take the merge (it is not published). Nothing was changed.
curation-problem-missing = Its problem is not written yet. Add it with ✏️ Edit first; nothing was changed.
curation-reject-ask = Why reject “{ $title }”? The contributor is told the reason.
curation-reason-duplicate = Already in the knowledge base
curation-reason-unclear = Too unclear or too short to help
curation-reason-off-topic = Not a business experience
curation-reason-unsafe = Unsafe or against the rules
curation-reason-other = ✍️ Type a reason
curation-reason-type = Type the reason in one message (or /cancel).
curation-reason-too-long = Please keep the reason under { $max } characters.
curation-cancelled = Cancelled. Nothing was changed.
curation-merge-ask = Merge “{ $title }” into which experience?
curation-merge-none = There is no similar published experience to merge into.
curation-merge-version = { $index }. as its { $language } version
curation-merge-append = { $index }. append to its solution

## /review
curation-review-none = No contribution is waiting for review here.
curation-missing-none = Every published experience has all three languages.
curation-missing-header = <b>Published experiences lacking a language</b> ({ $total }):
curation-missing-line = { $title } <code>{ $externalId }</code> — missing: { $languages }
curation-missing-edit = ✏️ { $index }

## Editing, in the curator's private chat
curation-edit-in-private = I wrote to you in our private chat to edit it.
curation-edit-start-private = Please open a private chat with me and send /start first, then press Edit again.
curation-edit-choose-language = Edit which language version of “{ $title }”?
curation-edit-language-missing = { $language } (missing: add it)
curation-edit-choose-field = { $language } version: which field?
curation-edit-done = Done
curation-edit-ask = Send the new { $field } (or /cancel). Now:
    { $current }
curation-edit-ask-new = Send the { $field } of the { $language } version (or /cancel).
curation-edit-skip = Skip
curation-edit-saved = Saved.
curation-edit-finished = Edit finished.
curation-edit-text-only = Please send text (or /cancel).

## Telling the contributor
curation-approved-notice = ✅ Your experience <b>{ $title }</b> was approved and is now published. Thank you! See it here: { $link }
curation-merged-notice = ✅ Your experience <b>{ $title }</b> was added to an experience already in the knowledge base. Thank you! See it here: { $link }
curation-rejected-notice = Your experience <b>{ $title }</b> was not published. Reason: { $reason ->
        [duplicate] it is already in the knowledge base.
        [unclear] it is too unclear or too short to help others.
        [off-topic] it is not a business experience.
        [unsafe] it is unsafe or against the rules.
       *[other] { $text }
    }
# /help in the staff chat, in the sender's language; { $language }: the chat's language now.
curation-staff-chat-help =
    <b>SME Bridge in the staff chat</b>
    New contributions arrive here as review cards: ✅ Approve · ✏️ Edit (in your private chat with me) · 🔀 Merge · ❌ Reject.
    /review — the next contribution waiting for review; /review missing — published experiences lacking a language
    /open — the questions put to the community; /close followed by a number closes one
    /settings (group admins) — the language of the cards and of everything I post in this chat, now { $language }
    /staff, in a private chat with me (admins) — the center's staff; add or remove curators
curation-staff-chat-language-default = English (nobody has chosen one yet)
# Under a review card in a staff chat whose language nobody chose; shown in each other language.
curation-card-language-hint = 🌐 For the cards in English, a group admin sends /settings and picks English.
# After /help in a staff member's private chat.
bot-help-staff =
    <b>For center staff</b>
    /review — the next contribution waiting for review (in the staff chat, or here)
    /open — the questions put to the community; /close followed by a number closes one
    /staff — the center's staff (admins: /staff add, /staff remove)
curation-review-none-new = { $count ->
    [one] No new contribution to show: the one still waiting for a decision has its card above (this message replies to it).
   *[other] No new contribution to show: { $count } still wait for a decision, their cards above (this message replies to the oldest).
}
