# 控制台模式：在终端中使用机器人，无需 Telegram。以纯文本输出。
console-banner = SME Bridge：本地控制台
    您正在这台电脑上与机器人对话，无需 Telegram。
    输入您的问题，或 /start、/share、/my、/help 等命令。
    按钮显示为 [1]、[2] …：输入数字即可按下。
    以 > 开头的一行会作为回复，发给您所在聊天的最后一条消息；/reply 列出该聊天最近的消息，/reply <编号> <内容> 回复其中一条。
    /lang fa、/lang zh 或 /lang en 切换语言；/quit 或 Ctrl-D 退出。
console-telegram-hint = 如需改用 Telegram：通过 @BotFather 创建机器人，在 .env 文件中写入 BOT_TOKEN=<令牌>，然后重新运行 npm start。
console-seeded = 已载入演示知识库：{ $count } 条经验。
console-lang-switched = 你的 Telegram 语言现在是中文。除非你用 /language 选了别的语言，机器人会用中文和你交流。
console-lang-usage = 请使用 /lang fa、/lang zh 或 /lang en。
console-no-button = 上一条消息没有第 { $number } 个按钮。
console-bye = 再见。
console-staff-chat-title = 中心工作人员
console-staff-hint = 您在这里是管理员；中心工作人员有一个群聊「{ $chat }」：输入 /in staff 在群里发言，输入 /in me 回到您与机器人的私聊。机器人在工作人员群里发的消息会标上群名显示。
console-seeded-pending = 有 { $count } 条成员投稿等待审核：工作人员批准之前，成员看不到它们。
console-in-staff = 现在在工作人员群「{ $chat }」中发言。输入 /in me 回到私聊。
console-in-me = 现在在您与机器人的私聊中发言。
console-in-usage = 请使用 /in staff（工作人员群）、/in group（成员群）或 /in me（与机器人的私聊）。
console-members-chat-title = 中伊中小企业成员群
console-group-hint = 成员们也在一个群里交流，「{ $chat }」：输入 /in group 在群里发言。在群里，机器人只回应 /ask <问题>、提到它的消息或对它消息的回复，并把没人能回答的问题发到群里。
console-in-group = 现在在成员群「{ $chat }」中发言：机器人回应 /ask <问题>、提到它的消息或对它消息的回复（> <内容> 回复群里的最后一条消息）；在某位成员的消息之后紧接着输入 > /save，即可保存那条消息。输入 /in me 回到私聊。
console-seeded-open-question = 一位成员的问题没人能回答，已发到「{ $chat }」：输入 /in group，再输入「✍️ 我来回答」按钮的数字即可作答，并看到答案送达提问者和工作人员的审核。
console-link-opened = 您打开了链接：现在在您与机器人的私聊中。
console-asker-chat = { $name }（演示提问者）的私聊
console-reply-usage = 输入 > <内容> 回复这里的最后一条消息，或输入 /reply <编号> <内容>（例如 /reply 3 /save）回复其他消息；只输入 /reply 会列出这些消息。
console-reply-nothing = 这个聊天里还没有可以回复的消息。
console-reply-not-found = 这个聊天里没有编号为 { $ref } 的消息：输入 /reply 查看最近的消息。
console-reply-list-hint = /reply <编号> <内容> 回复其中一条；> <内容> 回复最后一条。
console-reply-you = 您
console-reply-entry = { $ref } { $who }：{ $text }
console-reply-entry-reply = { $ref } { $who }，回复 { $to }：{ $text }
console-private-hint = （这条消息在您与机器人的私聊中：输入 /in me 到那里回复。）
