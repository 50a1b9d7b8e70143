# 机器人自己的文字（src/bot）。消息以 HTML 发送：可以用标签，插入的值由代码转义。

bot-start-greeting = { $name }，您好！我是 <b>SME Bridge</b>，中伊中小企业合作中心的助手。
bot-start-howto = 您可以用中文、波斯语或英语问我任何经营问题：付款、清关、供应商、标准、物流、融资。我根据会员企业分享的真实经验来回答，注明每条经验的出处，您还可以打开查看完整经过。如果找不到合适的经验，我可以把您的问题转给社区。
bot-start-choose = 请选择语言。如果愿意，也可以介绍一下您的公司，当两条经验与您的问题同样相关时，我会优先展示同类企业的那一条。
bot-button-profile = 📝 我的公司资料（可选）

bot-help =
    <b>SME Bridge 使用说明</b>
    直接发消息提问即可。回复我的某条回答，就可以继续追问。
    每条回答下方：📖 查看每条经验的完整经过，👍 / 👎 告诉我们是否有帮助，🙋 向社区提问。

    /start — 欢迎与选择语言
    /language — 更改语言
    /profile — 您的公司、国家和行业
    /share — 分享您的经验
    /my — 您分享过的经验
    /privacy — 我们保存什么、为什么
    /forget — 删除您的数据
    /cancel — 中途退出分享经验或填写资料
bot-privacy =
    <b>SME Bridge 保存哪些信息，为什么</b>
    • 您的 Telegram ID 和名字：用来识别提问者并保留您的设置。
    • 您的语言和可选的公司资料（公司、国家、行业）：用您的语言回答，并优先展示同类企业的经验。
    • 您的问题、回答、引用的经验、回答用时以及您的 👍 / 👎：用来改进知识库，发现哪些话题还缺少经验。
    • 您转给社区的问题：让有经验的会员来回答。
    我们不出售任何信息，也不在中心以外分享。发送 /forget 即可全部删除。

bot-language-choose = 请选择语言：
bot-language-set = 好的，之后我用中文和您交流。
bot-language-name-fa = فارسی
bot-language-name-zh = 中文
bot-language-name-en = English

bot-profile-ask-company = 您的公司叫什么名字？（也可以点“跳过”）
bot-profile-company-invalid = 请用简短的文字发送公司名称（不超过 120 个字符），或点“跳过”。
bot-profile-company-question = 这看起来像一个问题。要完成资料，请发送公司名称或点“跳过”；要提问，请先发送 /cancel，再发送您的问题。
bot-profile-ask-country = 您的公司在哪个国家？请点按钮，或输入两个字母的国家代码，例如 TR。
bot-profile-country-invalid = 请点按钮，或输入两个字母的国家代码，例如 TR。
bot-profile-ask-industry = 贵公司属于哪个行业？
bot-profile-industry-invalid = 请用下面的按钮选择行业。
bot-profile-saved = 已保存。公司：{ $company } · 国家：{ $country } · 行业：{ $industry }。今后当两条经验同样相关时，会优先展示同类企业的那一条。
bot-profile-none = —
bot-profile-current = 您的公司资料。公司：{ $company } · 国家：{ $country } · 行业：{ $industry }。当两条经验同样相关时，会优先展示同类企业的那一条。
bot-button-profile-change = ✏️ 修改资料
bot-button-profile-keep = ↩️ 保留：{ $value }
bot-profile-cancelled = 公司资料保持不变。
bot-profile-private-only = 请在与我的私聊中使用 /profile。
bot-button-skip = 跳过

