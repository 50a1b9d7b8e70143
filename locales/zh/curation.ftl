# 中心工作人员：角色（/staff）、审核卡片（/review）及其决定。消息以 HTML 发送：数值由代码转义。
curation-not-staff = 仅限中心工作人员使用。未做任何更改。
curation-admin-only = 只有管理员可以更改工作人员。未做任何更改。
curation-private-or-staff-chat = 请在工作人员群或与我的私聊中使用 /review。

## /staff
curation-staff-usage = 添加审核员：回复其消息并发送 <code>/staff add</code>，或发送 <code>/staff add 123456789</code>（其 Telegram ID）。<code>/staff remove</code> 用法相同。
curation-staff-list = <b>中心工作人员</b>（{ $count } 人）：
curation-staff-line = • { $name } — { $role }
curation-staff-nobody-named = ID { $id }
curation-role-admin = 管理员
curation-role-curator = 审核员
curation-role-member = 会员
curation-staff-added = { $name } 现在是审核员。
curation-staff-removed = { $name } 已不再是工作人员。
curation-staff-unchanged = 无需更改：{ $name } 已经是{ $role }。
curation-staff-target-admin = { $name } 是管理员：管理员由机器人设置中的 ADMIN_IDS 指定，不能用 /staff 更改。

## 卡片
curation-card-title = 📝 <b>投稿 #{ $id }</b> · { $status }
curation-status-pending = ⏳ 等待审核
curation-status-published = ✅ 已发布
curation-status-rejected = ❌ 已拒绝
curation-status-archived = 🗄 已归档
curation-status-draft = 📝 已撤回
curation-card-meta = { $industry } · { $country }{ $tags }
curation-card-structured = 🤖 <i>此内容由模型根据一位会员对社区问题的回答整理而成：请核对它是否与会员所写一致。提问者收到的是原样的回答。</i>
curation-card-asked = ❓ <i>提给社区的问题，提问者原文（{ $language }），仅供参考：这条经验本身的各项内容保持它自己的语言。</i>
    { $question }
curation-card-shortened = ✂️ <i>较长的内容在此已缩短，以便放进一条消息；点“✏️ 编辑”可看到每个字段的全文。</i>
curation-card-shortened-decided = ✂️ <i>较长的内容在此已缩短，以便放进一条消息。</i>
curation-card-version = <b>{ $language }</b>{ $machine }
curation-card-machine = （机器翻译）
curation-card-field = <i>{ $field }：</i>{ $text }
curation-card-contributor = 👤 { $name }{ $company } · { $country } · 以往投稿：{ $earlier }，已通过：{ $approved }
curation-card-anonymous = （未署名）
curation-card-similar = <b>最相似的已发布经验：</b>
curation-card-similar-line = { $index }. { $title } <code>{ $externalId }</code>
curation-card-similar-none = 没有相似的已发布经验。
curation-card-warnings = ⚠️ <b>请检查：</b>{ $warnings }
curation-warning-instructions = 像是给助手下指令的文字
curation-warning-base64 = 一段编码（base64）内容
curation-warning-zero-width = 不可见字符
curation-warning-link = 链接
curation-warning-phone = 电话号码
curation-warning-email = 电子邮件地址
curation-warning-short-solution = 解决办法只有一句短话
curation-warning-problem-missing = 还没有问题描述（未看到它所回答的问题，或该问题是另一种语言）：批准前请用 ✏️ 编辑补上
curation-button-approve = ✅ 通过
curation-button-edit = ✏️ 编辑
curation-button-merge = 🔀 合并
curation-button-reject = ❌ 拒绝
curation-outcome = { $outcome }，操作人 { $name }，{ $at }
curation-outcome-published = ✅ 已通过
curation-outcome-rejected = ❌ 已拒绝
curation-outcome-archived = 🔀 已合并
curation-outcome-draft = ↩️ 投稿人已撤回
curation-someone = 一位审核员

