# /forget：会员删除自己的数据，并选择已发布的经验如何处理。
forget-explain = <b>删除我的数据</b>
    这将永久删除您的资料、您提过的问题和收到的回答、您的反馈、您转给社区的问题，以及与我之间未完成的对话。此操作无法撤销。
forget-choose = { $published ->
        [0] 您没有已发布的经验。现在删除全部数据吗？
       *[other] 您有 { $published } 条已发布的经验。要一并删除，还是去掉您的姓名、公司和城市后保留在知识库中？
    }
forget-button-delete = 🗑 全部删除，包括我的经验
forget-button-anonymise = 👤 删除我的数据，经验匿名保留
forget-button-erase = 🗑 全部删除
forget-button-cancel = ↩️ 保留所有内容
forget-done-delete = 已完成：您的所有数据，包括您的经验，都已删除。如果您再次给我发消息，您将作为新会员重新开始。
forget-done-anonymise = 已完成：您的所有数据都已删除。您已发布的经验将以匿名方式保留在知识库中。如果您再次给我发消息，您将作为新会员重新开始。
forget-cancelled = 没有删除任何内容。
forget-nothing = 我这里没有您的数据。
forget-failed = 抱歉，删除失败，没有任何改动。请过几分钟再发送 /forget 试一次。
forget-private-only = 请在与我的私聊中使用 /forget。
forget-holding = 我保存的关于您的数据：
forget-holding-nothing = 除了您的资料和语言，我没有保存关于您的其他数据。
forget-count-questions = • 您提过的 { $count } 个问题及其回答
forget-count-feedback = • 您对回答的 { $count } 次评价
forget-count-open-questions = • 您向社区提出的 { $count } 个问题
forget-count-pending = • { $count } 条等待审核的经验（将删除）
forget-count-draft = • { $count } 条已撤回的经验（将删除）
forget-count-rejected = • { $count } 条未通过的经验（将删除）
forget-count-published = • { $count } 条已发布的经验（请在下面选择）
forget-count-saved-messages = • 您在群组中被 /save 保存、但您尚未同意保留的 { $count } 条消息（将删除）
forget-count-introductions = • 您发出或收到的 { $count } 个引荐请求（将删除）
