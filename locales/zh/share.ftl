# /share：会员分步提交一条经验。消息以 HTML 发送。
share-intro = <b>分享一条经验</b>
    您的经历可以帮其他会员少走几个月的弯路。我会问六个简短的问题；随时发送 /cancel 即可停止。
share-ask-title = <b>第 1 步（共 6 步）：标题</b>
    用一句话概括这条经验（不超过 { $max } 个字符），例如“通过迪拜的银行向伊朗供应商付款”。
share-ask-problem = <b>第 2 步（共 6 步）：遇到的问题</b>
    贵公司遇到了什么问题？在哪里、什么时候、和谁？（{ $min }–{ $max } 个字符）
share-ask-solution = <b>第 3 步（共 6 步）：解决办法</b>
    贵公司是怎么做的？请一步一步说明。（{ $min }–{ $max } 个字符）
share-ask-outcome = <b>第 4 步（共 6 步）：结果（可选）</b>
    最后结果如何？有数字更好：节省的天数、成本、金额。（不超过 { $max } 个字符）
share-ask-industry = <b>第 5 步（共 6 步）：行业</b>
    这条经验属于哪个行业？
share-ask-tags = <b>第 6 步（共 6 步）：标签（可选）</b>
    几个关键词，用逗号分隔，例如：清关，付款，信用证
share-skip = 跳过
share-too-short = 内容太短：只有 { $length } 个字符，这一项至少需要 { $min } 个。请补充一些细节后重新发送。
share-too-long = 内容太长：共 { $length } 个字符，这一项最多 { $max } 个。请精简后重新发送。
share-too-many-tags = 标签最多 { $max } 个，每个不超过 { $maxLength } 个字符，请修改后重新发送。
share-text-only = 请用文字消息回答。
share-use-buttons = 请点击上方的按钮进行选择。
share-busy = 您正在分享一条经验。请回答上面的问题，或发送 /cancel 停止。

share-button-submit = ✅ 提交
share-button-edit = ✏️ 修改
share-button-cancel = ✖️ 取消
share-edit-which = 您想修改哪一部分？
share-field-title = 标题
share-field-problem = 问题
share-field-solution = 解决办法
share-field-outcome = 结果
share-field-industry = 行业
share-field-tags = 标签
share-button-back = ↩️ 返回预览
share-submitted = 谢谢！我们已收到您的经验，目前<b>等待中心工作人员审核</b>。您可以在 /my 中查看它的状态。
share-cancelled = 已取消分享，没有保存任何内容。
share-failed = 抱歉，暂时无法保存您的经验。请过几分钟再发送 /share 试一次。
share-not-member = 请先发送 /start，再发送 /share。
share-private-only = 请在与我的私聊中使用 /share。

share-industry-food = 食品
share-industry-textiles = 纺织
share-industry-machinery = 机械
share-industry-chemicals = 化工
share-industry-automotive = 汽车
share-industry-electronics = 电子
share-industry-construction = 建筑
share-industry-agriculture = 农业
share-industry-handicrafts = 手工艺品
share-industry-pharma = 医药
share-industry-logistics = 物流
share-industry-software = 软件
share-industry-energy = 能源
share-industry-other = 其他
share-preview-header = <b>发布后，读者看到的内容将与下面完全一样：</b>
share-preview-tags = <i>搜索关键词（读者看不到）：{ $tags }</i>
share-ask-country = <b>您的公司在哪个国家？</b>
    读者会在您的经验旁看到国家。请按按钮，或输入两个字母的国家代码，例如 TR。
share-country-invalid = 请按按钮，或输入两个字母的国家代码，例如 TR。
share-ask-named = <b>是否让读者看到分享者？</b>
    如果是，您的经验末尾将显示：
    { $credit }
share-button-named = 👤 是，显示
share-button-anonymous = 🕶 否，匿名分享
share-field-country = 国家
share-field-named = 署名