## 决定
curation-approved = 已通过并发布。
curation-rejected = 已拒绝。
curation-merged = 已合并。
curation-already-decided = 已有决定：{ $outcome }，操作人 { $name }，{ $at }。未做任何更改。
curation-already-withdrawn = 投稿人已撤回。未做任何更改。
curation-not-found = 该投稿已不存在。
curation-bad-target = 该经验无法合并（未发布）。未做任何更改。
curation-problem-missing = 它还缺少问题描述。请先用 ✏️ 编辑补上；未做任何更改。
curation-reject-ask = 为什么拒绝“{ $title }”？投稿人会收到原因。
curation-reason-duplicate = 知识库中已有
curation-reason-unclear = 太含糊或太短，帮不上忙
curation-reason-off-topic = 不是商业经验
curation-reason-unsafe = 不安全或违反规则
curation-reason-other = ✍️ 输入原因
curation-reason-type = 请用一条消息输入原因（或 /cancel）。
curation-reason-too-long = 原因请少于 { $max } 个字符。
curation-cancelled = 已取消。未做任何更改。
curation-merge-ask = 将“{ $title }”合并到哪条经验？
curation-merge-none = 没有可合并的相似已发布经验。
curation-merge-version = { $index }. 作为其{ $language }版本
curation-merge-append = { $index }. 追加到其解决办法

## /review
curation-review-none = 这里没有等待审核的投稿。
curation-missing-none = 所有已发布经验都有三种语言。
curation-missing-header = <b>缺少语言版本的已发布经验</b>（{ $total } 条）：
curation-missing-line = { $title } <code>{ $externalId }</code> — 缺少：{ $languages }
curation-missing-edit = ✏️ { $index }

## 编辑，在审核员的私聊中
curation-edit-in-private = 我已在私聊中给您发消息，请在那里编辑。
curation-edit-start-private = 请先打开与我的私聊并发送 /start，然后再按编辑。
curation-edit-choose-language = 编辑“{ $title }”的哪个语言版本？
curation-edit-language-missing = { $language }（缺少：添加）
curation-edit-choose-field = { $language }版本：编辑哪一项？
curation-edit-done = 完成
curation-edit-ask = 请发送新的{ $field }（或 /cancel）。当前：
    { $current }
curation-edit-ask-new = 请发送{ $language }版本的{ $field }（或 /cancel）。
curation-edit-skip = 跳过
curation-edit-saved = 已保存。
curation-edit-finished = 编辑完成。
curation-edit-text-only = 请发送文字（或 /cancel）。

## 通知投稿人
curation-approved-notice = ✅ 您的经验 <b>{ $title }</b> 已通过审核并发布。谢谢！点此查看：{ $link }
curation-merged-notice = ✅ 您的经验 <b>{ $title }</b> 已并入知识库中的一条经验。谢谢！点此查看：{ $link }
curation-rejected-notice = 您的经验 <b>{ $title }</b> 未被发布。原因：{ $reason ->
        [duplicate] 知识库中已有。
        [unclear] 太含糊或太短，难以帮助他人。
        [off-topic] 不是商业经验。
        [unsafe] 不安全或违反规则。
       *[other] { $text }
    }
# /help in the staff chat, in the sender's language; { $language }: the chat's language now.
curation-staff-chat-help =
    <b>SME Bridge 在工作人员群</b>
    新投稿会以审核卡片的形式发到这里：✅ 通过 · ✏️ 编辑（在与我的私聊中）· 🔀 合并 · ❌ 拒绝。
    /review — 下一条待审核的投稿；/review missing — 缺少某种语言的已发布经验
    /open — 向社区提出的问题；/close 加编号可关闭其中一个
    /settings（群管理员）— 卡片以及我在本群发布的所有内容所用的语言，目前为{ $language }
    /staff，在与我的私聊中（管理员）— 中心工作人员名单；添加或移除审核员
curation-staff-chat-language-default = 英文（尚无人选择）
# Under a review card in a staff chat whose language nobody chose; shown in each other language.
curation-card-language-hint = 🌐 如需中文卡片，请本群管理员发送 /settings 并选择“中文”。
# After /help in a staff member's private chat.
bot-help-staff =
    <b>中心工作人员</b>
    /review — 下一条待审核的投稿（在工作人员群或这里）
    /open — 向社区提出的问题；/close 加编号可关闭其中一个
    /staff — 中心工作人员名单（管理员：/staff add、/staff remove）
curation-review-none-new = 没有新的投稿可显示：还有 { $count } 条等待决定，卡片在上方（本消息回复的是最早的一条）。
