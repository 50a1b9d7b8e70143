group-not-enabled = 本群尚未启用 SME Bridge，因此我将退出。如需启用：请机器人的管理员重新把我加入本群，或先将本群的 ID（{ $chatId }）加入 ALLOWED_CHAT_IDS，再把我加回来。
group-allowed = 好的：我现在会在本群回答问题。请用 /ask 加上您的问题、提及我，或回复我的消息来提问。
group-disallowed = 好的：我不再在本群回答问题。
group-allow-refused = 只有机器人的管理员才能在群里启用或停用我。
group-ask-empty = 请在 /ask 后面写上您的问题，例如：/ask 怎样给中国供应商付款？
group-rate-limited = 本群在过去一分钟内已提出 { $limit } 个问题。{ $seconds } 秒后我可以再次回答。
group-settings-title = 本群设置。我在这里的消息语言：{ $language }。回答问题：{ $answering }。
group-settings-language-auto = 跟随每位提问者（我在这里主动发布的内容，如向社区提的问题，用英文）
group-settings-language-auto-staff = 跟随每个人（我在这里主动发布的内容，即审核卡片和向社区提的问题，用英文）
group-settings-on = 开启
group-settings-off = 关闭
group-settings-turn-on = ▶️ 开启回答
group-settings-turn-off = ⏸ 关闭回答
group-settings-refused = 只有本群的管理员才能更改本群的设置。
group-settings-private-only = 在私聊中，请用 /language 设置您的语言。/settings 供群管理员在群里使用。
bot-command-ask = 向会员经验提问
bot-command-settings = 本群的语言、开启或关闭回答（群管理员）
group-help =
    <b>SME Bridge 在本群</b>
    提问方式：发送 /ask 加上您的问题、提到我，或回复我的某条消息。我会根据会员企业分享的经验，用您提问的语言回答。
    /save：回复一条有价值的消息时发送（中心工作人员、群管理员），在作者同意后把它存入知识库。
    /settings（群管理员）：我在本群使用的语言，以及开启或关闭回答。
    在与我的私聊中，您可以提问、分享自己的经验（/share），并查看我的其他命令（/help）。
group-answering-off = 本群管理员已关闭我在这里的回答（/settings）。您可以在私聊中问我：{ $bot }
group-ask-staff-chat = 我不在工作人员群里回答问题。请在私聊（{ $bot }）或会员群中问我。
group-language-elsewhere = 您自己的语言请在与我的私聊中用 /language 设置。在本群，我的语言由群管理员用 /settings 选择。
group-posts-language-hint = 🌐 如需我在本群以中文发布消息，请本群管理员发送 /settings 并选择“中文”。
group-nothing-to-cancel = 这里没有正在进行的操作，无需取消。
