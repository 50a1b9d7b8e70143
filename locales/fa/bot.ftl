# متن‌های خود بات (src/bot). پیام‌ها با HTML فرستاده می‌شوند: برچسب‌ها مجازند و مقادیر را کد escape می‌کند.
# هر سطر با واژه‌ای فارسی آغاز می‌شود تا جهت راست‌به‌چپ بماند؛ دستورها در پایان سطر می‌آیند.

bot-start-greeting = سلام { $name }! من <b>SME Bridge</b> هستم، دستیار مرکز همکاری بنگاه‌های کوچک و متوسط ایران و چین.
bot-start-howto = هر پرسشی دربارهٔ کسب‌وکارتان دارید به فارسی، چینی یا انگلیسی بپرسید: پرداخت، گمرک، تأمین‌کننده، استاندارد، حمل‌ونقل، تأمین مالی. پاسخ را از تجربه‌های واقعی شرکت‌های عضو می‌دهم، نام هر تجربه را می‌آورم و می‌توانید متن کاملش را ببینید. اگر تجربه‌ای پیدا نشد، می‌توانم پرسش شما را با اعضا در میان بگذارم.
bot-start-choose = زبان خود را انتخاب کنید و اگر مایلید دربارهٔ شرکتتان بگویید تا وقتی دو تجربه به یک اندازه به پرسشتان می‌خورند، تجربهٔ شرکت مشابه شما را اول نشان دهم.
bot-button-profile = 📝 مشخصات شرکت من (اختیاری)

bot-help =
    <b>راهنمای SME Bridge</b>
    پرسش خود را در یک پیام بنویسید. برای پرسش تکمیلی، روی یکی از پاسخ‌های من «پاسخ» (Reply) بزنید.
    زیر هر پاسخ: 📖 متن کامل هر تجربه، 👍 / 👎 برای این‌که بگویید مفید بود یا نه، و 🙋 برای پرسیدن از اعضا.

    خوش‌آمد و انتخاب زبان: /start
    تغییر زبان: /language
    شرکت، کشور و صنعت شما: /profile
    ثبت تجربهٔ خودتان: /share
    تجربه‌هایی که ثبت کرده‌اید: /my
    چه چیزی ذخیره می‌شود و چرا: /privacy
    پاک کردن اطلاعات شما: /forget
    رها کردن ثبت تجربه یا مشخصات در میانهٔ کار: /cancel
bot-privacy =
    <b>آنچه SME Bridge ذخیره می‌کند و دلیل آن</b>
    • شناسه و نام تلگرام شما: برای این‌که بدانیم چه کسی می‌پرسد و تنظیماتتان بماند.
    • زبان شما و مشخصات اختیاری (شرکت، کشور، صنعت): تا به زبان خودتان پاسخ دهیم و تجربهٔ شرکت‌های مشابه را اول نشان دهیم.
    • پرسش‌ها، پاسخ‌ها، تجربه‌های استنادشده، زمان پاسخ و 👍 / 👎 شما: برای بهتر کردن پایگاه دانش و یافتن موضوع‌هایی که تجربه کم دارند.
    • پرسش‌هایی که با اعضا در میان می‌گذارید: تا اعضایی که تجربه دارند پاسخ دهند.
    هیچ‌چیز فروخته نمی‌شود و بیرون از مرکز به اشتراک گذاشته نمی‌شود. با /forget همهٔ آن پاک می‌شود.

bot-language-choose = زبان خود را انتخاب کنید:
bot-language-set = انجام شد: از این پس فارسی صحبت می‌کنیم.
bot-language-name-fa = فارسی
bot-language-name-zh = 中文
bot-language-name-en = English

bot-profile-ask-company = نام شرکت شما چیست؟ (یا «رد شدن» را بزنید)
bot-profile-company-invalid = لطفاً نام شرکت را کوتاه بنویسید (حداکثر ۱۲۰ نویسه) یا «رد شدن» را بزنید.
bot-profile-ask-country = شرکت شما در کدام کشور است؟ یکی از دکمه‌ها را بزنید یا کد دوحرفی کشور را بنویسید، مثل TR.
bot-profile-country-invalid = لطفاً یکی از دکمه‌ها را بزنید یا کد دوحرفی کشور را بنویسید، مثل TR.
bot-profile-ask-industry = در چه صنعتی فعالیت می‌کنید؟
bot-profile-industry-invalid = لطفاً صنعت خود را با یکی از دکمه‌ها انتخاب کنید.
bot-profile-saved = ذخیره شد. شرکت: { $company } · کشور: { $country } · صنعت: { $industry }. از این پس وقتی دو تجربه به یک اندازه به پرسش می‌خورند، تجربهٔ شرکت مشابه شما اول می‌آید.
bot-profile-none = —
bot-profile-cancelled = مشخصات شرکت شما بدون تغییر ماند.
bot-profile-private-only = لطفاً { "/profile" } را در گفت‌وگوی خصوصی با من به کار ببرید.
bot-button-skip = رد شدن

