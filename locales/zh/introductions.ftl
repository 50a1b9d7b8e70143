# 引荐：会员希望结识某条经验背后的公司；经验的分享者接受或婉拒。只有在接受后才交换联系方式。
intro-button = 🤝 帮我联系这家公司
intro-private-only = 请在与我的私聊中申请引荐：在私聊里打开这条经验，再点一次按钮。
intro-ask-reason =
    🤝 您正在申请结识「{ $title }」背后的公司。

    请用一句话（不超过 { $max } 个字符）说明您为什么想与他们交流。对方会同时看到这句话以及您在 /profile 中填写的姓名、公司和国家。只有对方接受后，才会把您的 Telegram 联系方式告诉对方。发送 /cancel 可退出。
intro-text-only = 请以文字发送您的理由，或发送 /cancel 退出。
intro-cancelled = 已取消：没有发送任何申请。
intro-reason-invalid = 您的理由有 { $length } 个字符；请写一句 { $min } 到 { $max } 个字符的话。
intro-sent = ✅ 您的申请已发送。对方答复后我会在这里告诉您。在对方接受之前，不会透露您的 Telegram 联系方式。
intro-already-pending = 您已经申请过这次引荐，正在等待对方答复。对方答复后我会在这里告诉您。
intro-limited = 每周最多可申请 { $limit } 次引荐，您在过去七天内已申请了 { $limit } 次。您可以在 { $when }（UTC 时间）之后再次申请。
intro-unavailable = 这家公司目前不接受引荐申请。
intro-not-found = 这条申请不由您答复，或已不存在。
intro-already-decided = 这条申请已经答复过了：{ $status ->
    [accepted] 您已接受。
    [declined] 您已婉拒。
   *[expired] 它因无人答复而过期。
}
intro-you-declined = 已婉拒。您的任何信息都没有被分享；我会委婉地告诉对方这次无法安排。
intro-you-expired = 这条申请已过期：14 天内没有答复。没有分享任何信息。
intro-button-accept = ✅ 接受
intro-button-decline = ❌ 婉拒
intro-consent-on = 🤝 引荐已开启：阅读您经验的会员可以申请结识您。您会看到是谁、为什么申请，并且每次由您决定；只有您接受后才会分享您的联系方式。
intro-consent-off = 🤝 引荐已关闭：没有人能通过您的经验申请结识您。开启后，感兴趣的会员可以提出申请；每条申请都由您决定，只有您接受后才会分享您的联系方式。
intro-consent-button-on = 开启引荐
intro-consent-button-off = 关闭引荐
intro-message-request =
    🤝 <b>有一位会员希望结识您</b>，关于您的经验「{ $title }」：

    { $who }
    “{ $reason }”

    如果您接受，双方将收到彼此的 Telegram 联系方式。如果您婉拒，不会分享您的任何信息。
intro-message-contact-to-asker =
    🤝 <b>您的引荐申请已被接受。</b>

    { $who } 分享了「{ $title }」，很乐意与您交流。联系对方：{ $contact }
intro-message-contact-to-contributor =
    🤝 <b>您接受了一条引荐申请。</b>

    { $who } 读了「{ $title }」，希望与您交流：“{ $reason }”。联系对方：{ $contact }
intro-message-declined = 🤝 关于您对「{ $title }」的引荐申请：这家公司这次无法安排。感谢您的申请；除申请本身外，没有分享您的任何信息，欢迎继续向我提问。
intro-message-expired = 🤝 您对「{ $title }」的引荐申请在 14 天内没有得到答复，已经过期。没有分享任何信息；您可以再次申请。
