# 回答会员的提问（src/answering）。国家和行业名称也在这里。

answer-nothing-found = 知识库中暂时还没有能回答这个问题的经验。
answer-live-information = 这个问题问的是实时信息——天气、某地现在的时间、今天的价格或汇率、比赛结果、近期有什么活动——会员过去的经验无法回答。请查看天气、新闻或财经服务获取最新信息。
answer-related-found = 这个问题我没有确定的答案。以下会员经验可能相关：
answer-offline-intro = 以下是会员企业的相关经验：
answer-original-note = （原文为{ $language ->
    [fa] 波斯语
    [zh] 中文
   *[en] 英文
  }）
answer-experience-meta = { $who } · { $industry }
# 经验提供者的公司、城市、国家之间的分隔符。
answer-who-separator = { "，" }
answer-translation-note = （暂无中文版本：以下为{ $language ->
    [fa] 波斯语
    [zh] 中文
   *[en] 英文
  }译文，原文为{ $original ->
    [fa] 波斯语
    [zh] 中文
   *[en] 英文
  }）
answer-results-heading = 相关经验：

industry-food = 食品
industry-textiles = 纺织
industry-machinery = 机械
industry-chemicals = 化工
industry-automotive = 汽车
industry-electronics = 电子
industry-construction = 建筑
industry-agriculture = 农业
industry-handicrafts = 手工艺品
industry-pharma = 医药
industry-logistics = 物流
industry-software = 软件
industry-energy = 能源
industry-other = 其他

country-IR = 伊朗
country-CN = 中国
country-AE = 阿联酋
country-TR = 土耳其
country-HK = 中国香港
country-RU = 俄罗斯
country-IQ = 伊拉克
# ISO's code for "unknown": a message kept with /save, or a contribution whose author gave no country.
country-ZZ = 国家未注明
