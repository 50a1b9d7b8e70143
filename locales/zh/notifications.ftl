# 机器人主动发送的消息（不是回答）：由 notify() 排队，经发件箱发送。以 HTML 发送。
notify-experience-published = ✅ 您的经验 <b>{ $title }</b> 已发布：询问相关问题的会员将能找到它。感谢您的分享！
