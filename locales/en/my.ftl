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
