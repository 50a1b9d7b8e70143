# کارکنان مرکز: نقش‌ها ({ "/staff" })، کارت‌های بررسی ({ "/review" }) و تصمیم‌ها. پیام‌ها به صورت HTML فرستاده می‌شوند.
curation-not-staff = این فقط برای کارکنان مرکز است. چیزی تغییر نکرد.
curation-admin-only = فقط مدیر می‌تواند کارکنان را تغییر دهد. چیزی تغییر نکرد.
curation-private-or-staff-chat = { "/review" } را در گروه کارکنان یا در گفتگوی خصوصی با من بفرستید.

## /staff
curation-staff-usage = برای افزودن یک بازبین: به پیام او با <code>/staff add</code> پاسخ دهید، یا <code>/staff add 123456789</code> (شناسهٔ تلگرام او) را بفرستید. <code>/staff remove</code> هم به همین شکل است.
curation-staff-list = <b>کارکنان مرکز</b> ({ $count }):
curation-staff-line = • { $name } — { $role }
curation-staff-nobody-named = شناسهٔ { $id }
curation-role-admin = مدیر
curation-role-curator = بازبین
curation-role-member = عضو
curation-staff-added = { $name } اکنون بازبین است.
curation-staff-removed = { $name } دیگر جزو کارکنان نیست.
curation-staff-unchanged = تغییری لازم نیست: { $name } همین حالا { $role } است.
curation-staff-target-admin = { $name } مدیر است: مدیران با ADMIN_IDS در تنظیمات ربات تعیین می‌شوند، نه با { "/staff" }.

## کارت
curation-card-title = 📝 <b>مشارکت #{ $id }</b> · { $status }
curation-status-pending = ⏳ در انتظار بررسی
curation-status-published = ✅ منتشرشده
curation-status-rejected = ❌ ردشده
curation-status-archived = 🗄 بایگانی‌شده
curation-status-draft = 📝 پس‌گرفته‌شده
curation-card-meta = { $industry } · { $country }{ $tags }
curation-card-structured = 🤖 <i>این متن را مدل از پاسخ یکی از اعضا به پرسشی که با جامعه در میان گذاشته شد ساختار داده است: بررسی کنید همان چیزی را بگوید که او نوشته است. پرسنده پاسخ را همان‌گونه که نوشته شده بود دریافت کرد.</i>
curation-card-asked = ❓ <i>پرسشی که با جامعه در میان گذاشته شد، همان‌گونه که پرسنده نوشت ({ $language })، فقط برای مراجعه: بخش‌های خود این تجربه به زبان خودش می‌مانند.</i>
    { $question }
curation-card-shortened = ✂️ <i>متن‌های بلند اینجا کوتاه شده‌اند تا در یک پیام جا شوند؛ «✏️ ویرایش» هر بخش را کامل نشان می‌دهد.</i>
curation-card-shortened-decided = ✂️ <i>متن‌های بلند اینجا کوتاه شده‌اند تا در یک پیام جا شوند.</i>
curation-card-version = <b>{ $language }</b>{ $machine }
curation-card-machine = (ترجمهٔ ماشینی)
curation-card-field = <i>{ $field }:</i> { $text }
curation-card-contributor = 👤 { $name }{ $company } · { $country } · مشارکت‌های پیشین: { $earlier }، پذیرفته‌شده: { $approved }
curation-card-anonymous = (بی‌نام)
curation-card-similar = <b>شبیه‌ترین تجربه‌های منتشرشده:</b>
curation-card-similar-line = { $index }. { $title } <code>{ $externalId }</code>
curation-card-similar-none = تجربهٔ منتشرشدهٔ مشابهی نیست.
curation-card-warnings = ⚠️ <b>بررسی کنید:</b> { $warnings }
curation-warning-instructions = متنی که شبیه دستور به یک دستیار است
curation-warning-base64 = یک بلوک رمزشده (base64)
curation-warning-zero-width = نویسه‌های نامرئی
curation-warning-link = یک پیوند
curation-warning-phone = یک شماره تلفن
curation-warning-email = یک نشانی ایمیل
curation-warning-short-solution = راه‌حل فقط یک جملهٔ کوتاه است
curation-warning-problem-missing = مسئله هنوز نوشته نشده است (پرسشی که به آن پاسخ می‌دهد دیده نشده یا به زبان دیگری است): پیش از تأیید، آن را با ✏️ ویرایش بنویسید
curation-button-approve = ✅ تأیید
curation-button-edit = ✏️ ویرایش
curation-button-merge = 🔀 ادغام
curation-button-reject = ❌ رد
curation-outcome = { $outcome } توسط { $name }، { $at }
curation-outcome-published = ✅ تأیید شد
curation-outcome-rejected = ❌ رد شد
curation-outcome-archived = 🔀 ادغام شد
curation-outcome-draft = ↩️ مشارکت‌کننده آن را پس گرفت
curation-someone = یک بازبین

