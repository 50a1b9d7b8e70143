community-language-name = { $language ->
    [fa] 波斯语
    [zh] 中文
   *[en] 英语
}
community-question-post =
    🙋 <b>一位会员向社区提问</b>（{ community-language-name }）：

    { $question }

    如果您知道答案，请点按钮：我会在私聊中接收您的回答并转交给提问者。
community-question-with-translation =
    { $question }

    <i>机器翻译：</i>{ $translation }
community-button-can-answer = ✍️ 我来回答
community-answer-prompt =
    🙋 一位会员提问：

    { $question }

    请用一条消息写下您的回答：您是怎么做的，结果如何。回答将发给提问者，并交给中心工作人员审核。发送 /cancel 退出。
community-answer-busy = 请先写下您的回答，或发送 /cancel 退出。
community-answer-text-only = 我只接收文字回答。请输入您的回答，或发送 /cancel 退出。
community-answer-cancelled = 已取消：没有发送任何内容。
community-answer-sent = 谢谢！您的回答已发给提问者，中心工作人员会审核后收入知识库。
community-answer-not-open = 这个问题已不再开放：已有答案或已关闭。
community-answer-own-question = 这是您自己的问题：社区的回答会发到这里。
community-answer-received =
    🙋 一位会员回答了您的问题

    { $question }

    { $translated ->
        [yes] 回答（译自{ community-language-name }）：
       *[no] 回答（用{ community-language-name }写成）：
    }

    { $answer }
community-answer-received-named =
    🙋 { $who } 回答了您的问题

    { $question }

    { $translated ->
        [yes] 回答（译自{ community-language-name }）：
       *[no] 回答（用{ community-language-name }写成）：
    }

    { $answer }
community-question-answered =
    ✅ <b>已解答</b>（用{ community-language-name }提问）：

    { $question }

    感谢大家：一位会员的回答帮上了忙。
community-answer-feedback-thanks = 谢谢！这能让我们知道哪些回答有帮助。
community-answer-ask-named = 要让提问者（以及工作人员发布后的读者）看到是谁回答的吗？
community-answer-button-named = 👤 是，署名 { $who }
community-answer-button-anonymous = 🕶 不，匿名回答
community-answer-use-buttons = 请用上面的按钮选择，或发送 /cancel 退出。
community-too-many-open = 您已有 { $max } 个向社区开放的问题。其中一个得到解答后（在有帮助的回答下点 👍），就可以再提问。
community-question-closed =
    🔒 <b>已由中心工作人员关闭</b>（用{ community-language-name }提问）：

    { $question }
community-question-closed-notice =
    🔒 中心工作人员已关闭您向社区提出的问题，它不再接收回答：

    { $question }

    您可以随时换个说法再问一次。
community-open-none = 目前没有等待社区回答的问题。
community-open-header = 🙋 <b>等待社区回答的问题</b>：如果您知道答案，请点对应的按钮。
community-open-item = <b>#{ $id }</b> { $question }
community-open-close-hint = 工作人员：发送 /close 加编号即可关闭该问题。
community-open-answer-button = ✍️ 回答 #{ $id }
community-close-usage = 请发送 /close 加一个开放问题的编号（见 /open），例如 /close 12。
community-close-closed = 问题 #{ $id } 已关闭：相关帖子已注明，不再接收回答。
community-close-not-open = 问题 #{ $id } 未开放（已解答、已关闭或没有这个编号）。请看 /open。
community-close-forbidden = 只有中心工作人员可以关闭问题。
# 命令菜单（setMyCommands）：私聊中的 /open；工作人员群中的 /review、/open 和 /close。
bot-command-open = 等待解答的问题
bot-command-close = 按编号关闭一个开放问题
bot-command-review = 审核下一条投稿
