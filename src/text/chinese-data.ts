// Word lists for Chinese matching, in simplified characters.

/** Informal or regional word → the standard word contributions use; longest match wins. */
export const INFORMAL_TO_STANDARD: Readonly<Record<string, string>> = {
  咋办: '怎么办',
  咋整: '怎么办',
  咋弄: '怎么做',
  咋样: '怎么样',
  咋: '怎么',
  啥时候: '什么时候',
  为啥: '为什么',
  干啥: '做什么',
  啥: '什么',
  靠谱: '可靠',
  不靠谱: '不可靠',
  靠不住: '不可靠',
  俺们: '我们',
  俺: '我',
  咱们: '我们',
  咱: '我们',
  木有: '没有',
  没得: '没有',
  搞定: '完成',
  多钱: '多少钱',
  老外: '外国人',
  打款: '付款',
  打钱: '付款',
  收钱: '收款',
  回款: '收款',
  出货: '发货',
  单子: '订单',
  厂子: '工厂',
  厂里: '工厂',
  厂家: '厂商',
  扯皮: '纠纷',
  折腾: '麻烦',
  亏死: '亏损',
  赔钱: '亏损',
  砍价: '议价',
  咋回事: '怎么回事',
  蛮: '很',
  挺: '很',
  给力: '有效',
  踩坑: '吃亏',
  坑人: '骗人',
  卡住: '扣留',
  被卡: '被扣',
};

/** Function words and chat fillers, dropped when they stand alone as a token. */
export const CHINESE_STOP_WORDS =
  '的 了 吗 呢 啊 吧 呀 哦 嘛 哈 啦 么 嗯 我 我们 你 你们 您 他 他们 她 她们 它 它们 是 在 有 和 跟 就 都 也 很 ' +
  '一个 这个 那个 这些 那些 什么 怎么 怎么办 怎么样 为什么 这 那 还 又 把 被 给 让 个 们 着 过 得 地 之 其 与 及 ' +
  '或 而 但 但是 因为 所以 如果 就是 还是 已经 一下 一些 比较 大家 有没有 哪 哪个 哪些 一 要 会 能 可以 请问 ' +
  '谢谢 你好 您好 请 下 上 对 从 到 等 为 于 以 并 或者 以及 然后 而且 这样 那样 这种 那种 自己 大概 ' +
  '怎样 如何 吗 呢 没 不 太 好 再 才 刚 想 需要 应该 多 少';

/** Characters too common to make a bigram meaningful when paired with each other. */
export const CHINESE_STOP_CHARS = '的了吗呢啊吧呀哦嘛哈啦么嗯我你您他她它是在有和跟就都也很这那还又把被给让个们着过得地之其与及或而但一要会能想';
