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
