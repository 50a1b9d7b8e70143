bot-command-save = 把有价值的消息存入知识库（审核员、群管理员）
save-usage = 请回复一条有价值的消息并发送 /save，把它存入知识库。也可以写上它回答的问题，例如：/save 怎么向中国供应商付款？
save-not-saveable = 我只能保存会员发的文字消息。请直接回复那条消息并发送 /save。
save-refused = 只有中心的审核员和本群管理员可以用 /save 保存消息。
save-already = 这条消息已经保存过了。
save-too-short = 这条消息太短，无法保存：只有 { $length } 个字符，一条经验至少需要 { $min } 个。
save-too-long = 这条消息太长，无法保存：共 { $length } 个字符，上限为 { $max } 个。
save-done-asked = 已保存，等待审核。我已在私聊中询问作者是否同意保留，以及是否署名。
save-done-anonymous = 已保存，等待审核，不署作者姓名：作者还没有和我开始对话，我无法询问。
save-consent-question =
    📌 您在 <b>{ $group }</b> 的一条消息被标为有价值的经验，以便其他会员借鉴：

    { $text }

    我们可以把它保留在知识库中吗？在任何人读到之前，中心工作人员会先审核。如果您在 { $days } 天内没有回复，它将不署名保留。
save-consent-a-group = 一个群
save-consent-button-named = ✅ 可以，署名：{ $who }
save-consent-button-anonymous = 🕶 可以，但不署名
save-consent-button-keep = ✅ 可以保留
save-consent-button-declined = ❌ 不，请不要保留
save-consent-named = 谢谢！您的消息将署名提交中心工作人员审核。用 /my 可以查看进度。
save-consent-anonymous = 谢谢！您的消息将不署名提交中心工作人员审核。用 /my 可以查看进度。
save-consent-declined = 好的：您的消息不会被保留。
save-consent-already = 您已经回答过了。