bot-abstained-offer = 要把问题转给社区吗？遇到过同样情况的会员可以回答，答复会发到这里。
bot-abstained-offer-group = 要把问题转给社区吗？遇到过同样情况的会员可以回答，答复会在与我的私聊中发给您。
bot-live-information-hint = 如果背后有业务上的问题（比如会员们怎样应对汇率波动），请用自己的话问出来，我会在会员经验里查找，或者转给社区。
bot-related-offer = 点开可阅读完整经历，也可以向社区提问：遇到过同样情况的会员可以回答，答复会发到这里。
bot-related-offer-group = 点开可阅读完整经历，也可以向社区提问：遇到过同样情况的会员可以回答，答复会在与我的私聊中发给您。
bot-sources = 引用的经验：
bot-source-line = { $n }. <b>{ $title }</b> — { $who } · { $industry }
bot-button-story = 📖 { $title }
bot-button-helpful = 👍 有帮助
bot-button-not-helpful = 👎 没有帮助
bot-button-ask-community = 🙋 向社区提问
bot-feedback-thanks = 谢谢，已记录。
bot-community-opened = 您的问题已转给社区。会员回答后，我会在这里转给您。
bot-community-opened-group = 您的问题已转给社区。会员回答后，我会在与我的私聊中转给您。
bot-community-already = 这个问题已经转给社区了。
bot-button-not-yours = 这个按钮不属于您，或已失效，没有做任何更改。

bot-story-meta = { $country } · { $industry }
bot-story-original-note = 暂无中文版本；以下是{ $language ->
    [fa] 波斯语
    [zh] 中文
   *[en] 英文
  }原文。
bot-story-translation-note = 暂无中文版本；以下是{ $language ->
    [fa] 波斯语
    [zh] 中文
   *[en] 英文
  }译文，原文为{ $original ->
    [fa] 波斯语
    [zh] 中文
   *[en] 英文
  }。
bot-story-problem = 问题
# Instead of the Problem heading, while a contribution has none yet (a /save or an answer to an open question): staff write it before publishing.
bot-story-problem-pending = 它所解决的问题将由中心工作人员在发布前撰写。
bot-story-solution = 解决办法
bot-story-outcome = 结果
bot-story-contributor = 分享者：{ $who }
# Between the contributor's name, company and city.
bot-story-who-separator = { "，" }
bot-story-verified = 最近核实：{ $date }
bot-story-not-found = 这条经验已无法查看（可能已被撤下）。

bot-too-long = 您的消息有 { $length } 个字符，请缩短到 { $max } 个字符以内再问。
# A message that is not a question (src/answering/small-talk.ts): nothing is searched, nothing is put to the community.
bot-small-talk-greeting = 您好！请直接写下您的业务问题，比如向供应商付款、清关、找经销商，我会根据会员企业的经验来回答。
bot-small-talk-thanks = 不客气！有问题随时再问我。
bot-small-talk-ok = 好的，有问题随时再问我。
bot-small-talk-yes = 要把问题转给社区，请点我回答下方的“🙋 向社区提问”按钮；想问别的，直接写下来就行。
bot-small-talk-no-words = 请用文字写下您的问题，例如：怎样给伊朗供应商付款？
bot-rate-limited = 您在一分钟内已经问了 { $limit } 个问题。请等 { $seconds } 秒后再问。
bot-other-input = 我只能识别文字消息。请把您的经营问题写成消息发给我，我会查找会员的相关经验。发送 /help 查看我还能做什么。
bot-unknown-command = 我无法识别这个命令。发送 /help 查看可用命令。
bot-nothing-to-cancel = 目前没有可以取消的操作。请直接提问，或发送 /help 查看我能做什么。
bot-button-expired = 这个按钮已失效。
bot-button-invalid = 这个按钮来自旧版机器人或无效，没有做任何更改。
bot-error-apology = 抱歉，我这边出了点问题，请稍后再试。
bot-answer-delayed = 您的回答已经准备好了，但 Telegram 目前投递较慢。一旦 Telegram 接收，回答就会出现在这里，无需重新提问。
# Under an answer shown while the model is still writing it; the finished answer replaces the message.
bot-answer-writing = ✍️ 正在撰写……

bot-command-start = 欢迎与选择语言
bot-command-help = 使用说明
bot-command-language = 更改语言
bot-command-profile = 您的公司资料
bot-command-share = 分享您的经验
bot-command-my = 您分享过的经验
bot-command-privacy = 我们保存什么、为什么
bot-command-forget = 删除您的数据
bot-button-members-only = 这些按钮供提问的会员使用。如需评价回答或向社区提出您自己的问题，请开始与我私聊（{ $bot }），在那里提问。
