# 控制台模式：在终端中使用机器人，无需 Telegram。以纯文本输出。
console-banner = SME Bridge：本地控制台
    您正在这台电脑上与机器人对话，无需 Telegram。
    输入您的问题，或 /start、/share、/my、/help 等命令。
    按钮显示为 [1]、[2] …：输入数字即可按下。
    /lang fa、/lang zh 或 /lang en 切换语言；/quit 或 Ctrl-D 退出。
console-telegram-hint = 如需改用 Telegram：通过 @BotFather 创建机器人，在 .env 文件中写入 BOT_TOKEN=<令牌>，然后重新运行 npm start。
console-seeded = 已载入演示知识库：{ $count } 条经验。
console-lang-switched = 语言：中文。
console-lang-usage = 请使用 /lang fa、/lang zh 或 /lang en。
console-no-button = 上一条消息没有第 { $number } 个按钮。
console-bye = 再见。
console-staff-chat-title = 中心工作人员
console-staff-hint = 您在这里是管理员；中心工作人员有一个群聊「{ $chat }」：输入 /in staff 在群里发言，输入 /in me 回到您与机器人的私聊。机器人在工作人员群里发的消息会标上群名显示。
console-seeded-pending = 有 { $count } 条成员投稿等待审核：工作人员批准之前，成员看不到它们。
console-in-staff = 现在在工作人员群「{ $chat }」中发言。输入 /in me 回到私聊。
console-in-me = 现在在您与机器人的私聊中发言。
console-in-usage = 请使用 /in staff（工作人员群）或 /in me（与机器人的私聊）。
