# Keeping knowledge current: machine translations, verification dates, the staff's re-verification digest.

answer-machine-note = 机器翻译，尚未经工作人员核对。
answer-verified = 核实于{ $month }。
answer-verified-overdue = 核实于{ $month }：已过复核日期，内容可能已过时。
bot-story-machine-note = 此版本为机器翻译，尚未经工作人员核对。

bot-digest-title = <b>待重新核实的经验</b>：{ $total } 条（第 { $page } / { $pages } 页）
bot-digest-intro = 这些经验核实于 { $months } 个多月前，或此后有 { $thumbs } 位成员认为没有帮助。每条是否仍然属实？
bot-digest-item = <b>{ $n }. { $title }</b>
    { $country } · { $industry } · { $verified }
bot-digest-never-verified = 从未核实
bot-digest-verified = 核实于{ $month }
bot-digest-thumbs-down = 此后有 { $count } 位成员点了 👎。他们的问题：
bot-digest-question = • { $question }
bot-digest-empty = <b>待重新核实的经验</b>：已全部处理。谢谢！
bot-digest-button-still-true = ✅ 仍然属实 · { $n }
bot-digest-button-edit = ✏️ 编辑 · { $n }
bot-digest-button-archive = 🗄 归档 · { $n }
bot-digest-button-previous = ◀
bot-digest-button-next = ▶
bot-digest-confirmed = 今天已核实：「{ $title }」。
bot-digest-archived = 已归档：「{ $title }」不再出现在回答中。
bot-digest-gone = 无需操作：该经验已不再发布。
bot-digest-refused = 只有中心工作人员可以执行此操作。
