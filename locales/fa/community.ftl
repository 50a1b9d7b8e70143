community-language-name = { $language ->
    [fa] فارسی
    [zh] چینی
   *[en] انگلیسی
}
community-question-post =
    🙋 <b>یکی از اعضا از جامعه می‌پرسد</b> (به { community-language-name }):

    { $question }

    اگر پاسخ را می‌دانید، دکمه را بزنید: پاسخ شما را در گفت‌وگوی خصوصی می‌گیرم و برای او می‌فرستم.
community-question-with-translation =
    { $question }

    <i>ترجمهٔ ماشینی:</i> { $translation }
community-button-can-answer = ✍️ من می‌توانم پاسخ دهم
community-answer-prompt =
    🙋 یکی از اعضا می‌پرسد:

    { $question }

    لطفاً پاسخ خود را در یک پیام بنویسید: چه کردید و چه نتیجه‌ای گرفتید. پاسخ برای آن عضو و برای بررسی به کارکنان مرکز فرستاده می‌شود. با /cancel خارج شوید.
community-answer-busy = لطفاً اول پاسخ خود را بنویسید، یا با /cancel خارج شوید.
community-answer-text-only = فقط پاسخ نوشتاری را می‌پذیرم. لطفاً پاسخ را بنویسید، یا با /cancel خارج شوید.
community-answer-cancelled = لغو شد: چیزی فرستاده نشد.
community-answer-sent = سپاس! پاسخ شما برای آن عضو فرستاده شد و کارکنان مرکز آن را برای پایگاه دانش بررسی می‌کنند.
community-answer-not-open = این پرسش دیگر باز نیست: پاسخ گرفته یا بسته شده است.
community-answer-own-question = این پرسش خود شماست: پاسخ‌های جامعه را همین‌جا دریافت می‌کنید.
community-answer-received =
    🙋 یکی از اعضا به پرسش شما پاسخ داد

    { $question }

    { $translated ->
        [yes] پاسخ او، ترجمه‌شده از { community-language-name }:
       *[no] پاسخ او (نوشته‌شده به { community-language-name }):
    }

    { $answer }
community-answer-received-named =
    🙋 { $who } به پرسش شما پاسخ داد

    { $question }

    { $translated ->
        [yes] پاسخ او، ترجمه‌شده از { community-language-name }:
       *[no] پاسخ او (نوشته‌شده به { community-language-name }):
    }

    { $answer }
community-question-answered =
    ✅ <b>پاسخ داده شد</b> (پرسیده‌شده به { community-language-name }):

    { $question }

    از همه سپاس: پاسخ یکی از اعضا کمک کرد.
community-answer-feedback-thanks = سپاس! این به ما نشان می‌دهد کدام پاسخ‌ها کمک می‌کنند.
community-answer-ask-named = آیا آن عضو (و خوانندگان، پس از انتشار به دست کارکنان) ببینند چه کسی پاسخ داده است؟
community-answer-button-named = 👤 بله، با نام { $who }
community-answer-button-anonymous = 🕶 نه، بی‌نام پاسخ می‌دهم
community-answer-use-buttons = لطفاً با دکمه‌های بالا انتخاب کنید، یا با /cancel خارج شوید.
community-too-many-open = شما اکنون { $max } پرسش باز در جامعه دارید. وقتی یکی پاسخ گرفت (زیر پاسخی که کمک کرد 👍 بزنید)، می‌توانید پرسش دیگری بفرستید.
community-question-closed =
    🔒 <b>بسته شد</b> به دست کارکنان مرکز (پرسیده‌شده به { community-language-name }):

    { $question }
community-question-closed-notice =
    🔒 کارکنان مرکز پرسش شما از جامعه را بستند و دیگر پاسخی برای آن گرفته نمی‌شود:

    { $question }

    هر وقت خواستید می‌توانید آن را با کلمات دیگری دوباره بپرسید.
community-open-none = اکنون هیچ پرسشی در انتظار پاسخ جامعه نیست.
community-open-header = 🙋 <b>پرسش‌های در انتظار پاسخ جامعه</b>: اگر پاسخ را می‌دانید، دکمهٔ آن را بزنید.
community-open-item = <b>#{ $id }</b> { $question }
community-open-close-hint = کارکنان: فرمان /close و پس از آن شماره، آن پرسش را می‌بندد.
community-open-answer-button = ✍️ پاسخ به #{ $id }
community-close-usage = فرمان /close را با شمارهٔ یک پرسش باز بفرستید (در /open ببینید)، مثلاً /close 12.
community-close-closed = پرسش #{ $id } بسته شد: پیام‌هایش این را می‌گویند و دیگر پاسخی نمی‌گیرد.
community-close-not-open = پرسش #{ $id } باز نیست (پاسخ گرفته، بسته شده یا چنین شماره‌ای نیست). /open را ببینید.
community-close-forbidden = فقط کارکنان مرکز می‌توانند پرسشی را ببندند.
# فهرست فرمان‌ها (setMyCommands): { "/open" } در گفتگوهای خصوصی؛ { "/review" }، { "/open" } و { "/close" } در گروه کارکنان.
bot-command-open = پرسش‌هایی که منتظر پاسخ‌اند
bot-command-close = بستن یک پرسش باز با شماره‌اش
bot-command-review = بررسی مشارکت بعدی
