# /my：会员自己提交的经验及其状态。消息以 HTML 发送。
my-empty = 您还没有分享过经验。发送 /share 即可添加一条。
my-header = <b>您的经验</b>（{ $count } 条），最新的在前：
my-item = { $index }. <b>{ $title }</b>
    { $status }
my-status-draft = 📝 草稿
my-status-pending = ⏳ 等待审核
my-status-published = ✅ 已发布
my-status-rejected = ✖️ 未通过
my-status-archived = 🗄 已归档
my-not-member = 请先发送 /start。
my-rejected-reason = { $status }：{ $reason }
my-button-edit = ✏️ 修改
my-button-withdraw = ↩️ 撤回
my-button-resubmit = 📤 重新提交审核
my-button-done = ✔️ 不改了
my-edit-which = 您想修改哪一部分？发送 /cancel 停止。
my-edit-which-language = 您想修改哪个语言版本？
my-edit-busy = 您正在修改一条经验。请回答上面的问题，或发送 /cancel 停止。
my-edit-saved = 已保存。中心工作人员将审核新版本。
my-edit-unchanged = 没有任何修改。
my-edit-cancelled = 已取消修改，您的经验保持不变。
my-edit-failed = 抱歉，暂时无法保存修改。请过几分钟再试。
my-not-editable = 这条经验已不在等待审核状态，现在无法修改。发送 /my 查看其状态。
my-withdrawn = 已撤回：工作人员不会审核它。它作为草稿保留在 /my 中，您可以重新提交。
my-resubmitted = 已重新提交：<b>等待审核</b>。
my-gone = 这条经验不在您的经验之中（可能已被删除）。发送 /my 查看您的经验。
my-item-with-reason = { $index }. <b>{ $title }</b>
    { $status }：{ $reason }
my-private-only = 请在与我的私聊中使用 /my。