## تصمیم‌ها
curation-approved = تأیید و منتشر شد.
curation-rejected = رد شد.
curation-merged = ادغام شد.
curation-already-decided = پیش‌تر تصمیم گرفته شده: { $outcome } توسط { $name }، { $at }. چیزی تغییر نکرد.
curation-already-withdrawn = مشارکت‌کننده آن را پس گرفته است. چیزی تغییر نکرد.
curation-not-found = این مشارکت دیگر وجود ندارد.
curation-bad-target = آن تجربه نمی‌تواند ادغام را بپذیرد (منتشرشده نیست). چیزی تغییر نکرد.
curation-problem-missing = مسئلهٔ آن هنوز نوشته نشده است. نخست آن را با ✏️ ویرایش بنویسید؛ چیزی تغییر نکرد.
curation-reject-ask = چرا «{ $title }» رد شود؟ دلیل به مشارکت‌کننده گفته می‌شود.
curation-reason-duplicate = پیش‌تر در پایگاه دانش هست
curation-reason-unclear = برای کمک، خیلی مبهم یا کوتاه است
curation-reason-off-topic = تجربهٔ کسب‌وکار نیست
curation-reason-unsafe = ناامن یا خلاف قوانین است
curation-reason-other = ✍️ نوشتن دلیل
curation-reason-type = دلیل را در یک پیام بنویسید (یا { "/cancel" }).
curation-reason-too-long = لطفاً دلیل را کمتر از { $max } نویسه بنویسید.
curation-cancelled = لغو شد. چیزی تغییر نکرد.
curation-merge-ask = «{ $title }» در کدام تجربه ادغام شود؟
curation-merge-none = تجربهٔ منتشرشدهٔ مشابهی برای ادغام نیست.
curation-merge-version = { $index }. به عنوان نسخهٔ { $language } آن
curation-merge-append = { $index }. افزودن به راه‌حل آن

## /review
curation-review-none = اینجا مشارکتی در انتظار بررسی نیست.
curation-missing-none = همهٔ تجربه‌های منتشرشده هر سه زبان را دارند.
curation-missing-header = <b>تجربه‌های منتشرشده‌ای که زبانی کم دارند</b> ({ $total }):
curation-missing-line = { $title } <code>{ $externalId }</code> — کم دارد: { $languages }
curation-missing-edit = ✏️ { $index }

## ویرایش، در گفتگوی خصوصی بازبین
curation-edit-in-private = برای ویرایش، در گفتگوی خصوصی‌مان به شما پیام دادم.
curation-edit-start-private = لطفاً گفتگوی خصوصی با من را باز کنید و اول { "/start" } را بفرستید، سپس دوباره ویرایش را بزنید.
curation-edit-choose-language = کدام نسخهٔ زبانی «{ $title }» ویرایش شود؟
curation-edit-language-missing = { $language } (نیست: افزودن)
curation-edit-choose-field = نسخهٔ { $language }: کدام بخش؟
curation-edit-done = تمام
curation-edit-ask = { $field } تازه را بفرستید (یا { "/cancel" }). اکنون:
    { $current }
curation-edit-ask-new = { $field } نسخهٔ { $language } را بفرستید (یا { "/cancel" }).
curation-edit-skip = رد شدن
curation-edit-saved = ذخیره شد.
curation-edit-finished = ویرایش تمام شد.
curation-edit-text-only = لطفاً متن بفرستید (یا { "/cancel" }).

## خبر به مشارکت‌کننده
curation-approved-notice = ✅ تجربهٔ شما <b>{ $title }</b> تأیید و منتشر شد. سپاس! آن را اینجا ببینید: { $link }
curation-merged-notice = ✅ تجربهٔ شما <b>{ $title }</b> به تجربه‌ای که در پایگاه دانش بود افزوده شد. سپاس! آن را اینجا ببینید: { $link }
curation-rejected-notice = تجربهٔ شما <b>{ $title }</b> منتشر نشد. دلیل: { $reason ->
        [duplicate] پیش‌تر در پایگاه دانش هست.
        [unclear] برای کمک به دیگران خیلی مبهم یا کوتاه است.
        [off-topic] تجربهٔ کسب‌وکار نیست.
        [unsafe] ناامن یا خلاف قوانین است.
       *[other] { $text }
    }
# /help in the staff chat, in the sender's language; { $language }: the chat's language now.
curation-staff-chat-help =
    <b>SME Bridge در گروه کارکنان</b>
    مشارکت‌های تازه به شکل کارت بررسی به اینجا می‌آیند: ✅ تأیید · ✏️ ویرایش (در گفتگوی خصوصی با من) · 🔀 ادغام · ❌ رد.
    مشارکت بعدی در انتظار بررسی: /review؛ تجربه‌های منتشرشده‌ای که زبانی کم دارند: /review missing
    پرسش‌هایی که از جامعه پرسیده شده‌اند: /open؛ فرمان /close و پس از آن شماره، یکی را می‌بندد
    زبان کارت‌ها و هر چه در این گروه می‌گذارم، اکنون { $language }: /settings (مدیران گروه)
    کارکنان مرکز و افزودن یا برداشتن کارشناس، در گفتگوی خصوصی با من (مدیران): /staff
curation-staff-chat-language-default = انگلیسی (هنوز کسی زبانی انتخاب نکرده است)
# Under a review card in a staff chat whose language nobody chose; shown in each other language.
curation-card-language-hint = 🌐 برای دیدن کارت‌ها به فارسی، یکی از مدیران این گروه /settings را بفرستد و «فارسی» را برگزیند.
# After /help in a staff member's private chat.
bot-help-staff =
    <b>برای کارکنان مرکز</b>
    مشارکت بعدی در انتظار بررسی (در گروه کارکنان یا همین‌جا): /review
    پرسش‌هایی که از جامعه پرسیده شده‌اند: /open؛ فرمان /close و پس از آن شماره، یکی را می‌بندد
    کارکنان مرکز (مدیران: /staff add و /staff remove): /staff
curation-review-none-new = مشارکت تازه‌ای برای نشان دادن نیست: { $count } مشارکت هنوز در انتظار تصمیم است و کارتش بالاتر در همین گفتگو است (این پیام پاسخی به قدیمی‌ترین آن‌هاست).
