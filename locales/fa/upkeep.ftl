# Keeping knowledge current: machine translations, verification dates, the staff's re-verification digest.

answer-machine-note = ترجمهٔ ماشینی؛ هنوز کارکنان مرکز آن را بررسی نکرده‌اند.
answer-verified = تأییدشده در { $month }.
answer-verified-overdue = تأییدشده در { $month }؛ موعد بازبینی آن گذشته و ممکن است دیگر درست نباشد.
bot-story-machine-note = این نسخه ترجمهٔ ماشینی است و هنوز کارکنان مرکز آن را بررسی نکرده‌اند.

bot-digest-title = <b>تجربه‌هایی برای تأیید دوباره</b>: { $total } (صفحهٔ { $page } از { $pages })
bot-digest-intro = بیش از { $months } ماه پیش تأیید شده‌اند، یا از آن پس { $thumbs } عضو آن‌ها را مفید ندانسته‌اند. آیا هر کدام هنوز درست است؟
bot-digest-item = <b>{ $n }. { $title }</b>
    { $country } · { $industry } · { $verified }
bot-digest-never-verified = هرگز تأیید نشده
bot-digest-verified = تأییدشده در { $month }
bot-digest-thumbs-down = 👎 از { $count } عضو از آن پس. پرسش‌هایشان:
bot-digest-question = • { $question }
bot-digest-empty = <b>تجربه‌هایی برای تأیید دوباره</b>: چیزی نمانده است. سپاس!
bot-digest-button-still-true = ✅ هنوز درست است · { $n }
bot-digest-button-edit = ✏️ ویرایش · { $n }
bot-digest-button-archive = 🗄 بایگانی · { $n }
bot-digest-button-previous = ◀
bot-digest-button-next = ▶
bot-digest-confirmed = امروز تأیید شد: « { $title } ».
bot-digest-archived = بایگانی شد: « { $title } » دیگر در پاسخ‌ها نمی‌آید.
bot-digest-gone = کاری نمانده است: این تجربه دیگر منتشرشده نیست.
bot-digest-refused = فقط کارکنان مرکز می‌توانند این کار را انجام دهند.