bot-abstained-offer = تجربه‌ای از اعضا پیدا نکردم که به این پرسش پاسخ دهد. پرسش را با اعضا در میان بگذارم؟ اعضایی که همین مشکل را داشته‌اند می‌توانند پاسخ دهند و پاسخ همین‌جا به دستتان می‌رسد.
bot-related-offer = هر کدام را باز کنید تا کل ماجرا را بخوانید، یا پرسش را با اعضا در میان بگذارید: اعضایی که همین مشکل را داشته‌اند می‌توانند پاسخ دهند و پاسخ همین‌جا به دستتان می‌رسد.
bot-sources = تجربه‌های استنادشده:
bot-source-line = { $n }. <b>{ $title }</b> — { $who } · { $industry }
bot-button-story = 📖 { $title }
bot-button-helpful = 👍 مفید بود
bot-button-not-helpful = 👎 مفید نبود
bot-button-ask-community = 🙋 پرسیدن از اعضا
bot-feedback-thanks = سپاس، ثبت شد.
bot-community-opened = پرسش شما اکنون برای اعضا باز است. هر وقت عضوی پاسخ دهد، همین‌جا برایتان می‌فرستم.
bot-community-already = این پرسش پیش‌تر برای اعضا باز شده است.
bot-button-not-yours = این دکمه مال شما نیست یا دیگر فعال نیست. چیزی تغییر نکرد.

bot-story-meta = { $country } · { $industry }
bot-story-original-note = این تجربه هنوز نسخهٔ فارسی ندارد؛ متن زیر به زبان اصلی آن، { $language ->
    [fa] فارسی
    [zh] چینی
   *[en] انگلیسی
  }، است.
bot-story-translation-note = این تجربه هنوز نسخهٔ فارسی ندارد؛ متن زیر ترجمهٔ { $language ->
    [fa] فارسی
    [zh] چینی
   *[en] انگلیسی
  } آن است و متن اصلی به { $original ->
    [fa] فارسی
    [zh] چینی
   *[en] انگلیسی
  } است.
bot-story-problem = مشکل
# Instead of the Problem heading, while a contribution has none yet (a /save or an answer to an open question): staff write it before publishing.
bot-story-problem-pending = مشکلی را که این تجربه به آن پاسخ می‌دهد، کارکنان مرکز پیش از انتشار می‌نویسند.
bot-story-solution = راه‌حل
bot-story-outcome = نتیجه
bot-story-contributor = ثبت‌شده از سوی { $who }
# Between the contributor's name, company and city.
bot-story-who-separator = { "، " }
bot-story-verified = آخرین تأیید: { $date }
bot-story-not-found = این تجربه در دسترس نیست (شاید کنار گذاشته شده باشد).

bot-too-long = پیام شما { $length } نویسه است؛ لطفاً آن را به { $max } نویسه یا کمتر کوتاه کنید و دوباره بپرسید.
# A message that is not a question (src/answering/small-talk.ts): nothing is searched, nothing is put to the community.
bot-small-talk-greeting = سلام! پرسش کاری خود را بنویسید — پرداخت به تأمین‌کننده، ترخیص از گمرک، پیدا کردن نمایندهٔ فروش — تا از تجربه‌های شرکت‌های عضو پاسخ دهم.
bot-small-talk-thanks = خواهش می‌کنم! هر وقت پرسش دیگری داشتید بنویسید.
bot-small-talk-no-words = لطفاً پرسش خود را با کلمات بنویسید، مثلاً: چطور به تأمین‌کنندهٔ چینی پول بدهم؟
bot-rate-limited = در یک دقیقهٔ گذشته { $limit } پرسش فرستاده‌اید. لطفاً { $seconds } ثانیه صبر کنید و دوباره بپرسید.
bot-other-input = من فقط متن را می‌خوانم. پرسش تجاری خود را در یک پیام بنویسید تا تجربه‌های اعضا را برایتان پیدا کنم. برای دیدن کارهای دیگرم: /help
bot-unknown-command = این دستور را نمی‌شناسم. فهرست دستورها: /help
bot-nothing-to-cancel = چیزی برای لغو در جریان نیست. پرسش خود را بنویسید، یا برای دیدن کارهایم: /help
bot-button-expired = این دکمه دیگر فعال نیست.
bot-button-invalid = این دکمه از نسخهٔ قدیمی‌تر ربات است یا معتبر نیست. چیزی تغییر نکرد.
bot-error-apology = متأسفم، مشکلی از طرف من پیش آمد. لطفاً چند لحظه دیگر دوباره امتحان کنید.
bot-answer-delayed = پاسخ شما آماده است، اما تلگرام فعلاً در رساندن آن کند است. به محض اینکه تلگرام آن را بپذیرد همین‌جا می‌رسد؛ لازم نیست دوباره بپرسید.
# Under an answer shown while the model is still writing it; the finished answer replaces the message.
bot-answer-writing = ✍️ در حال نوشتن…

bot-command-start = خوش‌آمد و انتخاب زبان
bot-command-help = راهنمای ربات
bot-command-language = تغییر زبان
bot-command-profile = مشخصات شرکت شما
bot-command-share = ثبت تجربهٔ شما
bot-command-my = تجربه‌هایی که ثبت کرده‌اید
bot-command-privacy = چه چیزی ذخیره می‌شود و چرا
bot-command-forget = پاک کردن اطلاعات شما
